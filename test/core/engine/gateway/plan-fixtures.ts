import { mock, restConfig } from './helpers.ts';

/** API keys and a usage plan shared by the key, plan and quota tests. */
export const ALICE = 'alice-0123456789abcdef';
export const DAVE = 'dave-0123456789abcdefgh';
export const BOB = 'bob-0123456789abcdefgh';
export const CAROL = 'carol-0123456789abcdef';

export const keyedRoutes = [
  { method: 'GET', path: '/pets', apiKeyRequired: true, integration: mock('list') },
  { method: 'GET', path: '/pets/{id}', apiKeyRequired: true, integration: mock('one') },
  { method: 'GET', path: '/public', integration: mock('public') },
];

/** A plan `free` on stages prod and beta (not other), with a per-method entry on prod's `GET /pets/{id}`. */
export function planConfig(
  options: {
    plan?: Record<string, unknown>;
    stageSettings?: Record<string, unknown>;
    account?: Record<string, number>;
  } = {},
) {
  return restConfig({
    routes: keyedRoutes,
    ...(options.account ? { account: options.account } : {}),
    stages: [
      { name: 'prod', ...(options.stageSettings ? { methodSettings: options.stageSettings } : {}) },
      { name: 'beta' },
      { name: 'other' },
    ],
    usagePlans: [
      {
        id: 'free',
        throttle: { rateLimit: 0, burstLimit: 10 },
        apiStages: [
          { apiId: 'pets', stage: 'prod', throttle: { 'GET /pets/{id}': { rateLimit: 0, burstLimit: 2 } } },
          { apiId: 'pets', stage: 'beta' },
        ],
        ...options.plan,
      },
    ],
    apiKeys: [
      { id: 'alice', value: ALICE, usagePlanIds: ['free'] },
      { id: 'bob', value: BOB, enabled: false, usagePlanIds: ['free'] },
      { id: 'carol', value: CAROL, usagePlanIds: [] },
      { id: 'dave', value: DAVE, usagePlanIds: ['free'] },
    ],
  });
}
