import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../core/engine/config/parse-config.ts';
import { ConfigOperationError, deployApi, promoteCanary } from '../../../../core/engine/config/deployments.ts';
import type { GatewayConfig } from '../../../../core/engine/config/schema.ts';
import { Gateway } from '../../../../core/engine/gateway/gateway.ts';

function config(): GatewayConfig {
  const parsed = parseConfig({
    formatVersion: 1,
    apis: [
      {
        id: 'pets',
        routes: [{ method: 'GET', path: '/v', integration: { type: 'MOCK', body: 'v1 ${stageVariables.color}' } }],
        deployments: [
          {
            id: 'd1',
            routes: [{ method: 'GET', path: '/v', integration: { type: 'MOCK', body: 'v1 ${stageVariables.color}' } }],
          },
        ],
        stages: [
          {
            name: 'prod',
            deploymentId: 'd1',
            variables: { color: 'blue' },
            canarySettings: { deploymentId: 'd1', percentTraffic: 0, stageVariableOverrides: { color: 'green' } },
          },
        ],
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

function body(gateway: Gateway, now = 0): string {
  const decision = gateway.handle({ method: 'GET', path: '/prod/v', headers: {} }, now);
  return decision.kind === 'done'
    ? decision.response.body
    : gateway.complete(decision, decision.modeled, now).response.body;
}

function withWorkingBody(base: GatewayConfig, text: string): GatewayConfig {
  const api = base.apis[0]!;
  return {
    ...base,
    apis: [{ ...api, routes: [{ method: 'GET', path: '/v', integration: { type: 'MOCK', body: text } }] }],
  };
}

describe('deployApi', () => {
  it('snapshots the working routes into a new deployment that a stage then serves', () => {
    const edited = withWorkingBody(config(), 'v2 ${stageVariables.color}');
    expect(body(new Gateway(edited))).toBe('v1 blue');

    const { config: deployed, deploymentId } = deployApi(edited, 'pets', { description: 'v2', stages: ['prod'] });
    expect(deploymentId).toBe('d2');
    expect(deployed.apis[0]!.deployments.map((d) => [d.id, d.description])).toEqual([
      ['d1', undefined],
      ['d2', 'v2'],
    ]);
    expect(deployed.apis[0]!.stages[0]!.deploymentId).toBe('d2');
    expect(body(new Gateway(deployed))).toBe('v2 blue');
    expect(parseConfig(deployed).ok).toBe(true);
  });

  it('leaves the input untouched and keeps the snapshot apart from later edits', () => {
    const original = config();
    const { config: deployed } = deployApi(original, 'pets');
    expect(original.apis[0]!.deployments).toHaveLength(1);
    deployed.apis[0]!.routes[0]!.path = '/changed';
    expect(deployed.apis[0]!.deployments[1]!.routes[0]!.path).toBe('/v');
  });

  it('refuses an unknown API or stage with a clear message', () => {
    expect(() => deployApi(config(), 'nope')).toThrow(new ConfigOperationError('no API "nope"'));
    expect(() => deployApi(config(), 'pets', { stages: ['dev'] })).toThrow('no stage "dev" in API "pets"');
  });
});

describe('promoteCanary', () => {
  it("moves the canary's deployment and variable overrides into the stage and sets percentTraffic to 0", () => {
    const edited = withWorkingBody(config(), 'v2 ${stageVariables.color}');
    const { config: deployed, deploymentId } = deployApi(edited, 'pets');
    const api = deployed.apis[0]!;
    const withCanary: GatewayConfig = {
      ...deployed,
      apis: [
        {
          ...api,
          stages: [
            {
              ...api.stages[0]!,
              canarySettings: { deploymentId, percentTraffic: 100, stageVariableOverrides: { color: 'green' } },
            },
          ],
        },
      ],
    };
    expect(body(new Gateway(withCanary))).toBe('v2 green');

    const promoted = promoteCanary(withCanary, 'pets', 'prod');
    const stage = promoted.apis[0]!.stages[0]!;
    expect(stage.deploymentId).toBe('d2');
    expect(stage.variables).toEqual({ color: 'green' });
    expect(stage.canarySettings).toEqual({
      deploymentId: 'd2',
      percentTraffic: 0,
      stageVariableOverrides: { color: 'green' },
    });
    expect(body(new Gateway(promoted))).toBe('v2 green');
  });

  it('refuses a stage without a canary', () => {
    const base = config();
    const api = base.apis[0]!;
    const { canarySettings: _dropped, ...plain } = api.stages[0]!;
    const noCanary = { ...base, apis: [{ ...api, stages: [plain] }] };
    expect(() => promoteCanary(noCanary, 'pets', 'prod')).toThrow(
      'stage "prod" of API "pets" has no canary to promote',
    );
  });
});
