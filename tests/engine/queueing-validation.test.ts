/**
 * The engine against queueing theory (Ciw-style): fixed seeds, independent replications, and a
 * tolerance that is the replications' own 99.9% Student-t interval. A 95% interval would, by
 * design, miss the truth in one check of twenty; at 99.9% a miss means a real bias.
 */
import { describe, expect, it } from 'vitest';
import { QueueModel, type QueueOptions, type QueueResult } from '../../bench/queue-model.js';
import { CapacityCalendar, DAY, Deterministic, type Distribution, Exponential, HOUR, Lognormal } from '../../src/engine/index.js';
import { covers, type Estimate, estimate } from '../../src/formulas/confidence-interval.js';
import {
  cobham,
  cobhamMultiServer,
  conservationLaw,
  erlangC,
  pollaczekKhinchine,
  preemptiveResume,
  preemptiveResumeMultiServer,
} from '../../src/formulas/queueing-formulas.js';
import { expectWithinSe } from '../support/tolerance.js';

const LEVEL = 0.999;
const REPS = 10;

function replicate(options: Omit<QueueOptions, 'replication'>, pick: (r: QueueResult) => number[]): Estimate[] {
  const runs = Array.from({ length: REPS }, (_, rep) => pick(new QueueModel({ ...options, replication: rep }).run()));
  return runs[0].map((_, i) =>
    estimate(
      runs.map((r) => r[i]),
      LEVEL,
    ),
  );
}

function expectCovers(e: Estimate, theory: number, label: string) {
  const msg = `${label}: theory ${theory.toFixed(4)}, simulation ${e.mean.toFixed(4)} [${e.ci?.map((x) => x.toFixed(4)).join(', ')}]`;
  expect(covers(e, theory), msg).toBe(true);
  // The interval must also be informative: narrower than 15% of the value.
  const ci = e.ci as [number, number];
  expect(ci[1] - ci[0], `${msg} is too wide to test anything`).toBeLessThan(0.15 * Math.max(theory, 0.1));
}

const exp1 = new Exponential(1);

describe('M/M/c against Erlang C', () => {
  for (const c of [1, 2, 5]) {
    for (const rho of [0.5, 0.7, 0.9]) {
      it(`c = ${c}, utilisation ${rho}`, () => {
        const customers = rho === 0.9 ? (c === 1 ? 500_000 : 300_000) : rho === 0.7 ? 150_000 : 100_000;
        const [w] = replicate(
          {
            classes: [{ rate: rho * c, service: exp1 }],
            servers: c,
            discipline: 'fifo',
            customers,
            warmupCustomers: 5_000,
            seed: 11,
          },
          (r) => [r.waitAll.mean],
        );
        expectCovers(w, erlangC(rho * c, 1, c).wait, `W_q M/M/${c} rho ${rho}`);
      });
    }
  }
});

describe('M/G/1 against Pollaczek-Khinchine', () => {
  const cases: [string, number, Distribution, number][] = [
    ['M/D/1, lambda 0.8', 0.8, new Deterministic(1), 0],
    ['M/D/1, lambda 0.5', 0.5, new Deterministic(1), 0],
    ['M/G/1 lognormal cv 1.5, lambda 0.7', 0.7, new Lognormal(1, 1.5), 2.25],
  ];
  for (const [label, lambda, service, scv] of cases) {
    it(label, () => {
      const [w] = replicate(
        {
          classes: [{ rate: lambda, service }],
          servers: 1,
          discipline: 'fifo',
          customers: 300_000,
          warmupCustomers: 5_000,
          seed: 12,
        },
        (r) => [r.waitAll.mean],
      );
      expectCovers(w, pollaczekKhinchine(lambda, 1, scv), label);
    });
  }
});

