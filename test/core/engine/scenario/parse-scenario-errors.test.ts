import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../../core/engine/scenario/parse-scenario.ts';
import { formatProblem } from '../../../../core/engine/validation/problem.ts';

const minimal = { formatVersion: 1, name: 'n', target: { apiId: 'petstore', stage: 'prod' } };
const phases = [{ durationSeconds: 1, rate: 1 }];

function errors(data: unknown): string[] {
  const result = parseScenario(data);
  if (result.ok) throw new Error('expected the scenario to be invalid');
  return result.problems.map(formatProblem);
}

describe('parseScenario errors: one line per problem, each with its JSON path', () => {
  it.each([
    [
      'two load models',
      { ...minimal, phases, trace: [{ at: 0, path: '/prod' }] },
      ['(root): expected only one of "phases", "concurrency" or "trace", got "phases" and "trace"'],
    ],
    [
      'all three load models',
      { ...minimal, phases, trace: [{ at: 0, path: '/p' }], concurrency: { connections: 1, durationSeconds: 1 } },
      ['(root): expected only one of "phases", "concurrency" or "trace", got "phases" and "concurrency" and "trace"'],
    ],
    ['no load model', minimal, ['(root): expected one of "phases", "concurrency" or "trace"']],
    ['missing target', { formatVersion: 1, name: 'n', phases }, ['target: required: expected an object']],
    [
      'wrong formatVersion and a non-integer seed',
      { ...minimal, phases, formatVersion: 2, seed: 1.5 },
      ['formatVersion: expected 1, got 2', 'seed: expected an integer from 0 to 4294967295, got 1.5'],
    ],
    [
      'unknown keys',
      { ...minimal, phases: [{ durationSeconds: 1, rate: 1, burst: 3 }], speed: 'fast' },
      [
        'phases[0].burst: unknown key, expected one of "durationSeconds", "rate", "rampTo"',
        'speed: unknown key, did you mean "seed"?',
      ],
    ],
    [
      'a bad phase',
      { ...minimal, phases: [{ durationSeconds: 0, rate: -1, rampTo: 'up' }] },
      [
        'phases[0].durationSeconds: expected a number > 0 and ≤ 2678400, got 0',
        'phases[0].rate: expected a number from 0 to 10000000, got -1',
        'phases[0].rampTo: expected a number from 0 to 10000000, got "up"',
      ],
    ],
    ['an empty phases array', { ...minimal, phases: [] }, ['phases: expected at least one phase, got []']],
    [
      'a start time that is not UTC ISO-8601',
      { ...minimal, phases, startTime: '2026-02-30T00:00:00Z' },
      ['startTime: expected an ISO-8601 UTC time such as "2026-01-01T00:00:00Z", got "2026-02-30T00:00:00Z"'],
    ],
    [
      'a generator missing a field',
      { ...minimal, phases, mix: [{ path: '/p/{id}', params: { id: { zipf: { n: 10 } } } }] },
      ['mix[0].params.id.zipf.s: required: expected a number > 0'],
    ],
    [
      'a generator of the wrong type',
      { ...minimal, phases, mix: [{ path: '/p/{id}', params: { id: 7 } }] },
      [
        'mix[0].params.id: expected a string or a generator object with one of "zipf", "uniform", "sequence" or "values", got 7',
      ],
    ],
    [
      'two generators in one',
      { ...minimal, phases, mix: [{ path: '/p/{id}', params: { id: { sequence: {}, values: ['a'] } } }] },
      [
        'mix[0].params.id: expected exactly one of "zipf", "uniform", "sequence" or "values", got {"sequence":{"start":1,"step":1},"values":[{"value":"a","...',
      ],
    ],
    [
      'an unknown generator',
      { ...minimal, phases, mix: [{ path: '/p', query: { q: { normal: { mean: 3 } } } }] },
      ['mix[0].query.q.normal: unknown key, expected one of "zipf", "uniform", "sequence", "values"'],
    ],
    [
      'bad generator bounds',
      {
        ...minimal,
        phases,
        mix: [
          { path: '/p', query: { a: { uniform: { min: 5, max: 1 } }, b: { zipf: { n: 0, s: 1 } }, c: { values: [] } } },
        ],
      },
      [
        'mix[0].query.a.uniform.max: expected max ≥ min, got {"min":5,"max":1}',
        'mix[0].query.b.zipf.n: expected an integer from 1 to 1000000, got 0',
        'mix[0].query.c.values: expected at least one value, got []',
      ],
    ],
    [
      'a weighted value with a bad weight',
      { ...minimal, phases, mix: [{ path: '/p', headers: { h: { values: [{ value: 'a', weight: 0 }, 3] } } }] },
      [
        'mix[0].headers.h.values[0].weight: expected a number > 0, got 0',
        'mix[0].headers.h.values[1]: expected a string or { "value": "…", "weight": n }, got 3',
      ],
    ],
    [
      'a path parameter without a generator',
      { ...minimal, phases, mix: [{ path: '/pets/{id}/toys/{toy}', params: { id: '1' } }] },
      ['mix[0].path: expected a value for {toy} in "params"'],
    ],
    [
      'a parameter the path does not use',
      { ...minimal, phases, mix: [{ path: '/pets', params: { id: '1' } }] },
      ['mix[0].params.id: unknown parameter: "/pets" has no {id}'],
    ],
    [
      'malformed templates',
      { ...minimal, phases, mix: [{ path: '/a/{p+}/b', params: { p: 'x' } }, { path: '/a/{b' }, { path: 'pets' }] },
      ['mix[2].path: expected a path starting with "/", without "?", "#" or spaces, got "pets"'],
    ],
    [
      'a malformed template after the schema passes',
      { ...minimal, phases, mix: [{ path: '/a/{p+}/b', params: { p: 'x' } }, { path: '/a/{b' }] },
      [
        'mix[0].path: expected {p+} only at the end of the path',
        'mix[1].path: expected "{" and "}" only around a parameter name',
      ],
    ],
    [
      'a bad retry jitter and attempts',
      { ...minimal, phases, clients: [{ name: 'a', retry: { jitter: 'half', maxAttempts: 0 } }] },
      [
        'clients[0].retry.maxAttempts: expected an integer from 1 to 100, got 0',
        'clients[0].retry.jitter: expected one of "full", "equal", "none", got "half"',
      ],
    ],
    [
      'duplicate client names and a zero share',
      { ...minimal, phases, clients: [{ name: 'a' }, { name: 'a' }, { name: 'b', share: 0 }] },
      ['clients[2].share: expected a number > 0, got 0'],
    ],
    [
      'duplicate client names',
      { ...minimal, phases, clients: [{ name: 'a' }, { name: 'b' }, { name: 'a' }] },
      ['clients[2].name: duplicate client name, also clients[0]'],
    ],
    [
      'an unknown client in a trace',
      { ...minimal, clients: [{ name: 'alice' }], trace: [{ at: 0, path: '/prod', client: 'carol' }] },
      ['trace[0].client: expected the name of a client in "clients", got "carol"'],
    ],
    [
      'a bad trace entry',
      { ...minimal, trace: [{ at: -5, count: 0, path: 'prod', method: 'ANY' }] },
      [
        'trace[0].at: expected a number from 0 to 2678400000, got -5',
        'trace[0].count: expected an integer from 1 to 1000000, got 0',
        'trace[0].method: expected one of "GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS", got "ANY"',
        'trace[0].path: expected a path starting with "/", without "#" or spaces, got "prod"',
      ],
    ],
    [
      'header names that clash or are invalid',
      { ...minimal, phases, mix: [{ path: '/', headers: { 'X-A': '1', 'x-a': '2', 'bad name': '3' } }] },
      [
        'mix[0].headers["x-a"]: duplicate header, also given as "X-A"',
        'mix[0].headers["bad name"]: expected a header name of letters, digits and !#$%&\'*+-.^_`|~',
      ],
    ],
    [
      'a bad concurrency block',
      { ...minimal, concurrency: { connections: 0, durationSeconds: 5, rttMs: -1 } },
      [
        'concurrency.connections: expected an integer from 1 to 100000, got 0',
        'concurrency.rttMs: expected a number from 0 to 600000, got -1',
      ],
    ],
    [
      'bad target, mode and arrivals',
      { ...minimal, target: { apiId: 'pet store', stage: 'a/b' }, phases, mode: 'fast', arrivals: 'bursty' },
      [
        'target.apiId: expected letters, digits, "_", "-" or "." only, got "pet store"',
        'target.stage: expected letters, digits, "_" or "-" (or "$default"), got "a/b"',
        'mode: expected one of "virtual", "live", got "fast"',
        'arrivals: expected one of "uniform", "poisson", got "bursty"',
      ],
    ],
    ['not an object', 42, ['(root): expected an object, got 42']],
  ])('reports %s', (_name, data, expected) => {
    expect(errors(data)).toEqual(expected);
  });
});
