/**
 * The model, configured through scenarios, against queueing theory: every case of
 * `readsim verify` (Erlang C, Pollaczek-Khinchine, Cobham, preemptive-resume, flag-only,
 * the conservation law, assistance, autonomous clearing, growth and the fluid backlog).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type CheckRow, runVerification, VERIFICATION_CASES } from '../../src/experiment/verification.js';

let rows: CheckRow[] = [];

beforeAll(async () => {
  rows = await runVerification({ jobs: 2 });
}, 300_000);

describe('the model agrees with queueing theory', () => {
  for (const c of VERIFICATION_CASES) {
    it(`${c.group}: ${c.title}`, () => {
      const mine = rows.filter((r) => r.case === c.id);
      expect(mine.length).toBe(c.checks().length);
      for (const r of mine) {
        const shown = `${r.check}: theory ${r.theory.toFixed(4)}, simulation ${r.mean.toFixed(4)} 99.9% CI ${r.ci999?.map((x) => x.toFixed(4)).join('..')}`;
        expect(r.pass, shown).toBe(true);
        // The interval must be narrow enough to catch a real bias: under 15% of the value.
        if (r.criterion.startsWith('in') && Math.abs(r.theory) > 1) {
          const ci = r.ci999 as [number, number];
          expect((ci[1] - ci[0]) / Math.abs(r.theory), `${shown} is too wide to test anything`).toBeLessThan(0.15);
        }
      }
    });
  }
});
