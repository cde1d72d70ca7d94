/**
 * The numbers README.md quotes cannot drift from readsim's results. The analytic ones (step 1's
 * table and crossing, the years each answer buys in step 4) are computed here by the analytic
 * companion (no simulation); the simulated ones (backlogs after ten years in steps 2 and 4, the
 * head CT waits of step 5) are read from tests/fixtures/reference-results/readme-runs.json, the
 * full runs `npm run fixture:reference` writes beside the other reference results. A change of
 * results regenerates that file, and this test then names each README number to update.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README_RUNS, REFERENCE_DIR, type ReadmeRun } from '../scripts/reference-results.js';
import { explainScenario } from '../src/experiment/analytic-companion.js';
import { loadScenario } from '../src/scenario/load-scenario.js';

const readme = readFileSync('README.md', 'utf8').replace(/\s+/g, ' ');
const runs: Record<string, ReadmeRun> = JSON.parse(readFileSync(`${REFERENCE_DIR}/readme-runs.json`, 'utf8'));

/** The capture groups of the one place `re` matches in the README (the test fails if it is gone). */
function quoted(re: RegExp): string[] {
  const m = re.exec(readme);
  expect(m, `README no longer says ${re}`).not.toBeNull();
  return (m as RegExpExecArray).slice(1);
}

const num = (text: string) => Number(text.replaceAll(',', ''));
/** A backlog as README rounds it: to the thousand. */
const thousands = (x: number | null) => Math.round((x ?? Number.NaN) / 1000) * 1000;
/** The mean of a statistic in each arm of a README run, in the scenario's arm order. */
const means = (scenario: string, stat: string) => Object.values(runs[scenario].arms).map((a) => a[stat]);

describe('the numbers README.md quotes', () => {
  it('readme-runs.json holds every run and statistic the fixture script lists', () => {
    for (const [scenario, stats] of Object.entries(README_RUNS)) {
      for (const arm of Object.values(runs[scenario].arms)) expect(Object.keys(arm)).toEqual(stats);
    }
  });

  it('step 1: the year-by-year table and the crossing are what explain prints', () => {
    const e = explainScenario(loadScenario('scenarios/widening-gap.yaml'));
    const base = e.arms[0];
    const table = quoted(/load\/capacity ((?:\d+ [\d,]+ [\d,]+ [\d,]+ [\d.]+ )+)Demand passes/)[0]
      .trim()
      .split(' ');
    expect(table.length % 5).toBe(0);
    for (let i = 0; i < table.length; i += 5) {
      const y = base.years[Number(table[i]) - 1];
      expect(num(table[i + 1]), `year ${table[i]} studies`).toBe(Math.round(y.studies));
      expect(num(table[i + 2]), `year ${table[i]} load`).toBe(Math.round(y.loadHours));
      expect(num(table[i + 3]), `year ${table[i]} capacity`).toBe(Math.round(y.capacityHours));
      expect(table[i + 4], `year ${table[i]} load/capacity`).toBe(y.rho.toFixed(3));
    }
    const [years, year] = quoted(/Demand passes capacity in ([\d.]+) years \(year (\d+)\)/);
    expect(years).toBe((base.crossing as number).toFixed(1));
    expect(Number(year)).toBe(Math.ceil(base.crossing as number));
    const [share, emergency] = quoted(
      /the department is comfortable today \((\d+) % of its reading time used, and (\d+) % of\s+emergency CT reported within its 1 h target\)/,
    );
    expect(Number(share)).toBe(Math.round(base.years[0].rho * 100));
    const year1 = means('widening-gap', 'by_year.1.target_met_share.emergency')[0] as number;
    expect(Number(emergency), 'year-1 emergency share within target (simulated)').toBe(Math.round(year1 * 100));
  });

  it('step 2: the backlog after ten years, with the run it comes from', () => {
    const run = runs['widening-gap'];
    const [backlog, replications, seed] = quoted(
      /([\d,]+) unreported studies after ten years \(the mean of (\d+) replications, seed (\d+)\)/,
    );
    expect(run.horizon_days).toBe(3650);
    expect(num(backlog)).toBe(thousands(means('widening-gap', 'studies.backlog_end')[0]));
    expect(Number(replications)).toBe(run.replications);
    expect(Number(seed)).toBe(run.seed);
  });

  it('step 4: the years each answer buys (explain) and the backlogs the simulation gives', () => {
    const e = explainScenario(loadScenario('scenarios/widening-gap.yaml'));
    const bought = quoted(/`readsim explain` prints these years \(([\d.]+), ([\d.]+), ([\d.]+)\)/);
    expect(bought).toEqual([1, 2, 3].map((a) => (e.arms[a].yearsBought as number).toFixed(1)));
    const [assist, readers] = quoted(/buy ([\d.]+) years, more than two extra radiologists \(([\d.]+) years\)/);
    expect([assist, readers]).toEqual([bought[0], bought[2]]);
    const [autonomous] = quoted(/plain films alone buys ([\d.]+) years/);
    expect(autonomous).toBe(bought[1]);
    const [earlier] = quoted(/the crossing comes ([\d.]+) years earlier/);
    expect(earlier).toBe(((e.arms[0].crossing as number) - (e.arms[4].crossing as number)).toFixed(1));

    const backlogs = means('widening-gap', 'studies.backlog_end').map(thousands);
    const agrees = quoted(/backlog after ten years agrees \(([\d,]+), ([\d,]+) and ([\d,]+) against ([\d,]+)\)/).map(num);
    expect(agrees).toEqual([backlogs[1], backlogs[2], backlogs[3], backlogs[0]]);
    const [images] = quoted(/the backlog after ten years is ([\d,]+)/);
    expect(num(images)).toBe(backlogs[4]);
  });

  it('step 5: the head CT waits by AI call and over all studies', () => {
    const tp = means('ed-head-ct-triage', 'wait.by_ai_call.ich-triage.TP').map((x) => Math.round(x ?? Number.NaN));
    const fn = means('ed-head-ct-triage', 'wait.by_ai_call.ich-triage.FN').map((x) => Math.round(x ?? Number.NaN));
    const all = means('ed-head-ct-triage', 'wait.all').map((x) => Math.round(x ?? Number.NaN));
    // Arms: no AI, flag only, reorder.
    expect(quoted(/\((\d+) to (\d+) minutes for the bleeds it flags\)/).map(Number)).toEqual([tp[0], tp[2]]);
    const [mean] = quoted(/does not move \((\d+) minutes in every arm\)/);
    expect(all).toEqual(all.map(() => Number(mean)));
    const [missed, before, after] = quoted(/the (\d+) % of bleeds the AI misses among them \((\d+) to (\d+) minutes\)/).map(
      Number,
    );
    expect([before, after]).toEqual([fn[0], fn[2]]);
    const tool = loadScenario('scenarios/ed-head-ct-triage.yaml').resolved.ai.find((t) => t.name === 'ich-triage');
    const sensitivity = tool && 'sensitivity' in tool ? Number(tool.sensitivity) : Number.NaN;
    expect(missed).toBe(Math.round((1 - sensitivity) * 100));
  });
});
