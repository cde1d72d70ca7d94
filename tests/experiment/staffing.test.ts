import { describe, expect, it } from 'vitest';
import { erlangShareWithin, smallestErlangServers } from '../../src/experiment/staffing/erlang-share.js';
import { rosterShifts } from '../../src/experiment/staffing/roster-shifts.js';
import { coverWithShifts, staffingOf } from '../../src/experiment/staffing/shift-cover.js';
import { type ShiftTemplate, templateHours, templateWeeklyHours } from '../../src/experiment/staffing/shift-templates.js';
import { evaluateStaffings } from '../../src/experiment/staffing/staffing-evaluation.js';
import { coverBlocks, judge, solveStaffing } from '../../src/experiment/staffing/staffing-solver.js';
import type { StaffingTarget } from '../../src/experiment/staffing/staffing-target.js';
import { openTaskPool } from '../../src/experiment/worker-pool.js';
import { validateScenario } from '../../src/scenario/load-scenario.js';

const WEEK = 7 * 1440;

function department(raw: Record<string, unknown>) {
  return validateScenario('test.yaml', raw).departments[0];
}

const ALL_DAY: ShiftTemplate[] = [{ name: 'all day', days: [0, 1, 2, 3, 4, 5, 6], from: 0, length: 1440 }];

describe('staffing: one stationary stream', () => {
  // M/M/c: 3 studies an hour, exponential reads of 30 min (a = 1.5), 90% within 45 min.
  const lambda = 3 / 60;
  const hold = { mean: 30, scv: 1 };
  const cfg = department({
    name: 'stationary',
    horizon: '1y',
    warmup: '2w',
    seed: 7,
    priorities: [{ name: 'urgent', target: '45m' }],
    streams: [
      {
        name: 's',
        modality: 'CT',
        priority: 'urgent',
        volume: '3/h',
        pattern: 'flat',
        readTime: { dist: 'exponential', mean: '30m' },
      },
    ],
    readers: [{ name: 'r', count: 10, roster: [{ days: 'all', from: '00:00', to: '24:00', on: 3 }], efficiency: 1 }],
  });

  it('the exact Erlang C answer has a clear margin either side (so the test can tell)', () => {
    const c = smallestErlangServers(lambda, hold, 60, 0.7);
    expect(c).toBe(3);
    expect(erlangShareWithin(lambda, hold, 3, 60)).toBeGreaterThan(0.75);
    expect(erlangShareWithin(lambda, hold, 2, 60)).toBeLessThan(0.65);
  });

  it('equals the smallest c whose exact M/M/c share within target reaches the goal', async () => {
    const target: StaffingTarget = { priority: 0, name: 'urgent', within: 60, goal: 0.7 };
    const r = await solveStaffing(cfg, {
      targets: [target],
      years: [1],
      templates: ALL_DAY,
      seed: 7,
      weeks: 26,
      warmup: 2 * WEEK,
      finalReplications: 4,
      pool: { jobs: 1 },
    });
    const exact = smallestErlangServers(lambda, hold, target.within, target.goal);
    expect(r.years[0].counts).toEqual([exact]);
    expect(r.years[0].targets[0].met).toBe(true);
  });
});

