import { CapacityCalendar, YEAR } from '../engine/index.js';
import type { DepartmentConfig } from '../model/department-config.js';
import { outsourcedShare } from '../model/external-provider.js';
import { expectedReading } from '../model/study-stream.js';
import { WorkPerStudy } from '../model/work-per-study.js';
import { describeArm } from '../scenario/describe-arm.js';
import type { LoadedScenario } from '../scenario/scenario-text.js';
import { cobhamMultiServer, erlangC, yearsBoughtByReadTimeCut } from './queueing-formulas.js';

/**
 * The analytic companion (`readsim explain`): what queueing theory and simple arithmetic say
 * about a scenario before (or beside) the simulation. Offered load and reading capacity per
 * year, utilisation, the year demand passes capacity, what each arm and tool buys, stationary
 * wait estimates, and the fluid backlog after the crossing. Each figure states its formula.
 */

/** Mean (minutes) and second moment (minutes squared) of one human read of a stream's study, over all its reads, AI assistance included. */
interface ReadMoments {
  mean: number;
  second: number;
}

export interface StreamLoad {
  name: string;
  /** Studies a year at time 0, and yearly growth. */
  studiesPerYear: number;
  growth: number;
  /** Expected human reads per study (double reading, autonomous AI). */
  readsPerStudy: number;
  /** Expected human reading minutes per study. */
  minutesPerStudy: number;
  /** Share of studies an autonomous tool reports alone. */
  clearedShare: number;
  /** Growth of the reading work per study over the first year (readTime.growth and images). */
  workGrowth: number;
  /** Images per study at the start (null when the stream does not model images). */
  imagesPerStudy: number | null;
  /** Share of the stream's studies sent to external providers on arrival (always / hours policies). */
  outsourcedShare: number;
}

/** The year demand passes capacity with each growth alone and with both (issue 16). */
export interface CrossingByGrowth {
  /** Study counts grow, work per study stays as at the start. */
  studiesOnly: number | null;
  /** Work per study grows, study counts stay as at the start. */
  workOnly: number | null;
  both: number | null;
  /** How the figures were found (closed form or numerically). */
  method: string;
}

export interface YearFigures {
  year: number;
  studies: number;
  /** Reading hours the year's studies need (offered load). */
  loadHours: number;
  /** Reading hours the roster provides (rostered hours x efficiency). */
  capacityHours: number;
  rosteredHours: number;
  /** load / capacity: above 1 the backlog grows. */
  rho: number;
  /** reading / rostered time, as the simulation reports it (min(rho, 1) x efficiency). */
  utilisation: number;
  /** Stationary M/G/c estimate of the mean wait (minutes), when rho < 0.98. */
  waitEstimate: number | null;
  /** Cobham multi-server estimate per priority (minutes). */
  waitByPriority: Record<string, number> | null;
  /** Fluid estimate of the backlog at the end of the year (studies). */
  fluidBacklog: number;
}

export interface ArmExplanation {
  arm: string;
  /** What the arm changes, derived from the values it runs with. */
  changes: string;
  streams: StreamLoad[];
  /** Mean readers on duty over the week (growth at time 0), and their mean efficiency. */
  readersOn: number;
  efficiency: number;
  headcount: number;
  years: YearFigures[];
  /** Years until demand passes capacity (0: already past; null: not within 100 years). */
  crossing: number | null;
  crossingMethod: string;
  /** Years this arm buys over the first arm (null when either never crosses). */
  yearsBought: number | null;
  /** Growth of the reading load over the first year (the streams' growth, weighted by their load). */
  loadGrowth: number;
  /** The crossing with each growth alone; null when no stream's work per study grows. */
  crossingByGrowth: CrossingByGrowth | null;
  /** Notes on outsourcing in this arm (policies the formulas cannot follow). */
  outsourcingNotes: string[];
}

export interface ToolEffect {
  tool: string;
  kind: string;
  /** Years the tool alone buys over the first arm. */
  yearsBought: number | null;
  note: string;
}

