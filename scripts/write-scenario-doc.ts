// npm run docs:format: writes docs/scenario-format.md from the scenario schema (a test checks it is current).
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../src/scenario/json-schema.js';
import { scenarioFormatMarkdown } from '../src/scenario/scenario-format-doc.js';

writeFileSync(new URL('../docs/scenario-format.md', import.meta.url), scenarioFormatMarkdown(scenarioJsonSchema()));
console.log('wrote docs/scenario-format.md');
