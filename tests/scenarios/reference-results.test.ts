/**
 * Results stay byte-identical: summary.json of every bundled scenario (short runs) and the
 * `verify --quick` rows, against the files in tests/fixtures/reference-results/ that
 * `npm run fixture:reference` wrote before a change meant only to make readsim faster.
 * A change of the model's rules rewrites them with that command, in the same commit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE_DIR, referenceSummaries, referenceVerifyRows } from '../../scripts/reference-results.js';

describe('results are unchanged against the reference', () => {
  it('summary.json of every bundled scenario, byte for byte', async () => {
    const now = await referenceSummaries();
    expect(Object.keys(now).length).toBe(6);
    for (const [name, json] of Object.entries(now)) {
      const before = readFileSync(join(REFERENCE_DIR, `${name}.summary.json`), 'utf8');
      // Compared as text, so a difference in the last digit of one statistic fails.
      expect(json, name).toBe(before);
    }
  });

  it('the verify --quick rows, byte for byte', async () => {
    expect(await referenceVerifyRows()).toBe(readFileSync(join(REFERENCE_DIR, 'verify-quick.json'), 'utf8'));
  });
});