export interface Explanation {
  scenario: string;
  horizonYears: number;
  arms: ArmExplanation[];
  tools: ToolEffect[];
  assumptions: string[];
}

/**
 * Per stream: reads per study, and the moments of one read's human work, as the model's reading
 * rules give them (study-stream.ts `expectedReading`: the same functions the simulation applies).
 */
function streamLoad(cfg: DepartmentConfig, s: number): { load: StreamLoad; read: ReadMoments; reads: number } {
  const st = cfg.streams[s];
  const x = expectedReading(cfg, s);
  return {
    load: {
      name: st.name,
      studiesPerYear: st.volume * YEAR,
      growth: st.growth,
      readsPerStudy: x.readsPerStudy,
      minutesPerStudy: x.workPerStudy,
      clearedShare: x.clearedShare,
      workGrowth: new WorkPerStudy(st).factorAt(YEAR) - 1,
      imagesPerStudy: st.images ? st.images.perStudy : null,
      outsourcedShare: outsourcedShare(cfg, s),
    },
    read: { mean: x.readMean, second: x.readSecondMoment },
    reads: x.readsPerStudy,
  };
}

/**
 * Expected human reads per study of stream `s` and the mean (minutes) and second moment
 * (minutes squared) of one read's human work over all reads, AI tools of the arm included: the
 * figures the offered load is built from (reads x mean = reading work per study), from the
 * model's own rules (study-stream.ts `expectedReading`).
 */
export function streamReadMoments(cfg: DepartmentConfig, s: number): { reads: number; mean: number; second: number } {
  const { read, reads } = streamLoad(cfg, s);
  return { reads, mean: read.mean, second: read.second };
}

/** Reading capacity (reading minutes per minute) and readers on at time t. */
function capacityAt(cfg: DepartmentConfig, calendars: CapacityCalendar[], t: number): { reading: number; on: number } {
  let reading = 0;
  let on = 0;
  cfg.readers.forEach((g, i) => {
    const n = calendars[i].weeklyMean() * calendars[i].growthFactor(t);
    on += n;
    reading += n * g.efficiency;
  });
  return { reading, on };
}

/** Which growths apply: study counts, work per study (both by default). */
interface Growths {
  studies: boolean;
  work: boolean;
}
const BOTH: Growths = { studies: true, work: true };

/**
 * Offered load on the department's readers (reading minutes per minute) and arrivals per
 * minute at time t: arrivals x (1 - outsourced share) x minutes per study x the growth of the
 * work per study (WorkPerStudy: readTime.growth and images).
 */
function loadAt(
  cfg: DepartmentConfig,
  loads: StreamLoad[],
  t: number,
  growths: Growths = BOTH,
  works: WorkPerStudy[] = cfg.streams.map((st) => new WorkPerStudy(st)),
): { load: number; rate: number } {
  let load = 0;
  let rate = 0;
  cfg.streams.forEach((st, s) => {
    const r = st.volume * (growths.studies ? (1 + st.growth) ** (t / YEAR) : 1);
    rate += r;
    load += r * (1 - loads[s].outsourcedShare) * loads[s].minutesPerStudy * (growths.work ? works[s].factorAt(t) : 1);
  });
  return { load, rate };
}

