import { describe, expect, it } from 'vitest';
import { lintConfig } from '../../../../core/engine/config/lint-config.ts';
import { parseConfig } from '../../../../core/engine/config/parse-config.ts';
import { formatProblem } from '../../../../core/engine/validation/problem.ts';
import { httpConfig, restConfig, specExample } from './helpers.ts';

function warnings(config: unknown): string[] {
  const parsed = parseConfig(config);
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
  return lintConfig(parsed.value).map(formatProblem);
}

describe('lintConfig', () => {
  it('has nothing to say about the SPEC §2 example', () => {
    expect(warnings(specExample())).toEqual([]);
  });

  it('warns about a TTL above the cap and caching on a stage without a cache', () => {
    const methodSettings = { '*/*': { cachingEnabled: true, cacheTtlInSeconds: 7200 } };
    expect(warnings(restConfig({ stages: [{ name: 'prod', methodSettings }] }))).toEqual([
      'apis[0].stages[0].methodSettings["*/*"].cacheTtlInSeconds: above 3600, the most AWS allows; 3600 is used — see README#the-stage-cache-rest',
      'apis[0].stages[0].methodSettings["*/*"].cachingEnabled: has no effect: the stage has no cache ("cacheClusterEnabled" is not true) — see README#the-stage-cache-rest',
    ]);
  });

  it('warns about routes that need a key on a stage no usage plan covers', () => {
    const routes = [{ method: 'GET', path: '/pets', apiKeyRequired: true }];
    expect(warnings(restConfig({ routes, stages: [{ name: 'prod' }] }))).toEqual([
      'apis[0].stages[0]: routes require an API key, but no usage plan covers this stage, so they answer 403 — see README#requests-step-by-step',
    ]);
  });

  it('warns that autoDeploy makes a deploymentId moot', () => {
    const config = httpConfig({
      deployments: [{ id: 'd1', routes: [] }],
      stages: [{ name: 'prod', autoDeploy: true, deploymentId: 'd1' }],
    });
    expect(warnings(config)).toEqual([
      'apis[0].stages[0].deploymentId: ignored: with "autoDeploy" the stage serves the working routes — see README#stages-deployments-and-canaries',
    ]);
  });
});
