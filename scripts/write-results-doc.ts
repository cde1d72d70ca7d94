// npm run docs:results: writes the statistics part of docs/results.md from the statistics catalogue (a test checks it is current).
import { readFileSync, writeFileSync } from 'node:fs';
import { withStatistics } from '../src/report/statistics-doc.js';

const file = new URL('../docs/results.md', import.meta.url);
writeFileSync(file, withStatistics(readFileSync(file, 'utf8')));
console.log('wrote the statistics of docs/results.md');
