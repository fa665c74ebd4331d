import type { Problem } from '../validation/problem.ts';
import type { PathSegment } from '../validation/json-path.ts';
import { parsePathTemplate } from './path-template.ts';
import type { Scenario } from './schema.ts';

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function checkHeaderNames(names: readonly string[], at: readonly PathSegment[], problems: Problem[]): void {
  const seen = new Map<string, string>();
  for (const name of names) {
    if (!HEADER_NAME.test(name)) {
      problems.push({ path: [...at, name], message: "expected a header name of letters, digits and !#$%&'*+-.^_`|~" });
      continue;
    }
    const lower = name.toLowerCase();
    const first = seen.get(lower);
    // Header names are case-insensitive on the wire, so two spellings would silently collapse into one.
    if (first !== undefined)
      problems.push({ path: [...at, name], message: `duplicate header, also given as "${first}"` });
    else seen.set(lower, name);
  }
}

function checkMix(scenario: Scenario, problems: Problem[]): void {
  scenario.mix.forEach((entry, i) => {
    const template = parsePathTemplate(entry.path);
    if (typeof template === 'string') {
      problems.push({ path: ['mix', i, 'path'], message: template });
      return;
    }
    const params = entry.params ?? {};
    for (const { name } of template.params) {
      if (!Object.hasOwn(params, name)) {
        problems.push({ path: ['mix', i, 'path'], message: `expected a value for {${name}} in "params"` });
      }
    }
    for (const name of Object.keys(params)) {
      if (!template.params.some((p) => p.name === name)) {
        problems.push({
          path: ['mix', i, 'params', name],
          message: `unknown parameter: "${entry.path}" has no {${name}}`,
        });
      }
    }
    checkHeaderNames(Object.keys(entry.headers ?? {}), ['mix', i, 'headers'], problems);
  });
}

/** Checks what the schema alone cannot: templates against params, header names and client references. */
export function crossCheckScenario(scenario: Scenario): Problem[] {
  const problems: Problem[] = [];
  checkMix(scenario, problems);
  const clientIndex = new Map<string, number>();
  scenario.clients.forEach((client, i) => {
    const first = clientIndex.get(client.name);
    if (first === undefined) clientIndex.set(client.name, i);
    else problems.push({ path: ['clients', i, 'name'], message: `duplicate client name, also clients[${first}]` });
  });
  scenario.trace?.forEach((entry, i) => {
    if (entry.client !== undefined && !clientIndex.has(entry.client)) {
      problems.push({
        path: ['trace', i, 'client'],
        message: `expected the name of a client in "clients", got ${JSON.stringify(entry.client)}`,
      });
    }
    checkHeaderNames(Object.keys(entry.headers ?? {}), ['trace', i, 'headers'], problems);
  });
  return problems;
}
