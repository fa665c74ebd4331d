/**
 * Argument shapes of every `LabApi` method, checked by each transport (the WebSocket bridge, Electron's IPC
 * handlers) before a call reaches the lab host, and the error codes a failed call answers with. The shapes are
 * deliberately shallow: a config or scenario only has to be an object here, the lab host validates its content
 * and reports every problem at its JSON path.
 */
import { z } from 'zod';
import { LAB_METHODS, type LabMethod } from './lab-api.ts';

/** The codes a failed `LabApi` call carries, over any transport. */
export const LAB_ERROR = {
  /** The message itself was unreadable: not JSON, not an object, no numeric id. */
  badMessage: 'GATELAB_E_BAD_MESSAGE',
  unknownMethod: 'GATELAB_E_UNKNOWN_METHOD',
  /** Wrong argument count or shape. */
  badArgs: 'GATELAB_E_BAD_ARGS',
  /** The config or scenario of a run is invalid; the message lists every problem with its JSON path. */
  badInput: 'GATELAB_E_BAD_INPUT',
  notFound: 'GATELAB_E_NOT_FOUND',
  /** Not available in this host or version (live runs for now, native dialogs in the browser). */
  unsupported: 'GATELAB_E_UNSUPPORTED',
  /** The run is not in a state that allows this (exporting a run still going). */
  state: 'GATELAB_E_STATE',
  io: 'GATELAB_E_IO',
  /** A config operation (Deploy, Promote) that cannot apply: no such API or stage, no canary to promote. */
  operation: 'GATELAB_E_OPERATION',
  /** The caller is not the app's own window. */
  forbidden: 'GATELAB_E_FORBIDDEN',
  internal: 'GATELAB_E_INTERNAL',
} as const;

export type LabErrorCode = (typeof LAB_ERROR)[keyof typeof LAB_ERROR];

/** A failed call as it crosses a process boundary. */
export interface LabErrorInfo {
  code: LabErrorCode;
  message: string;
}

/** Run ids are also file names in the run history, so they are kept to a safe alphabet. */
export const RUN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** JSON text or a parsed document; editors may hold big files, but not unbounded ones. */
const MAX_TEXT_CHARS = 16 * 1024 * 1024;

const runId = z.string().regex(RUN_ID_PATTERN, 'expected a run id');
const documentKind = z.enum(['config', 'scenario']);
const playbackSpeed = z.union([z.literal(0.1), z.literal(1), z.literal(10), z.literal('max')]);
const exportFormat = z.enum(['report-json', 'report-html', 'series-csv', 'config-json', 'tested-config-json']);
const documentData = z.union([z.string().max(MAX_TEXT_CHARS), z.record(z.string(), z.unknown()), z.array(z.unknown())]);
const jsonObject = z.record(z.string(), z.unknown());
const identifierArg = z.string().min(1).max(200);
const stageArg = z.string().min(1).max(200);

const startRunRequest = z.strictObject({
  config: jsonObject,
  scenario: jsonObject,
  mode: z.enum(['virtual', 'live']),
  seed: z.number().int().min(0).max(4_294_967_295).optional(),
  speed: playbackSpeed.optional(),
  name: z.string().max(200).optional(),
  backendCostPerMillion: z.number().min(0).max(1_000_000).optional(),
});

const tuningLayer = z.union([
  z.strictObject({ kind: z.literal('account') }),
  z.strictObject({ kind: z.literal('stage'), apiId: z.string().min(1).max(200), stage: z.string().min(1).max(200) }),
  z.strictObject({
    kind: z.literal('method'),
    apiId: z.string().min(1).max(200),
    stage: z.string().min(1).max(200),
    routeKey: z.string().min(1).max(1024),
  }),
  z.strictObject({ kind: z.literal('usagePlan'), planId: z.string().min(1).max(200) }),
]);
const seed = z.number().int().min(0).max(4_294_967_295);

const recommendRequest = z.strictObject({
  config: jsonObject,
  scenario: jsonObject,
  layer: tuningLayer,
  goal: z.string().min(1).max(200),
  seed: seed.optional(),
  id: z.string().min(1).max(100).optional(),
});

/** One tuple schema per method; a test checks each tuple's length against `LAB_METHODS`. */
export const LAB_ARG_SCHEMAS = {
  listExamples: z.tuple([]),
  loadExample: z.tuple([z.string().min(1).max(200)]),
  validateConfig: z.tuple([documentData]),
  validateScenario: z.tuple([documentData]),
  saveDocument: z.tuple([z.enum(['config', 'scenario', 'report']), documentData, z.string().min(1).max(200)]),
  openDocument: z.tuple([documentKind]),
  startRun: z.tuple([startRunRequest]),
  stopRun: z.tuple([runId]),
  setPlaybackSpeed: z.tuple([runId, playbackSpeed]),
  listRuns: z.tuple([]),
  getReport: z.tuple([runId]),
  exportRun: z.tuple([runId, exportFormat]),
  deploy: z.tuple([documentData, identifierArg, z.string().max(1024), z.array(stageArg).max(100)]),
  promoteCanary: z.tuple([documentData, identifierArg, stageArg]),
  applyConfig: z.tuple([runId, documentData]),
  renameRun: z.tuple([runId, z.string().trim().min(1, 'expected a name').max(200)]),
  deleteRun: z.tuple([runId]),
  openRun: z.tuple([runId]),
  compareRuns: z.tuple([runId, runId]),
  whatIf: z.tuple([documentData, documentData, documentData, seed.nullable()]),
  recommend: z.tuple([recommendRequest]),
} as const satisfies Record<LabMethod, z.ZodTuple>;

/** A call that passed the checks, or the error to answer it with. */
export type CheckedLabCall = { ok: true; method: LabMethod; args: unknown[] } | { ok: false; error: LabErrorInfo };

const isLabMethod = (method: unknown): method is LabMethod =>
  typeof method === 'string' && Object.prototype.hasOwnProperty.call(LAB_METHODS, method);

function describeIssue(method: string, issue: z.core.$ZodIssue): string {
  const [index, ...rest] = issue.path;
  const where = typeof index === 'number' ? ` argument ${index + 1}` : '';
  const path = rest.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return `${method}${where}${path}: ${issue.message}`;
}

/**
 * Checks one incoming call: the method is a `LabApi` method, the argument count matches `LAB_METHODS`, and each
 * argument has the expected shape. Never throws, whatever it is given.
 */
export function checkLabCall(method: unknown, args: unknown): CheckedLabCall {
  if (!isLabMethod(method)) {
    const name = typeof method === 'string' ? JSON.stringify(method.slice(0, 80)) : typeof method;
    return { ok: false, error: { code: LAB_ERROR.unknownMethod, message: `unknown method ${name}` } };
  }
  if (!Array.isArray(args)) {
    return { ok: false, error: { code: LAB_ERROR.badArgs, message: `${method}: expected an array of arguments` } };
  }
  const expected = LAB_METHODS[method];
  if (args.length !== expected) {
    const message = `${method}: expected ${expected} argument${expected === 1 ? '' : 's'}, got ${args.length}`;
    return { ok: false, error: { code: LAB_ERROR.badArgs, message } };
  }
  const parsed = LAB_ARG_SCHEMAS[method].safeParse(args);
  if (parsed.success) return { ok: true, method, args };
  const message = parsed.error.issues
    .slice(0, 5)
    .map((issue) => describeIssue(method, issue))
    .join('; ');
  return { ok: false, error: { code: LAB_ERROR.badArgs, message } };
}
