import { readFileSync } from 'node:fs';
import { parseConfig } from '../../../../core/engine/config/parse-config.ts';
import { formatProblem } from '../../../../core/engine/validation/problem.ts';

type Json = Record<string, unknown>;

/** The formatted problem lines of a config, or `[]` when it is valid. */
export function problemLines(config: unknown): string[] {
  const parsed = parseConfig(config);
  return parsed.ok ? [] : parsed.problems.map(formatProblem);
}

/** The SPEC §2 example, as JSON with real deployment snapshots. */
export function specExample(): Json {
  const url = new URL('./fixtures/spec-example.gatelab.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Json;
}

export const PET_ROUTES = [
  { method: 'GET', path: '/pets' },
  { method: 'GET', path: '/pets/{id}' },
];

/** A REST config with one API `petstore` (routes GET /pets and GET /pets/{id} unless overridden). */
export function restConfig(api: Json = {}, top: Json = {}): Json {
  return { formatVersion: 1, apis: [{ id: 'petstore', routes: PET_ROUTES, ...api }], ...top };
}

/** An HTTP API config with one API `web`. */
export function httpConfig(api: Json = {}, top: Json = {}): Json {
  return { formatVersion: 1, apis: [{ id: 'web', protocol: 'HTTP', routes: PET_ROUTES, ...api }], ...top };
}

/** Two deployments: d1 serves GET /pets, d2 serves POST /orders. */
export const DEPLOYMENTS = [
  { id: 'd1', routes: [{ method: 'GET', path: '/pets' }] },
  { id: 'd2', routes: [{ method: 'POST', path: '/orders' }] },
];

export const ALICE = { id: 'alice', value: 'alice-0123456789abcdef' };
