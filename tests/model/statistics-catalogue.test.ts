/**
 * The statistics catalogue against what runs really report: the reference summary.json of every
 * bundled scenario (written by the code before the catalogue existed) holds exactly the
 * catalogue's statistics that apply to the scenario, in the catalogue's order; the summary's
 * type is the catalogue's; `sweep --metric` is checked against it without running anything.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REFERENCE_DIR, REFERENCE_SET } from '../../scripts/reference-results.js';
import { Simulation } from '../../src/engine/index.js';
import type { ArmSummary, Summary } from '../../src/experiment/summary.js';
import { checkMetric } from '../../src/experiment/sweep.js';
import { Department } from '../../src/model/department.js';
import type { DepartmentConfig } from '../../src/model/department-config.js';
import {
  CATALOGUE,
  conditionHolds,
  departmentStatistics,
  findStatistic,
  hasRecallOutcomes,
  type Placeholder,
  statisticAxisTitle,
  statisticLabel,
  statisticRange,
  templateParts,
} from '../../src/model/statistics-catalogue.js';
import { listBundledScenarios } from '../../src/scenario/bundled-scenarios.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';

/** The statistics of an arm of summary.json as dotted paths, in the file's order. */
function leafPaths(node: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(node).flatMap(([k, v]) => {
    if (prefix === '' && k === 'name') return [];
    const path = prefix ? `${prefix}.${k}` : k;
    const o = v as Record<string, unknown>;
    return 'mean' in o && 'n' in o ? [path] : leafPaths(o, path);
  });
}

/** Does the department have a name for the part (read from its config, not from the catalogue)? */
function hasNames(part: Placeholder, c: DepartmentConfig, targetsOnly: boolean): boolean {
  switch (part) {
    case 'priority':
      return c.priorities.some((p) => !targetsOnly || p.target !== null);
    case 'stream':
      return c.streams.length > 0;
    case 'finding':
      return c.findings.length > 0;
    case 'tool':
      return c.tools.some((t) => t.kind !== 'assist');
    case 'call':
      return true;
    case 'provider':
      return (c.external ?? []).length > 0;
    case 'group':
      return c.readers.length > 0;
    case 'year':
      return c.horizon > c.warmup;
  }
}

const bundled = listBundledScenarios().map((s) => ({
  name: s.name,
  loaded: loadScenario(s.file, { set: REFERENCE_SET }),
  summary: JSON.parse(readFileSync(join(REFERENCE_DIR, `${s.name}.summary.json`), 'utf8')) as Summary,
}));

describe('the statistics catalogue against the bundled scenarios', () => {
  it('has seven scenarios to check, with recall outcomes in some and not in others', () => {
    expect(bundled.length).toBe(7);
    const recalls = bundled.map((b) => b.loaded.departments.some(hasRecallOutcomes));
    expect(recalls).toContain(true);
    expect(recalls).toContain(false);
  });

  for (const { name, loaded, summary } of bundled) {
    it(`${name}: every statistic of summary.json is in the catalogue, and every one that applies is in summary.json`, () => {
      summary.arms.forEach((arm, a) => {
        const config = loaded.departments[a];
        const keys = leafPaths(arm as unknown as Record<string, unknown>);
        expect(keys.length).toBeGreaterThan(40);
        for (const k of keys) expect(findStatistic(k), `${name}: ${k}`).not.toBeNull();
        // Each entry whose condition holds, and whose parts all have names here, has an instance.
        for (const e of CATALOGUE) {
          const named = templateParts(e.path).every((p) => hasNames(p, config, e.when === 'target'));
          const instances = keys.filter((k) => findStatistic(k)?.entry === e);
          if (conditionHolds(e.when, config) && named)
            expect(instances.length, `${name}, arm ${arm.name}: ${e.path}`).toBeGreaterThan(0);
          if (!conditionHolds(e.when, config)) expect(instances, `${name}: ${e.path} does not apply`).toEqual([]);
        }
        // The same set as the catalogue expands to for this arm.
        expect(new Set(keys)).toEqual(new Set(departmentStatistics(config).map((s) => s.path)));
      });
    });

    it(`${name}: the differences list the statistics in the catalogue's order`, () => {
      if (summary.arms.length < 2) return;
      const second = summary.arms[1].name;
      const listed = summary.differences.filter((d) => d.arm === second).map((d) => d.metric);
      const expected = departmentStatistics(loaded.departments[1])
        .filter((s) => !s.entry.notCompared)
        .map((s) => s.path);
      expect(listed).toEqual(expected);
    });
  }

  it('the summary type is derived from the catalogue (the type checker fails this file otherwise)', () => {
    const arm: ArmSummary = bundled[0].summary.arms[0];
    const wait: number | null = arm.wait.all.mean;
    const byYear = arm.by_year['1'].tat.by_priority;
    // @ts-expect-error: not a statistic of the catalogue
    const none = arm.wait.nonsense;
    // @ts-expect-error: outcomes are not reported by every scenario, so the group may be absent
    const recall: { recall_rate: unknown } = arm.outcomes;
    expect(typeof wait).toBe('number');
    expect(Object.keys(byYear).length).toBeGreaterThan(0);
    expect(none).toBeUndefined();
    expect(recall === undefined || typeof recall === 'object').toBe(true);
  });
});

