// Regenerates schema/gatelab.metrics.schema.json from the zod shape (run with bin/run-ts.mjs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { metricsJsonSchemaText } from './metrics-shape.ts';

const folder = new URL('../../../schema/', import.meta.url);
mkdirSync(folder, { recursive: true });
writeFileSync(new URL('gatelab.metrics.schema.json', folder), metricsJsonSchemaText());
console.log('wrote schema/gatelab.metrics.schema.json');
