import { describe, expect, it } from 'vitest';
import { gatewayFrom, httpConfig, mock, restConfig, send } from './helpers.ts';

const working = [
  { method: 'GET', path: '/pets', integration: mock('working') },
  { method: 'GET', path: '/new', integration: mock('new') },
];
const deployments = [
  { id: 'd1', routes: [{ method: 'GET', path: '/pets', integration: mock('v1 ${stageVariables.color}') }] },
  { id: 'd2', routes: [{ method: 'GET', path: '/pets', integration: mock('v2 ${stageVariables.color}') }] },
];

describe('stages and deployments (SPEC §2)', () => {
  it("serves a stage's deployment snapshot, not the working routes", () => {
    const gateway = gatewayFrom(
      restConfig({ routes: working, deployments, stages: [{ name: 'prod', deploymentId: 'd1' }] }),
    );
    expect(send(gateway, { path: '/prod/pets' }).response.body).toBe('v1 ');
    expect(send(gateway, { path: '/prod/new' }).response.status).toBe(403);
  });

  it('serves the working routes on a stage without a deploymentId', () => {
    const gateway = gatewayFrom(restConfig({ routes: working, deployments, stages: [{ name: 'dev' }] }));
    expect(send(gateway, { path: '/dev/pets' }).response.body).toBe('working');
    expect(send(gateway, { path: '/dev/new' }).response.body).toBe('new');
  });

  it('serves the working routes on an HTTP stage with autoDeploy', () => {
    const gateway = gatewayFrom(
      httpConfig({
        routes: working,
        deployments,
        stages: [
          { name: 'auto', autoDeploy: true, deploymentId: 'd1' },
          { name: 'pinned', deploymentId: 'd1' },
        ],
      }),
    );
    expect(send(gateway, { path: '/auto/pets' }).response.body).toBe('working');
    expect(send(gateway, { path: '/pinned/pets' }).response.body).toBe('v1 ');
  });

  it('renders stage variables in MOCK templates', () => {
    const gateway = gatewayFrom(
      restConfig({
        routes: working,
        deployments,
        stages: [
          { name: 'prod', deploymentId: 'd1', variables: { color: 'blue' } },
          { name: 'beta', deploymentId: 'd2', variables: { color: 'green' } },
        ],
      }),
    );
    expect(send(gateway, { path: '/prod/pets' }).response.body).toBe('v1 blue');
    expect(send(gateway, { path: '/beta/pets' }).response.body).toBe('v2 green');
  });
});

describe('canary (SPEC §2, §3 step 2)', () => {
  const canaryStage = (canarySettings: Record<string, unknown>) =>
    restConfig({
      routes: working,
      deployments,
      stages: [{ name: 'prod', deploymentId: 'd1', variables: { color: 'blue', size: 'L' }, canarySettings }],
    });

  it('sends percentTraffic of the requests to the canary, within the binomial 3σ band', () => {
    const gateway = gatewayFrom(canaryStage({ deploymentId: 'd2', percentTraffic: 10 }), { seed: 42 });
    let canary = 0;
    for (let i = 0; i < 10_000; i++) {
      const result = send(gateway, { path: '/prod/pets' }, i);
      if (result.outcome.canary) {
        canary++;
        expect(result.response.body).toBe('v2 blue');
      } else {
        expect(result.response.body).toBe('v1 blue');
      }
    }
    const sigma = Math.sqrt(10_000 * 0.1 * 0.9);
    expect(Math.abs(canary - 1000)).toBeLessThanOrEqual(3 * sigma);
  });

  it('picks the same requests for the canary with the same seed', () => {
    const picks = (seed: number) => {
      const gateway = gatewayFrom(canaryStage({ deploymentId: 'd2', percentTraffic: 50 }), { seed });
      return Array.from({ length: 64 }, (_, i) => send(gateway, { path: '/prod/pets' }, i).outcome.canary);
    };
    expect(picks(3)).toEqual(picks(3));
    expect(picks(3)).not.toEqual(picks(4));
  });

  it('never or always picks the canary at 0 % and 100 %', () => {
    const none = gatewayFrom(canaryStage({ deploymentId: 'd2', percentTraffic: 0 }));
    const all = gatewayFrom(canaryStage({ deploymentId: 'd2', percentTraffic: 100 }));
    for (let i = 0; i < 100; i++) {
      expect(send(none, { path: '/prod/pets' }, i).outcome.canary).toBe(false);
      expect(send(all, { path: '/prod/pets' }, i).outcome.canary).toBe(true);
    }
  });

  it('applies stageVariableOverrides on canary traffic only', () => {
    const config = (percentTraffic: number) =>
      canaryStage({ deploymentId: 'd2', percentTraffic, stageVariableOverrides: { color: 'red' } });
    const all = gatewayFrom(config(100));
    expect(send(all, { path: '/prod/pets' }).response.body).toBe('v2 red');
    const none = gatewayFrom(config(0));
    expect(send(none, { path: '/prod/pets' }).response.body).toBe('v1 blue');
  });

  it('keeps variables the overrides do not name', () => {
    const gateway = gatewayFrom(
      restConfig({
        routes: [{ method: 'GET', path: '/v', integration: mock('${stageVariables.color}/${stageVariables.size}') }],
        stages: [
          {
            name: 'prod',
            variables: { color: 'blue', size: 'L' },
            canarySettings: { deploymentId: 'd1', percentTraffic: 100, stageVariableOverrides: { color: 'red' } },
          },
        ],
        deployments: [
          {
            id: 'd1',
            routes: [
              { method: 'GET', path: '/v', integration: mock('${stageVariables.color}/${stageVariables.size}') },
            ],
          },
        ],
      }),
    );
    expect(send(gateway, { path: '/prod/v' }).response.body).toBe('red/L');
  });
});
