/** A flag value that cannot be used: the one line to print before exiting 2. */
export interface OptionProblem {
  error: string;
}

const PORT_MAX = 65_535;
/** The scenario's own `seed` range (SPEC §6), so a flag accepts exactly what a file does. */
const SEED_MAX = 4_294_967_295;

function integerFrom(option: string, text: string, max: number): number | OptionProblem {
  // Digits only: Number() alone would also take "", " 7", "-0", "1e3" and "0x10".
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (value <= max) return value;
  return { error: `${option}: expected an integer from 0 to ${max}, got "${text}"` };
}

/** `--port N`: 0 (any free port) to 65535. */
export function parsePort(text: string): number | OptionProblem {
  return integerFrom('--port', text, PORT_MAX);
}

/** `--seed N`: 0 to 4294967295. */
export function parseSeed(text: string): number | OptionProblem {
  return integerFrom('--seed', text, SEED_MAX);
}

/** An optional `--seed`: its value, or undefined when absent or bad (then its line is added to `errors`). */
export function seedOption(text: string | undefined, errors: string[]): number | undefined {
  if (text === undefined) return undefined;
  const seed = parseSeed(text);
  if (typeof seed === 'number') return seed;
  errors.push(seed.error);
  return undefined;
}
