import { useLab } from '../../store/store-context.tsx';
import { Card, RemoveButton } from '../Card.tsx';
import { BoolField, SelectField } from '../fields/ChoiceFields.tsx';
import { ListField } from '../fields/ListField.tsx';
import { TextField } from '../fields/TextField.tsx';
import { useDocValue } from '../hooks.ts';
import { routeKey } from '../model/config-info.ts';
import { IntegrationFields } from './IntegrationFields.tsx';

export const METHOD_CHOICES = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'ANY'].map(
  (m) => [m, m] as const,
);

/** One route: method and resource path, API key and cache key settings (REST), and its integration. */
export function RouteCard({ api, index, protocol }: { api: number; index: number; protocol: 'REST' | 'HTTP' }) {
  const at = ['apis', api, 'routes', index];
  const route = useDocValue('config', at);
  const removeItem = useLab((s) => s.removeItem);
  const rest = protocol === 'REST';
  return (
    <Card
      path={at}
      title={<code>{routeKey(route)}</code>}
      testId={`route-${index}`}
      actions={
        <RemoveButton
          label={`Remove route ${routeKey(route)}`}
          onClick={() => removeItem('config', ['apis', api, 'routes'], index)}
        />
      }
    >
      <div className="ed-grid">
        <SelectField path={[...at, 'method']} label="Method" choices={METHOD_CHOICES} unset="ANY (default)" />
        <TextField
          path={[...at, 'path']}
          label={rest ? 'Resource path' : 'Route path'}
          placeholder={rest ? '/pets/{id}' : '/pets/{id} or $default'}
          required
          mono
        />
        {rest && <BoolField path={[...at, 'apiKeyRequired']} label="API key required" />}
        {rest && (
          <ListField
            path={[...at, 'cacheKeyParameters']}
            label="Cache key parameters"
            placeholder="method.request.path.id, method.request.querystring.page"
            wide
          />
        )}
      </div>
      <IntegrationFields at={[...at, 'integration']} />
    </Card>
  );
}
