import { fileURLToPath } from 'node:url';
import { parsePriceTable, type PriceTable } from '../../engine/cost/index.ts';
import { formatProblem } from '../../engine/validation/problem.ts';
import { loadJsonFile } from '../load-json-file.ts';

/**
 * The price table that ships with Gatelab: API Gateway list prices in us-east-1. Resolved on use, not on import:
 * a bundle without module URLs (the Electron lab process) imports this module and passes its own path.
 */
export const defaultPricesFile = (): string =>
  fileURLToPath(new URL('../../../data/prices-us-east-1.json', import.meta.url));

/** A loaded price table, or one line per problem, each naming the file. */
export type LoadedPrices = { ok: true; prices: PriceTable } | { ok: false; errors: string[] };

/** Reads and validates a price table (by default the bundled one). Never throws for a bad file. */
export async function loadPriceTable(file: string = defaultPricesFile()): Promise<LoadedPrices> {
  const loaded = await loadJsonFile(file);
  if (!loaded.ok) return { ok: false, errors: [loaded.message] };
  const parsed = parsePriceTable(loaded.value);
  if (!parsed.ok) return { ok: false, errors: parsed.problems.map((p) => `${file}: ${formatProblem(p)}`) };
  return { ok: true, prices: parsed.value };
}
