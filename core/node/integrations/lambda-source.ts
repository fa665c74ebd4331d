import { isAbsolute, resolve } from 'node:path';
import type { IntegrationConfig } from '../../engine/config/schema.ts';

type LambdaIntegration = Extract<IntegrationConfig, { type: 'LAMBDA' }>;

/** AWS's Node.js sample function: what a LAMBDA integration runs when it names neither `code` nor `file`. */
export const DEFAULT_LAMBDA_CODE =
  "export const handler = async (event) => ({ statusCode: 200, body: JSON.stringify('Hello from Lambda!') });";

/** Where a handler's code comes from; sent to the worker as is, so it stays plain data. */
export type LambdaSource =
  { kind: 'inline'; code: string; baseDir: string } | { kind: 'file'; path: string; baseDir: string };

/** The handler's source: inline `code`, a `file` resolved from the config file's folder, or the sample. */
export function lambdaSource(integration: LambdaIntegration, configDir: string): LambdaSource {
  if (integration.file !== undefined) {
    const path = isAbsolute(integration.file) ? integration.file : resolve(configDir, integration.file);
    return { kind: 'file', path, baseDir: configDir };
  }
  return { kind: 'inline', code: integration.code ?? DEFAULT_LAMBDA_CODE, baseDir: configDir };
}

/** Identifies the code, so a hot config swap that changes it gets fresh instances. */
export function sourceKey(source: LambdaSource): string {
  return source.kind === 'file' ? `file:${source.path}` : `code:${source.code}`;
}
