/** Results in a planner's terms: statistics by year (simulated or calendar), and by hour of the week. */
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiment/experiment.js';
import { simulateDepartment } from '../../src/model/department.js';
import { armTable, textTable, yearTable } from '../../src/report/summary-table.js';
import { weekHourCells, weekHoursCsv } from '../../src/report/week-hours.js';
import { validateScenario } from '../../src/scenario/load-scenario.js';
import { calendarYears } from '../../src/scenario/to-department-config.js';
import { scenario } from '../support/scenarios.js';

describe('statistics by year', () => {
  it('one year that covers the whole run gives the whole run’s figures', () => {
    const loaded = validateScenario('t.yaml', scenario({ horizon: '26w' }));
    const r = simulateDepartment(loaded.departments[0], { seed: 3, replication: 0 });
    expect(r.stats['by_year.1.target_met_share.stat']).toBe(r.stats['target_met_share.stat']);
    expect(r.stats['by_year.1.tat.by_priority.routine.p90']).toBe(r.stats['tat.by_priority.routine.p90']);
    expect(r.stats['by_year.2.studies.arrived']).toBeUndefined();
  });

  it('years split the run: arrivals add up, each year has its own shares', () => {
    const loaded = validateScenario('t.yaml', scenario({ horizon: '2y' }));
    const r = simulateDepartment(loaded.departments[0], { seed: 3, replication: 0 });
    const total = r.periods.arrivals.reduce((a, b) => a + b, 0);
    expect(r.stats['by_year.1.studies.arrived'] + r.stats['by_year.2.studies.arrived']).toBe(total);
    for (const y of [1, 2]) {
      const share = r.stats[`by_year.${y}.target_met_share.stat`];
      expect(share).toBeGreaterThan(0);
      expect(share).toBeLessThanOrEqual(1);
    }
  });

  it('with a start date, years are calendar years, the first one partial', () => {
    expect(calendarYears('2026-06-29', 365 * 1440).map((y) => y.label)).toEqual(['2026', '2027']);
    expect(calendarYears('2026-06-29', 365 * 1440)[1].from).toBe(186 * 1440);
    const loaded = validateScenario('t.yaml', scenario({ horizon: '1y', start: '2026-06-29' }));
    const r = simulateDepartment(loaded.departments[0], { seed: 3, replication: 0 });
    expect(r.stats['by_year.2026.target_met_share.stat']).toBeGreaterThan(0);
    expect(r.stats['by_year.2027.target_met_share.stat']).toBeGreaterThan(0);
  });

  it('the console table has a share-within-target row per priority and a table by year', async () => {
    const raw = scenario({ horizon: '2y' });
    const loaded = validateScenario('t.yaml', raw);
    const { summary } = await runExperiment(loaded, { replications: 2, jobs: 1 });
    const text = textTable(armTable(summary, loaded.resolved));
    expect(text).toMatch(/stat within 1 h\s+\d+\.\d%/);
    expect(text).toMatch(/routine within 7 d\s+\d+\.\d%/);
    const years = yearTable(summary, loaded.resolved);
    expect(years[0]).toEqual([
      'year',
      'arm',
      'backlog at year end',
      'demand / capacity',
      'stat within 1 h',
      'routine within 7 d',
      'p90 TAT stat',
    ]);
    expect(years.map((r) => r[0]).filter(Boolean)).toEqual(['year', '1', '2']);
  });
});

describe('by hour of the week', () => {
  it('gives 168 hours per priority and for all studies, shares within [0, 1]', () => {
    const loaded = validateScenario('t.yaml', scenario({ horizon: '8w' }));
    const r = simulateDepartment(loaded.departments[0], { seed: 3, replication: 0 });
    const cells = weekHourCells([[r]]);
    expect(cells).toHaveLength(168 * 3);
    for (const c of cells) if (Number.isFinite(c.target_met_share)) expect(c.target_met_share).toBeGreaterThanOrEqual(0);
    for (const c of cells) if (Number.isFinite(c.target_met_share)) expect(c.target_met_share).toBeLessThanOrEqual(1);
    // Every reported study is in one hour: the hours add up to the priorities' totals.
    const all = cells.filter((c) => c.priority === 'all').reduce((s, c) => s + c.studies, 0);
    const parts = cells.filter((c) => c.priority !== 'all').reduce((s, c) => s + c.studies, 0);
    expect(all).toBe(parts);
    expect(all).toBeGreaterThan(0);
    // Office-hours outpatients never arrive on a Sunday or at night.
    expect(cells.filter((c) => c.priority === 'routine' && (c.weekday === 6 || c.hour < 8)).every((c) => c.studies === 0)).toBe(
      true,
    );
    expect(cells.filter((c) => c.priority === 'routine' && c.weekday === 1 && c.hour === 10)[0].studies).toBeGreaterThan(0);
    const csv = weekHoursCsv([[r]]).split('\n');
    expect(csv[0]).toBe('arm,priority,weekday,hour,studies,wait_mean_min,tat_mean_min,target_met_share');
    expect(csv).toHaveLength(168 * 3 + 2);
  });
});
