/** New items as an AWS user would start them: defaults from the console, valid as they are. */

/** AWS's Node.js sample handler, the code a new Lambda function starts with. */
export const LAMBDA_SAMPLE = `export const handler = async (event) => {
  // TODO implement
  const response = {
    statusCode: 200,
    body: JSON.stringify('Hello from Lambda!'),
  };
  return response;
};
`;

export const INTEGRATION_TYPES = ['MOCK', 'HTTP_PROXY', 'LAMBDA'] as const;
export type IntegrationType = (typeof INTEGRATION_TYPES)[number];

/** A fresh integration of a type. */
export function integrationTemplate(type: IntegrationType): Record<string, unknown> {
  switch (type) {
    case 'MOCK':
      return { type, statusCode: 200, body: '{"message":"ok"}' };
    case 'HTTP_PROXY':
      return { type, uri: 'https://backend.example.com/', httpMethod: 'ANY' };
    case 'LAMBDA':
      return { type, code: LAMBDA_SAMPLE };
  }
}

export const newRoute = (path: string) => ({ method: 'GET', path, integration: integrationTemplate('MOCK') });
export const newApi = (id: string) => ({ id, name: id, protocol: 'REST', routes: [], deployments: [], stages: [] });
export const newStage = (name: string) => ({ name, methodSettings: { '*/*': {} } });
export const newUsagePlan = (id: string) => ({
  id,
  name: id,
  throttle: { rateLimit: 10, burstLimit: 20 },
  apiStages: [],
});

/** A random API key value, as long as AWS requires (at least 20 characters). */
export function newKeyValue(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `key-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export const newApiKey = (id: string) => ({ id, name: id, value: newKeyValue(), enabled: true, usagePlanIds: [] });

export const newPhase = () => ({ durationSeconds: 10, rate: 10 });
export const newMixEntry = () => ({ weight: 1, method: 'GET', path: '/' });
export const newClient = (name: string) => ({ name, share: 1 });
export const newRetry = () => ({ on: [429], maxAttempts: 3, baseDelayMs: 100, jitter: 'full' });
export const newTraceEntry = (at: number) => ({ at, count: 1, method: 'GET', path: '/' });

export const GENERATOR_KINDS = ['literal', 'zipf', 'uniform', 'sequence', 'values'] as const;
export type GeneratorKind = (typeof GENERATOR_KINDS)[number];

/** A parameter value of a kind: a literal string, or a generator drawn per request (SPEC §6). */
export function generatorTemplate(kind: GeneratorKind): unknown {
  switch (kind) {
    case 'literal':
      return '1';
    case 'zipf':
      return { zipf: { n: 1000, s: 1.1 } };
    case 'uniform':
      return { uniform: { min: 1, max: 100 } };
    case 'sequence':
      return { sequence: { start: 1, step: 1 } };
    case 'values':
      return { values: [{ value: 'a', weight: 1 }] };
  }
}

/** The kind of a parameter value as written. */
export function generatorKind(value: unknown): GeneratorKind | null {
  if (typeof value === 'string') return 'literal';
  if (value === null || typeof value !== 'object') return null;
  return GENERATOR_KINDS.find((kind) => kind !== 'literal' && kind in value) ?? null;
}
