/** A CLI option for `gatelab run` that the report files add: commander flags and help text. */
export interface ReportCliOption {
  flags: string;
  description: string;
}

/** `--html FILE`: the self-contained HTML report. */
export const HTML_OPTION: ReportCliOption = {
  flags: '--html <file>',
  description: 'also write a self-contained HTML report (charts, tables, config, checks, cost) that opens offline',
};

/** `--csv FILE`: the per-second series. */
export const CSV_OPTION: ReportCliOption = {
  flags: '--csv <file>',
  description: 'also write the per-second series as CSV, one row per second, bucket levels as columns',
};

/** `--backend-cost-per-million N`: prices the backend calls that the cache saves. */
export const BACKEND_COST_OPTION: ReportCliOption = {
  flags: '--backend-cost-per-million <usd>',
  description: 'what a million backend calls cost you, to price the calls the cache saves in the cost estimate',
};

/** Parses `--backend-cost-per-million`: a number ≥ 0, or the one-line problem to print (exit 2). */
export function parseBackendCost(text: string): number | { error: string } {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) {
    return { error: `--backend-cost-per-million: expected a number ≥ 0, got "${text}"` };
  }
  return value;
}