/** Per-class mean waits of a priority queue, one estimate per class. */
function priorityWaits(rates: number[], service: Distribution, servers: number, preemptive: boolean, seed: number): Estimate[] {
  return replicate(
    {
      classes: rates.map((rate) => ({ rate, service })),
      servers,
      discipline: 'priority',
      preemptive,
      customers: 300_000,
      warmupCustomers: 5_000,
      seed,
    },
    (r) => r.waits.map((t) => t.mean),
  );
}

function expectClasses(ws: Estimate[], theory: number[]) {
  ws.forEach((w, k) => {
    // A class that barely waits (0.001 at c = 5) is checked absolutely, the rest relatively.
    if (theory[k] < 0.05) {
      expect(covers(w, theory[k]), `class ${k + 1}: ${theory[k]} vs ${w.mean} ${w.ci}`).toBe(true);
      expect((w.ci as number[])[1]).toBeLessThan(0.06);
    } else expectCovers(w, theory[k], `class ${k + 1}`);
  });
}

const classesOf = (rates: number[], scv: number) => rates.map((rate) => ({ rate, meanService: 1, scv }));
const det1 = new Deterministic(1);

describe('non-preemptive priority against Cobham', () => {
  it('M/M/1, two classes (0.2, 0.6)', () => {
    const theory = cobham(classesOf([0.2, 0.6], 1));
    expect(theory[0]).toBeCloseTo(1, 10);
    expect(theory[1]).toBeCloseTo(5, 10);
    expectClasses(priorityWaits([0.2, 0.6], exp1, 1, false, 13), theory);
  });

  it('M/D/1, two classes (0.3, 0.5)', () => {
    expectClasses(priorityWaits([0.3, 0.5], det1, 1, false, 14), cobham(classesOf([0.3, 0.5], 0)));
  });

  for (const [rates, c] of [
    [[0.4, 1.2], 2],
    [[1, 1, 2], 5],
  ] as [number[], number][]) {
    it(`M/M/${c}, classes (${rates.join(', ')})`, () => {
      expectClasses(priorityWaits(rates, exp1, c, false, 15), cobhamMultiServer(rates, 1, c));
    });
  }
});

describe('preemptive-resume priority', () => {
  it('M/M/1, two classes (0.2, 0.6)', () => {
    const theory = preemptiveResume(classesOf([0.2, 0.6], 1));
    expect(theory[0]).toBeCloseTo(0.25, 10);
    expect(theory[1]).toBeCloseTo(5.25, 10);
    expectClasses(priorityWaits([0.2, 0.6], exp1, 1, true, 16), theory);
  });

  it('M/D/1, two classes (0.3, 0.5)', () => {
    expectClasses(priorityWaits([0.3, 0.5], det1, 1, true, 17), preemptiveResume(classesOf([0.3, 0.5], 0)));
  });

  for (const [rates, c] of [
    [[0.4, 1.2], 2],
    [[1, 1, 2], 5],
  ] as [number[], number][]) {
    it(`M/M/${c} with one service rate, classes (${rates.join(', ')})`, () => {
      expectClasses(priorityWaits(rates, exp1, c, true, 18), preemptiveResumeMultiServer(rates, 1, c));
    });
  }
});

describe("Kleinrock's conservation law", () => {
  it('the rho-weighted wait of a non-preemptive priority order equals that of fifo', () => {
    const classes = [
      { rate: 0.05, service: new Exponential(5) },
      { rate: 0.05, service: new Exponential(10) },
    ];
    const weighted = (r: QueueResult) => [0.25 * r.waits[0].mean + 0.5 * r.waits[1].mean];
    const base = { classes, servers: 1, customers: 200_000, warmupCustomers: 2_000, seed: 19 } as const;
    const [prio] = replicate({ ...base, discipline: 'priority' }, weighted);
    const [fifo] = replicate({ ...base, discipline: 'fifo' }, weighted);
    const theory = conservationLaw([
      { rate: 0.05, meanService: 5, scv: 1 },
      { rate: 0.05, meanService: 10, scv: 1 },
    ]);
    expect(theory).toBeCloseTo(18.75, 10);
    expectCovers(prio, theory, 'priority order');
    expectCovers(fifo, theory, 'fifo order');
  });
});

