import type { CheckResult, Totals } from './report-types.ts';

type Operator = '<=' | '>=' | '==' | '<' | '>';

/** A parsed `--assert` expression such as `throttledRatio<0.01`. */
export interface Assertion {
  expression: string;
  name: string;
  operator: Operator;
  value: number;
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

/** The derived names of SPEC §8, beside every `totals` field (dotted where nested). */
const DERIVED: Record<string, (t: Totals) => number> = {
  throttledRatio: (t) => ratio(t.throttled, t.sent),
  quotaRatio: (t) => ratio(t.quotaExceeded, t.sent),
  rejectedRatio: (t) => ratio(t.throttled + t.quotaExceeded + t.forbidden + t.notFound, t.sent),
  errorRatio: (t) => ratio(t.serverErrors, t.sent),
  okRatio: (t) => ratio(t.ok, t.sent),
  cacheHitRatio: (t) => ratio(t.cacheHits, t.cacheHits + t.cacheMisses),
  p50: (t) => t.latencyMs.p50,
  p90: (t) => t.latencyMs.p90,
  p99: (t) => t.latencyMs.p99,
  max: (t) => t.latencyMs.max,
};

const TOTAL_FIELDS = [
  'sent',
  'ok',
  'throttled',
  'throttledBy.usagePlan',
  'throttledBy.stage',
  'throttledBy.account',
  'quotaExceeded',
  'forbidden',
  'notFound',
  'clientErrors',
  'serverErrors',
  'cacheHits',
  'cacheMisses',
  'integrationCalls',
  'retries',
  'latencyMs.p50',
  'latencyMs.p90',
  'latencyMs.p99',
  'latencyMs.max',
];

/** Every name an assertion may use. */
export const ASSERTION_NAMES: readonly string[] = [...TOTAL_FIELDS, ...Object.keys(DERIVED)];

/** The value of a name in a report's totals. */
export function observe(totals: Totals, name: string): number {
  const derived = DERIVED[name];
  if (derived) return derived(totals);
  let value: unknown = totals;
  for (const part of name.split('.')) value = (value as Record<string, unknown>)[part];
  return value as number;
}

const EXPRESSION = /^([A-Za-z][A-Za-z0-9.]*)(<=|>=|==|<|>)(.*)$/;

/** Parses an expression; a string error says what is wrong with it. */
export function parseAssertion(expression: string): Assertion | string {
  const compact = expression.replace(/\s+/g, '');
  const match = EXPRESSION.exec(compact);
  if (!match) return `"${expression}": expected NAME<VALUE, with one of < <= > >= ==`;
  const [, name = '', operator = '<', valueText = ''] = match;
  if (!ASSERTION_NAMES.includes(name)) {
    return `"${expression}": unknown name "${name}" (known: ${ASSERTION_NAMES.join(', ')})`;
  }
  // Number('') is 0 and Number('1<2') is NaN: both are refused, so nothing after the value is ignored.
  const value = Number(valueText);
  if (valueText === '' || !Number.isFinite(value)) {
    return `"${expression}": expected a number after ${operator}, got "${valueText}"`;
  }
  return { expression, name, operator: operator as Operator, value };
}

export function evaluate(assertion: Assertion, totals: Totals): CheckResult {
  const observed = observe(totals, assertion.name);
  const { operator, value } = assertion;
  const ok =
    operator === '<'
      ? observed < value
      : operator === '<='
        ? observed <= value
        : operator === '>'
          ? observed > value
          : operator === '>='
            ? observed >= value
            : observed === value;
  return { expression: assertion.expression, ok, observed };
}
