import type { RandomSource, RandomStreams } from '../random/random-source.ts';
import { parsePathTemplate } from './path-template.ts';
import type { ClientConfig, MixEntry, RequestMethod, RetryPolicy, Scenario } from './schema.ts';
import { pathMemoOf, type PathMemo } from './path-memo.ts';
import { compileValue, type ValueSource, type ZipfCache } from './value-generators.ts';
import { WeightedPicker } from './weighted-picker.ts';

/** One planned request: plain data the simulator or live runner sends as is. */
export interface PlannedRequest {
  method: RequestMethod;
  /** The path as sent: the stage segment (unless served at the root), the filled template and any query. */
  path: string;
  /** The mix entry's template, such as `/pets/{id}`; null for trace requests. */
  routeTemplate: string | null;
  /** Lower-case names. Shared between requests when the entry draws no header, so never changed in place. */
  headers: Readonly<Record<string, string>>;
  body?: string;
  apiId: string;
  /** The target stage; null for trace requests, whose stage the gateway reads from the path. */
  stage: string | null;
  client: string | null;
  /** The client's retry policy, or null when it never retries. */
  retry: RetryPolicy | null;
}

/** A scenario client ready for planning. */
export interface PlannedClient {
  name: string;
  apiKey: string | null;
  retry: RetryPolicy | null;
}

export interface RequestPlanOptions {
  /**
   * Whether a stage is served at the root, so its paths carry no stage segment. The default says so for
   * `$default` only, which is how HTTP APIs serve it; REST stages always take the first segment.
   */
  servedAtRoot?: (apiId: string, stage: string) => boolean;
}

/** Turns the scenario's clients into planning records, in file order. */
export function planClients(clients: readonly ClientConfig[]): PlannedClient[] {
  return clients.map((c) => ({ name: c.name, apiKey: c.apiKey ?? null, retry: c.retry ?? null }));
}

interface CompiledEntry {
  method: RequestMethod;
  routeTemplate: string;
  apiId: string;
  stage: string;
  literals: string[];
  pathValues: ValueSource[];
  query: { prefix: string; value: ValueSource }[];
  headers: { name: string; value: ValueSource }[];
  setsApiKey: boolean;
  body: string | undefined;
  /** When the path's only drawn part is one value drawn from a list. */
  pathMemo: PathMemo | null;
  /** When the entry draws no header: the headers per client (index + 1; 0 for no client), built once. */
  fixedHeaders: Readonly<Record<string, string>>[] | null;
}

function compileEntry(
  entry: MixEntry,
  scenario: Scenario,
  servedAtRoot: (apiId: string, stage: string) => boolean,
  random: RandomSource,
  zipfCache: ZipfCache,
): CompiledEntry {
  const apiId = entry.apiId ?? scenario.target.apiId;
  const stage = entry.stage ?? scenario.target.stage;
  const template = parsePathTemplate(entry.path);
  if (typeof template === 'string') throw new RangeError(`${entry.path}: ${template} (validate with parseScenario)`);
  const params = entry.params ?? {};
  const pathValues = template.params.map((p) => {
    const spec = params[p.name];
    if (spec === undefined)
      throw new RangeError(`${entry.path}: no value for {${p.name}} (validate with parseScenario)`);
    return compileValue(spec, p.greedy ? 'greedyPath' : 'path', random, zipfCache);
  });
  const prefix = servedAtRoot(apiId, stage) ? '' : `/${stage}`;
  const literals = [...template.literals];
  // The stage root is `/prod`, not `/prod/`: how API Gateway prints invoke URLs.
  literals[0] = prefix !== '' && entry.path === '/' ? prefix : prefix + (literals[0] ?? '');
  const query = Object.entries(entry.query ?? {}).map(([name, spec], i) => ({
    prefix: `${i === 0 ? '?' : '&'}${encodeURIComponent(name)}=`,
    value: compileValue(spec, 'query', random, zipfCache),
  }));
  const headers = Object.entries(entry.headers ?? {}).map(([name, spec]) => ({
    name: name.toLowerCase(),
    value: compileValue(spec, 'header', random, zipfCache),
  }));
  return {
    method: entry.method,
    routeTemplate: entry.path,
    apiId,
    stage,
    literals,
    pathValues,
    query,
    headers,
    setsApiKey: headers.some((h) => h.name === 'x-api-key'),
    body: entry.body,
    pathMemo: pathMemoOf(entry, template, literals, random, zipfCache),
    fixedHeaders: null,
  };
}

