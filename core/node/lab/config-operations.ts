import type { ConfigOperationResult, FieldProblem, LoadedDocument } from '../../contract/lab-api.ts';
import { LAB_ERROR } from '../../contract/lab-api-schemas.ts';
import { ConfigOperationError, deployApi, promoteCanary } from '../../engine/config/deployments.ts';
import type { GatewayConfig } from '../../engine/config/schema.ts';
import { LabError } from './lab-error.ts';
import { validateConfigDocument } from './validate-document.ts';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const problemLine = (p: FieldProblem): string => `${p.pathText}: ${p.message}`;

/** A valid config document (parsed JSON or text), or a `badInput` error listing every problem at its path. */
function validConfig(data: unknown, what: string): { doc: LoadedDocument<GatewayConfig>; value: GatewayConfig } {
  const doc = validateConfigDocument(data, null);
  if (!doc.ok || doc.value === null) {
    const lines = doc.errors.slice(0, 20).map(problemLine).join('; ');
    throw new LabError(LAB_ERROR.badInput, `the config has errors, fix them before ${what}: ${lines}`);
  }
  return { doc, value: doc.value };
}

/** Runs an engine operation, turning its refusal (no such API, no canary…) into a coded lab error. */
function operate<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ConfigOperationError) throw new LabError(LAB_ERROR.operation, error.message);
    throw error;
  }
}

/** The raw document's API and stage objects, at the indexes the parsed config found them (arrays keep order). */
function rawApi(raw: JsonObject, index: number): JsonObject {
  const api = (raw['apis'] as unknown[])[index];
  if (!isObject(api)) throw new LabError(LAB_ERROR.internal, `apis[${index}] is not an object`);
  return api;
}

function rawStage(api: JsonObject, index: number): JsonObject {
  const stage = (api['stages'] as unknown[])[index];
  if (!isObject(stage)) throw new LabError(LAB_ERROR.internal, `stage ${index} is not an object`);
  return stage;
}

/**
 * Deploy: the engine's `deployApi` decides (new deployment id, which stages move), and the result is written into
 * a copy of the document as it was given, so its extension keys and unset defaults survive the round trip. The
 * deployment snapshots the working routes exactly as written.
 */
export function deployDocument(
  data: unknown,
  apiId: string,
  description: string,
  stages: readonly string[],
  createdAt: string,
): ConfigOperationResult {
  const { doc, value } = validConfig(data, 'deploying');
  const options = { createdAt, stages, ...(description === '' ? {} : { description }) };
  const { config, deploymentId } = operate(() => deployApi(value, apiId, options));
  const index = value.apis.findIndex((a) => a.id === apiId);
  const deployed = config.apis[index]!;
  const raw = structuredClone(doc.raw) as JsonObject;
  const api = rawApi(raw, index);
  const deployment = deployed.deployments.at(-1)!;
  const snapshot = {
    id: deployment.id,
    ...(deployment.description === undefined ? {} : { description: deployment.description }),
    createdAt,
    routes: structuredClone(Array.isArray(api['routes']) ? api['routes'] : []),
  };
  api['deployments'] = [...(Array.isArray(api['deployments']) ? api['deployments'] : []), snapshot];
  deployed.stages.forEach((stage, stageIndex) => {
    if (stage.deploymentId === deploymentId) rawStage(api, stageIndex)['deploymentId'] = deploymentId;
  });
  return { document: validateConfigDocument(raw, null), deploymentId };
}

/**
 * Promote: the engine's `promoteCanary` moves the canary's deployment and variable overrides into the stage and
 * drops its traffic to 0; the same three fields are written into a copy of the document as it was given.
 */
export function promoteDocument(data: unknown, apiId: string, stageName: string): ConfigOperationResult {
  const { doc, value } = validConfig(data, 'promoting a canary');
  const promoted = operate(() => promoteCanary(value, apiId, stageName));
  const index = value.apis.findIndex((a) => a.id === apiId);
  const stageIndex = value.apis[index]!.stages.findIndex((s) => s.name === stageName);
  const stage = promoted.apis[index]!.stages[stageIndex]!;
  const raw = structuredClone(doc.raw) as JsonObject;
  const target = rawStage(rawApi(raw, index), stageIndex);
  target['deploymentId'] = stage.deploymentId;
  if (stage.variables && (Object.keys(stage.variables).length > 0 || target['variables'] !== undefined)) {
    target['variables'] = stage.variables;
  }
  target['canarySettings'] = { ...(target['canarySettings'] as JsonObject), percentTraffic: 0 };
  return { document: validateConfigDocument(raw, null) };
}
