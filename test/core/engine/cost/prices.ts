import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePriceTable, type PriceTable } from '../../../../core/engine/cost/price-table.ts';

/** The bundled price table, read the way the Node side does. */
export function bundledPrices(): PriceTable {
  const file = join(dirname(fileURLToPath(import.meta.url)), '../../../../data/prices-us-east-1.json');
  const parsed = parsePriceTable(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}
