// Regenerates the JSON Schema shipped in schema/ from the zod config schema (`npm run schema`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { configJsonSchemaText } from '../core/engine/config/config-json-schema.ts';

const folder = new URL('../schema/', import.meta.url);
const file = new URL('gatelab.config.schema.json', folder);
mkdirSync(folder, { recursive: true });
writeFileSync(file, configJsonSchemaText());
console.log('wrote schema/gatelab.config.schema.json');