/**
 * Draws the request of each arrival: the mix entry (by weight), its path parameters left to right, its
 * query values and headers in object key order, all from the `mix` stream; then the client (by share) from the
 * `clients` stream. A client's API key is sent as `x-api-key` unless the mix entry sets that header itself,
 * so an entry can deliberately send a wrong key.
 */
export class RequestGenerator {
  private readonly entries: CompiledEntry[];
  private readonly entryPicker: WeightedPicker;
  private readonly clients: PlannedClient[];
  private readonly clientPicker: WeightedPicker | null;

  constructor(
    scenario: Scenario,
    private readonly streams: Pick<RandomStreams, 'mix' | 'clients'>,
    options: RequestPlanOptions = {},
  ) {
    const servedAtRoot = options.servedAtRoot ?? ((_apiId: string, stage: string) => stage === '$default');
    const zipfCache: ZipfCache = new Map();
    this.entries = scenario.mix.map((entry) => compileEntry(entry, scenario, servedAtRoot, streams.mix, zipfCache));
    this.entryPicker = new WeightedPicker(scenario.mix.map((entry) => entry.weight));
    this.clients = planClients(scenario.clients);
    this.clientPicker = this.clients.length > 0 ? new WeightedPicker(scenario.clients.map((c) => c.share)) : null;
    for (const entry of this.entries) {
      if (entry.headers.length > 0) continue;
      const keyed = this.clients.map((c) => Object.freeze(c.apiKey === null ? {} : { 'x-api-key': c.apiKey }));
      entry.fixedHeaders = [Object.freeze({}), ...keyed];
    }
  }

  /** The next arrival's request. */
  next(): PlannedRequest {
    const entry = this.entries[this.entryPicker.pick(this.streams.mix)]!;
    let path: string;
    if (entry.pathMemo !== null) path = entry.pathMemo.draw();
    else {
      const { literals, pathValues, query } = entry;
      path = literals[0]!;
      for (let i = 0; i < pathValues.length; i++) path += pathValues[i]!() + literals[i + 1]!;
      for (let i = 0; i < query.length; i++) path += query[i]!.prefix + query[i]!.value();
    }
    let headers: Record<string, string> | null = null;
    if (entry.fixedHeaders === null) {
      headers = {};
      for (const header of entry.headers) headers[header.name] = header.value();
    }
    const index = this.clientPicker === null ? -1 : this.clientPicker.pick(this.streams.clients);
    const client = index === -1 ? null : this.clients[index]!;
    if (headers !== null && client !== null && client.apiKey !== null && !entry.setsApiKey) {
      headers['x-api-key'] = client.apiKey;
    }
    const request: PlannedRequest = {
      method: entry.method,
      path,
      routeTemplate: entry.routeTemplate,
      headers: headers ?? entry.fixedHeaders![index + 1]!,
      apiId: entry.apiId,
      stage: entry.stage,
      client: client === null ? null : client.name,
      retry: client === null ? null : client.retry,
    };
    if (entry.body !== undefined) request.body = entry.body;
    return request;
  }
}

/** The request generator of a scenario's mix and clients. */
export function requestGenerator(
  scenario: Scenario,
  streams: Pick<RandomStreams, 'mix' | 'clients'>,
  options: RequestPlanOptions = {},
): RequestGenerator {
  return new RequestGenerator(scenario, streams, options);
}
