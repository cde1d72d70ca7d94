// npm run schema: writes schema/scenario.schema.json from the zod schema (a test checks it is current).
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../src/scenario/json-schema.js';

writeFileSync(new URL('../schema/scenario.schema.json', import.meta.url), `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log('wrote schema/scenario.schema.json');
