import type { CostEstimate } from '../../../core/contract/lab-api.ts';

/** A month of the pet store's flash sale, priced like the lab host does (hand-made, values only need be consistent). */
export function costEstimate(overrides: Partial<CostEstimate> = {}): CostEstimate {
  return {
    pricesDate: '2026-11-25',
    region: 'us-east-1',
    currency: 'USD',
    monthSeconds: 2_592_000,
    factor: 43_200,
    monthlyRequests: { REST: 274_579_200, HTTP: 0, total: 274_579_200 },
    requestCost: { REST: 961.0272, HTTP: 0, total: 961.0272 },
    cacheCost: 14.6,
    total: 975.6272,
    freeTierNote:
      "Not deducted: in an account's first 12 months the AWS free tier covers 1,000,000 REST and 1,000,000 HTTP API calls a month, worth $3.50 at this volume.",
    cacheSavedCalls: 125_668_800,
    backendSavings: null,
    perApi: [
      {
        apiId: 'petstore',
        protocol: 'REST',
        runRequests: 6356,
        monthlyRequests: 274_579_200,
        requestCost: 961.0272,
        cacheStages: [{ stage: 'prod', size: '0.5', hourly: 0.02, monthly: 14.6 }],
        cacheCost: 14.6,
        cacheSavedCalls: 125_668_800,
        total: 975.6272,
      },
    ],
    ...overrides,
  };
}