describe('labels, units and ranges', () => {
  it('labels a path with its names, a call in words and a year', () => {
    expect(statisticLabel('wait.by_priority.stat')).toBe('mean wait stat');
    expect(statisticLabel('wait.by_ai_call.ich-triage.FN')).toBe('mean wait, ich-triage false negatives');
    expect(statisticLabel('by_year.5.target_met_share.emergency')).toBe('emergency within target, year 5');
    expect(statisticAxisTitle('tat.by_priority.stat.p90')).toBe('p90 TAT stat (minutes)');
    expect(statisticAxisTitle('nonsense')).toBe('nonsense');
  });
  it('shares lie in [0, 1]; ratios (demand over capacity) may pass 1', () => {
    expect(statisticRange('target_met_share.stat')).toEqual([0, 1]);
    expect(statisticRange('outcomes.recall_rate')).toEqual([0, 1]);
    expect(statisticRange('demand_of_capacity')).toEqual([0, Number.POSITIVE_INFINITY]);
  });
  it('every entry has a label, a description and a unique path', () => {
    const paths = CATALOGUE.map((e) => e.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const e of CATALOGUE) {
      expect(e.label.length, e.path).toBeGreaterThan(2);
      expect(e.description, e.path).toMatch(/\.$/);
    }
  });
});

describe('sweep --metric is checked against the catalogue, without a run', () => {
  afterEach(() => vi.restoreAllMocks());
  // A scenario whose run would take hours: a century, every arm.
  const huge = loadScenario('scenarios/widening-gap.yaml', { set: ['horizon=100y'] }).departments;

  it('refuses an unknown name with close valid names, and accepts a good one, simulating nothing', () => {
    const runs = vi.spyOn(Department.prototype, 'run');
    const steps = vi.spyOn(Simulation.prototype, 'runUntil');
    const bad = checkMetric('wait.by_priority.emergncy', huge);
    expect(bad).toMatch(
      /^--metric wait\.by_priority\.emergncy: not a statistic of this scenario \(did you mean wait\.by_priority\.emergency\?/,
    );
    expect(bad).not.toContain('\n');
    expect(checkMetric('tat.al.p90', huge)).toContain('tat.all.p90');
    expect(checkMetric('by_year.75.target_met_share.emergency', huge)).toBeNull();
    expect(checkMetric('by_year.101.tat.all.mean', huge)).toMatch(/the run has no year 101 \(its years: 1, 2, .*, 100\)/);
    expect(checkMetric('studies.backlog_end', huge)).toBeNull();
    // Recall outcomes: only where readers can miss or an AI reads.
    expect(checkMetric('outcomes.recall_rate', huge)).toContain('not a statistic of this scenario');
    expect(runs).not.toHaveBeenCalled();
    expect(steps).not.toHaveBeenCalled();
  });

  it('the spy would see a run (so the test above can fail)', () => {
    const steps = vi.spyOn(Simulation.prototype, 'runUntil');
    new Department({ ...huge[0], horizon: 60, warmup: 0 }, { seed: 1, replication: 0 }).run();
    expect(steps).toHaveBeenCalled();
  });
});
