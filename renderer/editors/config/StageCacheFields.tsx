import type { JsonPath } from '../../store/editor-paths.ts';
import { BoolField, SelectField } from '../fields/ChoiceFields.tsx';

const SIZES = ['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237'].map((s) => [s, `${s} GB`] as const);

const STRATEGIES = [
  ['FAIL_WITH_403', 'Fail the request with 403'],
  ['SUCCEED_WITH_RESPONSE_HEADER', 'Ignore cache control, add a Warning header'],
  ['SUCCEED_WITHOUT_RESPONSE_HEADER', 'Ignore cache control, no header'],
] as const;

/** The stage's cache cluster and who may bypass it with `Cache-Control: max-age=0` (REST only). */
export function StageCacheFields({ at }: { at: JsonPath }) {
  return (
    <fieldset className="ed-group">
      <legend>Cache cluster</legend>
      <div className="ed-grid">
        <BoolField
          path={[...at, 'cacheClusterEnabled']}
          label="Provision API cache"
          hint="Methods cache only with this on and caching enabled in their settings."
          testId="cache-cluster-enabled"
        />
        <SelectField
          path={[...at, 'cacheClusterSize']}
          label="Cache capacity"
          choices={SIZES}
          unset="0.5 GB (default)"
        />
        <BoolField
          path={[...at, 'requireAuthorizationForCacheControl']}
          label="Require authorization to invalidate"
          defaultValue
          hint="Stands in for IAM's execute-api:InvalidateCache: header x-gatelab-invalidate: allow."
        />
        <SelectField
          path={[...at, 'unauthorizedCacheControlHeaderStrategy']}
          label="Unauthorized requests"
          choices={STRATEGIES}
          unset="Add a Warning header (default)"
        />
      </div>
    </fieldset>
  );
}