describe('staffing: two priorities on a day/night roster', () => {
  const templates: ShiftTemplate[] = [
    { name: 'day', days: [0, 1, 2, 3, 4, 5, 6], from: 8 * 60, length: 12 * 60 },
    { name: 'night', days: [0, 1, 2, 3, 4, 5, 6], from: 20 * 60, length: 12 * 60 },
  ];
  const cfg = department({
    name: 'day and night',
    horizon: '1y',
    warmup: '2w',
    seed: 3,
    priorities: [
      { name: 'urgent', target: '1h' },
      { name: 'routine', target: '12h' },
    ],
    streams: [
      {
        name: 'ed',
        modality: 'CT',
        priority: 'urgent',
        volume: '60/day',
        pattern: 'ed',
        readTime: { dist: 'lognormal', mean: '15m', cv: 0.5 },
      },
      {
        name: 'ward',
        modality: 'CT',
        priority: 'routine',
        volume: '50/day',
        pattern: 'inpatient',
        readTime: { dist: 'lognormal', mean: '20m', cv: 0.5 },
      },
    ],
    readers: [{ name: 'r', count: 10, roster: [{ days: 'all', from: '00:00', to: '24:00', on: 3 }], efficiency: 0.8 }],
  });
  const targets: StaffingTarget[] = [
    { priority: 0, name: 'urgent', within: 60, goal: 0.8 },
    { priority: 1, name: 'routine', within: 12 * 60, goal: 0.9 },
  ];
  const settings = { seed: 3, weeks: 12, warmup: 2 * WEEK, confidence: 0.9 };

  it('finds a roster that meets the targets, and taking a reader off any shift breaks one', async () => {
    const r = await solveStaffing(cfg, {
      targets,
      years: [1],
      templates,
      seed: settings.seed,
      weeks: settings.weeks,
      warmup: settings.warmup,
      finalReplications: 4,
      pool: { jobs: 1 },
    });
    const y = r.years[0];
    for (const t of y.targets) expect(t.met, `${t.priority}: ${t.share.mean} against ${t.goal}`).toBe(true);
    expect(y.counts.every((c) => c > 0)).toBe(true);
    // One reader fewer on each shift in turn, judged as the solver judges (same replications).
    const blocks = coverBlocks(templates);
    const fewer = templates.map((_, i) =>
      rosterShifts(
        templates,
        y.counts.map((c, j) => (j === i ? c - 1 : c)),
      ),
    );
    const pool = openTaskPool({ jobs: 1 });
    const evs = await evaluateStaffings(cfg, 1, fewer, [0, 1, 2, 3], targets, blocks, { ...settings, pool });
    await pool.close();
    evs.forEach((ev, i) => {
      expect(judge(ev, targets).ok, `one reader fewer on the ${templates[i].name} shift`).toBe(false);
    });
  });

  it('gives the same answer for the same seed, whatever the threads', async () => {
    const options = {
      targets,
      years: [1],
      templates,
      seed: 5,
      weeks: 6,
      warmup: 2 * WEEK,
      finalReplications: 2,
      searchReplications: 2,
    };
    const a = await solveStaffing(cfg, { ...options, pool: { jobs: 1 } });
    const b = await solveStaffing(cfg, { ...options, pool: { jobs: 2 } });
    expect(b).toEqual(a);
  });
});

describe('staffing: the shift cover', () => {
  // A small deterministic generator (no timing, no global state).
  function lcg(seed: number) {
    let s = seed >>> 0;
    return () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }
  const templates: ShiftTemplate[] = [
    { name: 'early', days: [0, 1, 2, 3, 4], from: 7 * 60, length: 8 * 60 },
    { name: 'late', days: [0, 1, 2, 3, 4], from: 12 * 60, length: 10 * 60 },
    { name: 'long day', days: [0, 1, 2, 3, 4, 5, 6], from: 8 * 60, length: 12 * 60 },
    { name: 'night', days: [0, 1, 2, 3, 4, 5, 6], from: 20 * 60, length: 12 * 60 },
  ];
  const hours = templates.map(templateHours);

  it('is optimal on small cases (checked by enumeration) and covers only with the templates', async () => {
    const rand = lcg(42);
    for (let n = 0; n < 25; n++) {
      const required = new Array<number>(168).fill(0);
      for (let h = 0; h < 168; h++) if (hours.some((hs) => hs.includes(h))) required[h] = Math.floor(rand() * 4);
      const cover = await coverWithShifts(templates, required);
      // Respects the templates: the staffing is exactly the sum of whole shifts, and covers.
      expect(cover.staffing).toEqual(staffingOf(templates, cover.counts));
      expect(cover.counts.every((c) => Number.isInteger(c) && c >= 0)).toBe(true);
      for (let h = 0; h < 168; h++) expect(cover.staffing[h]).toBeGreaterThanOrEqual(required[h]);
      // Enumeration: every count from 0 to 3 per template.
      let best = Number.POSITIVE_INFINITY;
      const counts = [0, 0, 0, 0];
      const walk = (i: number) => {
        if (i === templates.length) {
          const s = staffingOf(templates, counts);
          if (s.every((x, h) => x >= required[h]))
            best = Math.min(
              best,
              templates.reduce((a, t, j) => a + counts[j] * templateWeeklyHours(t), 0),
            );
          return;
        }
        for (let c = 0; c <= 3; c++) {
          counts[i] = c;
          walk(i + 1);
        }
      };
      walk(0);
      expect(cover.rosteredHours).toBe(best);
    }
  });

  it('names an hour that needs readers but no template covers', async () => {
    const required = new Array<number>(168).fill(0);
    required[3] = 1;
    await expect(coverWithShifts(templates.slice(0, 3), required)).rejects.toThrow(/Monday 03:00-04:00/);
  });
});