/** First t (years) where ratio(t) >= 1, by bisection on [0, 100] (null if none). */
function firstCrossing(ratio: (t: number) => number): number | null {
  if (ratio(0) >= 1) return 0;
  let lo = 0;
  let hi = 100;
  if (ratio(hi * YEAR) < 1) return null;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (ratio(mid * YEAR) < 1) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function explainArm(loaded: LoadedScenario, arm: number, horizonYears: number): ArmExplanation {
  const cfg = loaded.departments[arm];
  const calendars = cfg.readers.map((g) => new CapacityCalendar(g.roster, g.growth));
  const per = cfg.streams.map((_, s) => streamLoad(cfg, s));
  const loads = per.map((p) => p.load);
  const works = cfg.streams.map((st) => new WorkPerStudy(st));
  const ratioWith = (growths: Growths) => (t: number) =>
    loadAt(cfg, loads, t, growths, works).load / capacityAt(cfg, calendars, t).reading;
  const ratio = ratioWith(BOTH);

  // Crossing: closed form when every stream grows alike (studies and work per study, no images)
  // and every group alike; else bisection.
  const workGrows = works.some((w) => w.grows);
  const noImages = cfg.streams.every((st) => !st.images);
  const gs = new Set(cfg.streams.map((s) => (1 + s.growth) * (noImages ? 1 + (s.readTimeGrowth ?? 0) : 1) - 1));
  const hs = new Set(cfg.readers.map((g) => g.growth));
  let crossing: number | null;
  let crossingMethod: string;
  const rho0 = ratio(0);
  if (rho0 >= 1) {
    crossing = 0;
    crossingMethod = `demand is already above capacity at the start (load / capacity = ${rho0.toFixed(2)})`;
  } else if (gs.size === 1 && hs.size === 1 && noImages) {
    const g = [...gs][0];
    const h = [...hs][0];
    const net = Math.log1p(g) - Math.log1p(h);
    crossing = net > 0 ? Math.log(1 / rho0) / net : null;
    crossingMethod =
      h === 0
        ? `ln(1/rho0) / ln(1+g) = ln(1/${rho0.toFixed(3)}) / ln(1+${g})`
        : `ln(1/rho0) / (ln(1+g) - ln(1+h)) with demand growth g = ${g} and headcount growth h = ${h}`;
  } else {
    crossingMethod = 'found numerically: the streams or groups grow at different rates';
    crossing = firstCrossing(ratio);
  }
  if (gs.size === 1 && hs.size === 1 && noImages && rho0 < 1 && workGrows) {
    const w = cfg.streams[0].readTimeGrowth ?? 0;
    const g = cfg.streams[0].growth;
    crossingMethod = `ln(1/rho0) / (ln(1+g) + ln(1+w)${[...hs][0] === 0 ? '' : ' - ln(1+h)'}) with study growth g = ${g} and work-per-study growth w = ${w}: the two growths multiply`;
  }
  let crossingByGrowth: CrossingByGrowth | null = null;
  if (workGrows) {
    const h = [...hs][0];
    const closed = hs.size === 1 && noImages && rho0 < 1;
    const gSet = new Set(cfg.streams.map((st) => st.growth));
    const wSet = new Set(cfg.streams.map((st) => st.readTimeGrowth ?? 0));
    const closedTime = (rate: number) => {
      const net = Math.log1p(rate) - Math.log1p(h);
      return net > 0 ? Math.log(1 / rho0) / net : null;
    };
    crossingByGrowth = {
      studiesOnly:
        closed && gSet.size === 1 ? closedTime([...gSet][0]) : firstCrossing(ratioWith({ studies: true, work: false })),
      workOnly: closed && wSet.size === 1 ? closedTime([...wSet][0]) : firstCrossing(ratioWith({ studies: false, work: true })),
      both: crossing,
      method:
        closed && gSet.size === 1 && wSet.size === 1
          ? 'ln(1/rho0) / ln(1+r) with r = the study growth, the work-per-study growth, and (1+g)(1+w) - 1 for both'
          : 'found numerically (the streams grow at different rates or model images)',
    };
  }
  const outsourcingNotes: string[] = [];
  for (const x of cfg.external ?? []) {
    if (x.when === 'never') continue;
    if (x.when === 'waited' || x.when === 'backlog')
      outsourcingNotes.push(
        `${x.name} (${x.when === 'waited' ? `studies unread after ${x.after >= 1440 ? `${+(x.after / 1440).toFixed(2)} days` : `${+x.after.toFixed(1)} min`}` : `arrivals while more than ${x.backlogAbove} studies are unreported`}): the share it takes depends on the queue, so the load here leaves it out; the simulation shows it`,
      );
    else if (Number.isFinite(x.weeklyCap))
      outsourcingNotes.push(
        `${x.name}: its weekly cap of ${x.weeklyCap} studies is left out here; the load counts its full share`,
      );
  }

  // Year by year, integrating daily.
  const years: YearFigures[] = [];
  const step = YEAR / 365;
  let backlog = cfg.streams.reduce((s, st) => s + st.backlog, 0);
  const lastYear = Math.max(1, Math.ceil(horizonYears - 1e-9));
  const weightedScv = () => {
    // Reads as jobs: the squared cv of one read's wall time across streams (time 0 mix).
    let rate = 0;
    let m1 = 0;
    let m2 = 0;
    cfg.streams.forEach((st, s) => {
      const r = st.volume * per[s].reads;
      rate += r;
      m1 += r * per[s].read.mean;
      m2 += r * per[s].read.second;
    });
    const mean = m1 / rate;
    return { scv: m2 / rate / (mean * mean) - 1, readRate: rate };
  };
  const { scv } = weightedScv();
  for (let y = 0; y < lastYear; y++) {
    let studies = 0;
    let load = 0;
    let capacity = 0;
    let rostered = 0;
    for (let t = y * YEAR; t < (y + 1) * YEAR - 1e-6; t += step) {
      const mid = t + step / 2;
      const a = loadAt(cfg, loads, mid, BOTH, works);
      const c = capacityAt(cfg, calendars, mid);
      studies += a.rate * step;
      load += a.load * step;
      capacity += c.reading * step;
      rostered += c.on * step;
      // Fluid backlog: what arrives beyond what can be read piles up; a backlog drains at the spare rate.
      const perStudy = a.rate > 0 ? a.load / a.rate : 1;
      backlog = Math.max(0, backlog + ((a.load - c.reading) / perStudy) * step);
    }
    const rho = load / capacity;
    const eff = capacity / rostered;
    let waitEstimate: number | null = null;
    let waitByPriority: Record<string, number> | null = null;
    if (rho < 0.98) {
      const mid = (y + 0.5) * YEAR;
      const a = loadAt(cfg, loads, mid);
      const c = capacityAt(cfg, calendars, mid);
      // Each read is a job. Servers: the readers on duty (weekly average) rounded to whole
      // readers, their speed scaled so that the utilisation is exactly load / capacity.
      const readRate = cfg.streams.reduce(
        (s, st, i) => s + st.volume * (1 + st.growth) ** (mid / YEAR) * (1 - loads[i].outsourcedShare) * per[i].reads,
        0,
      );
      const servers = Math.max(1, Math.round(c.on));
      const rhoNow = a.load / c.reading;
      const mu = readRate / (servers * rhoNow);
      const allenCunneen = (1 + scv) / 2;
      waitEstimate = erlangC(readRate, mu, servers).wait * allenCunneen;
      if (cfg.worklist.order === 'priority' && cfg.priorities.length > 1) {
        const rates = cfg.priorities.map((_, p) =>
          cfg.streams.reduce(
            (s, st, i) =>
              s +
              (st.priority === p
                ? st.volume * (1 + st.growth) ** (mid / YEAR) * (1 - loads[i].outsourcedShare) * per[i].reads
                : 0),
            0,
          ),
        );
        const w = cobhamMultiServer(rates, mu, servers);
        waitByPriority = Object.fromEntries(cfg.priorities.map((p, i) => [p.name, w[i] * allenCunneen]));
      }
    }
    years.push({
      year: y + 1,
      studies,
      loadHours: load / 60,
      capacityHours: capacity / 60,
      rosteredHours: rostered / 60,
      rho,
      utilisation: Math.min(rho, 1) * eff,
      waitEstimate,
      waitByPriority,
      fluidBacklog: backlog,
    });
  }
  const c0 = capacityAt(cfg, calendars, 0);
  return {
    arm: loaded.resolved.arms[arm].name,
    changes: describeArm(loaded.resolved, arm),
    streams: loads,
    readersOn: c0.on,
    efficiency: c0.reading / c0.on,
    headcount: cfg.readers.reduce((s, g) => s + g.count, 0),
    years,
    crossing,
    crossingMethod,
    yearsBought: null,
    loadGrowth: loadAt(cfg, loads, YEAR).load / loadAt(cfg, loads, 0).load - 1,
    crossingByGrowth,
    outsourcingNotes,
  };
}

/** The explanation of every arm, and of each AI tool on its own against the first arm. */
export function explainScenario(loaded: LoadedScenario): Explanation {
  const horizonYears = loaded.departments[0].horizon / YEAR;
  const arms = loaded.departments.map((_, a) => explainArm(loaded, a, horizonYears));
  const base = arms[0];
  for (const a of arms.slice(1))
    a.yearsBought = base.crossing !== null && a.crossing !== null ? a.crossing - base.crossing : null;
  const growth = base.loadGrowth;
  const tools: ToolEffect[] = loaded.departments[0].tools.map((t, i) => {
    if (t.kind === 'triage') {
      return {
        tool: t.name,
        kind: t.kind,
        yearsBought: 0,
        note: 'triage buys no reading capacity (conservation law): it moves waiting from the flagged studies to the others',
      };
    }
    // The first arm with this tool alone switched on.
    const alone: LoadedScenario = {
      ...loaded,
      departments: [{ ...loaded.departments[0], active: loaded.departments[0].active.map((_, j) => j === i) }],
      resolved: { ...loaded.resolved, arms: [{ name: `${t.name} alone`, ai: [t.name] }] },
    };
    const e = explainArm(alone, 0, horizonYears);
    const bought = base.crossing !== null && e.crossing !== null ? e.crossing - base.crossing : null;
    let note: string;
    if (
      t.kind === 'assist' &&
      t.factorFlagged === t.factorUnflagged &&
      t.extraTimePerFlag === 0 &&
      t.streams.length === loaded.departments[0].streams.length
    ) {
      const cut = 1 - t.factorUnflagged;
      note = `a read-time change of ${(-cut * 100).toFixed(0)}% on every stream buys -ln(1-s)/ln(1+g) = ${yearsBoughtByReadTimeCut(cut, growth).toFixed(2)} years at the load's growth g = ${(growth * 100).toFixed(1)}%/y`;
    } else if (t.kind === 'assist') {
      note = 'changes the reading time of the studies on its streams only; the years follow from the new load';
    } else if (t.kind === 'second-reader') {
      note =
        'reads instead of one of two radiologists: it halves the human reads of double-read studies, less the arbitration reads its disagreements need';
    } else {
      note = `clears ${(t.clears * 100).toFixed(0)}% of normal studies on its streams: it frees the reading time those studies took, which for quick reads is little`;
    }
    return { tool: t.name, kind: t.kind, yearsBought: bought, note };
  });
  return {
    scenario: loaded.resolved.name,
    horizonYears,
    arms,
    tools,
    assumptions: [
      'Offered load = arrivals x expected human reads x expected reading time (with the AI tools of the arm); capacity = readers on duty (weekly average, growing with the headcount) x efficiency.',
      'The crossing is where load = capacity. Before it, the backlog stays small; after it, the fluid approximation applies: the backlog grows by (arrivals - capacity in studies) each day, ignoring randomness near the crossing. Studies are counted at the mean reading work of all arrivals; the studies actually left unread are the lowest priority ones, whose mean reading work may differ, so the count is a rough guide.',
      'Wait estimates treat the department as one M/G/c queue: c = the weekly average of readers on duty (rounded, their speed scaled to keep the load exact), reads as jobs, Allen-Cunneen (1 + cv^2)/2 for non-exponential reads, Cobham for priorities. They ignore the weekly pattern of arrivals and rosters: when nights and weekends have few readers, real waits are longer.',
      'Reader groups that read only some modalities are pooled with the others here; the simulation keeps them apart.',
    ],
  };
}
