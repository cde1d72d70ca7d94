/** docs/scenario-format.md lists every field of the JSON Schema, and nothing else: they cannot drift apart. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldList } from '../../src/scenario/field-list.js';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';
import { scenarioFormatMarkdown } from '../../src/scenario/scenario-format-doc.js';

describe('docs/scenario-format.md', () => {
  const doc = readFileSync('docs/scenario-format.md', 'utf8');
  it('is the one generated from the schema (run npm run docs:format after changing the schema)', () => {
    expect(doc).toBe(scenarioFormatMarkdown(scenarioJsonSchema()));
  });
  it('names every field of the schema, whatever fields are added later', () => {
    const fields = fieldList(scenarioJsonSchema()).filter((f) => !/^arms\[\]\.(readers|streams)\.<name>\./.test(f.path));
    expect(fields.length).toBeGreaterThan(60);
    for (const f of fields) expect(doc, f.path).toContain(`| \`${f.path}\` |`);
    for (const top of Object.keys((scenarioJsonSchema().properties ?? {}) as object)) expect(doc).toContain(`| \`${top}\` |`);
  });
  it('points to nothing outside the repository', () => {
    expect(doc).not.toContain('../shared');
  });
});