describe("Little's law on the monitors", () => {
  it('the area under the number in system equals the sum of the sojourns (exactly, on one path)', () => {
    const r = new QueueModel({
      classes: [{ rate: 1.6, service: exp1 }],
      servers: 2,
      discipline: 'fifo',
      customers: 50_000,
      seed: 20,
    }).run();
    const sojournSum = r.sojourns[0].sum;
    const waitSum = r.waitAll.sum;
    expect(r.inSystem.integral(r.endTime) / sojournSum).toBeCloseTo(1, 9);
    expect(r.queueLength.integral(r.endTime) / waitSum).toBeCloseTo(1, 9);
    // And L = lambda W with the observed arrival rate.
    const lambdaHat = r.served / r.endTime;
    expect(r.inSystem.mean(r.endTime)).toBeCloseTo(lambdaHat * r.sojourns[0].mean, 6);
  });
});

describe('a capacity roster', () => {
  // Weekdays 08:00-18:00 five servers, otherwise one; minutes as the time unit.
  const pieces = [0, 1, 2, 3, 4].flatMap((d) => [
    { start: d * DAY, end: d * DAY + 8 * HOUR, value: 1 },
    { start: d * DAY + 8 * HOUR, end: d * DAY + 18 * HOUR, value: 5 },
    { start: d * DAY + 18 * HOUR, end: (d + 1) * DAY, value: 1 },
  ]);
  pieces.push({ start: 5 * DAY, end: 7 * DAY, value: 1 });
  const overloaded = (shiftEnd: 'finish' | 'handover') =>
    new QueueModel({
      classes: [{ rate: 0.6, service: new Exponential(10) }], // 6 servers' worth of work: more than the roster ever has
      servers: new CapacityCalendar(pieces),
      discipline: 'fifo',
      customers: 20_000,
      shiftEnd,
      periodWidth: HOUR,
      seed: 21,
    }).run();

  it('with hand-back, the work done equals the integral of capacity while the queue is never empty', () => {
    const r = overloaded('handover');
    const busy = r.pool.busyLevel.periods as NonNullable<typeof r.pool.busyLevel.periods>;
    const cap = r.pool.capacityLevel.periods as NonNullable<typeof r.pool.capacityLevel.periods>;
    // From hour 24 until hour 200 the queue holds thousands of studies.
    for (let h = 24; h < 200; h++) expect(busy.get(h)).toBeCloseTo(cap.get(h), 6);
    expect(r.pool.overtimeLevel.integral(r.endTime)).toBe(0);
  });

  it('with finish, every server on shift works all shift, and leaving servers add overtime on top', () => {
    const r = overloaded('finish');
    const busy = r.pool.busyLevel.periods as NonNullable<typeof r.pool.busyLevel.periods>;
    const cap = r.pool.capacityLevel.periods as NonNullable<typeof r.pool.capacityLevel.periods>;
    const over = r.pool.overtimeLevel.periods as NonNullable<typeof r.pool.overtimeLevel.periods>;
    let overtime = 0;
    for (let h = 24; h < 200; h++) {
      // Incoming servers start at once, whatever the leaving ones still do.
      expect(busy.get(h)).toBeCloseTo(cap.get(h), 6);
      overtime += over.get(h);
    }
    // Every shift change (08:00, 18:00, midnight) sends the leaving servers, all busy, home
    // finishing the job in hand: exponential, so 10 min left on average (sd 10). From hour 24
    // to 200: Tue-Fri 4 x (1 + 5 + 1) leave, then Monday 00:00, 08:00, 18:00 and Tuesday 00:00
    // 1 + 1 + 5 + 1: 36 servers, 360 server-minutes expected, sd 60.
    expectWithinSe(overtime, 360, 60, { what: 'overtime (server-minutes)' });
  });
});
