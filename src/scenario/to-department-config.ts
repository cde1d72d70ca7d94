import { DAY, type DistributionSpec } from '../engine/index.js';
import type { DepartmentConfig, StreamFindingConfig, ToolConfig } from '../model/department-config.js';
import { rosterPieces } from '../model/roster.js';
import { weeklyPattern } from '../model/weekly-patterns.js';
import { applyArm } from './apply-arm.js';
import type { ResolvedScenario } from './resolve.js';
import type { ReadTimeInput } from './schema.js';
import { PERIODS, parseClock, parseDays, parseDuration, parseGrowth, parseRate, parseShare } from './units.js';

/** A read-time distribution in model units (minutes). */
export function toDistribution(d: ReadTimeInput): DistributionSpec {
  switch (d.dist) {
    case 'exponential':
    case 'deterministic':
      return { dist: d.dist, mean: parseDuration(d.mean) };
    case 'lognormal':
    case 'gamma':
    case 'loglogistic':
      return { dist: d.dist, mean: parseDuration(d.mean), cv: d.cv };
    case 'triangular':
      return { dist: 'triangular', min: parseDuration(d.min), mode: parseDuration(d.mode), max: parseDuration(d.max) };
    case 'uniform':
      return { dist: 'uniform', min: parseDuration(d.min), max: parseDuration(d.max) };
    case 'empirical':
      return { dist: 'empirical', values: d.values.map(parseDuration) };
  }
}

/** Roster lines as calendar pieces (minutes of the week); overlaps are reported by the checks. */
export function rosterOf(roster: ResolvedScenario['readers'][number]['roster']) {
  return rosterPieces(
    roster.map((s) => {
      const from = parseClock(s.from);
      const to = parseClock(s.to);
      return { days: parseDays(s.days), from, length: to > from ? to - from : to + DAY - from, on: s.on };
    }),
  );
}

/** Minutes before escalation, one per priority (0 = never). */
export function escalationTimes(r: ResolvedScenario): number[] {
  const e = r.worklist.escalateAfter;
  if (e === undefined) return r.priorities.map(() => 0);
  if (typeof e !== 'object') return r.priorities.map(() => parseDuration(e));
  return r.priorities.map((p) => (e[p.name] === undefined ? 0 : parseDuration(e[p.name])));
}

/** The department one arm of a resolved scenario describes, in model units. */
export function toDepartmentConfig(resolved: ResolvedScenario, armIndex: number): DepartmentConfig {
  const r = applyArm(resolved, armIndex);
  const priorities = r.priorities.map((p) => ({ name: p.name, target: p.target === undefined ? null : parseDuration(p.target) }));
  const findings: string[] = [];
  for (const s of r.streams) for (const f of Object.keys(s.findings)) if (!findings.includes(f)) findings.push(f);
  const streamIndex = new Map(r.streams.map((s, i) => [s.name, i]));
  const streams = r.streams.map((s) => ({
    name: s.name,
    modality: s.modality,
    priority: r.priorities.findIndex((p) => p.name === s.priority),
    volume: parseRate(s.volume),
    growth: parseGrowth(s.growth),
    pattern: typeof s.pattern === 'string' ? weeklyPattern(s.pattern) : s.pattern,
    readTime: toDistribution(s.readTime),
    reads: s.reads,
    findings: Object.entries(s.findings).map(([name, f]): StreamFindingConfig => {
      const long = typeof f === 'object';
      return {
        finding: findings.indexOf(name),
        prevalence: parseShare(long ? f.prevalence : f),
        readTime: long && f.readTime ? toDistribution(f.readTime) : null,
        humanSensitivity: long && f.humanSensitivity !== undefined ? parseShare(f.humanSensitivity) : 1,
      };
    }),
    backlog: s.backlog,
    humanFalsePositive: parseShare(s.humanFalsePositive),
    arbitration: s.arbitration,
    readerAgreement: parseShare(s.readerAgreement),
  }));
  const readers = r.readers.map((g) => ({
    name: g.name,
    count: g.count,
    modalities: g.modalities,
    roster: rosterOf(g.roster).pieces,
    efficiency: parseShare(g.efficiency),
    growth: parseGrowth(g.growth),
    shiftEnd: g.shiftEnd,
  }));
  const tools = r.ai.map((t): ToolConfig => {
    const st = t.streams.map((n) => streamIndex.get(n) as number);
    switch (t.kind) {
      case 'triage':
        return {
          kind: 'triage',
          name: t.name,
          finding: findings.indexOf(t.finding),
          streams: st,
          sensitivity: parseShare(t.sensitivity),
          specificity: parseShare(t.specificity),
          action: t.action,
        };
      case 'assist': {
        const f = t.readTimeFactor;
        return {
          kind: 'assist',
          name: t.name,
          streams: st,
          factorFlagged: typeof f === 'number' ? f : f.flagged,
          factorUnflagged: typeof f === 'number' ? f : f.unflagged,
          extraTimePerFlag: parseDuration(t.extraTimePerFlag),
        };
      }
      case 'autonomous':
        return {
          kind: 'autonomous',
          name: t.name,
          streams: st,
          clears: parseShare(t.clears),
          misses: parseShare(t.misses),
          readsLeft: t.readsLeft,
        };
      case 'second-reader':
        return {
          kind: 'second-reader',
          name: t.name,
          streams: st,
          sensitivity: parseShare(t.sensitivity),
          specificity: parseShare(t.specificity),
        };
      default:
        throw new Error(`unknown tool kind ${(t as { kind: string }).kind}`);
    }
  });
  const arm = r.arms[armIndex];
  const horizon = parseDuration(r.horizon);
  return {
    horizon,
    ...(r.start ? { years: calendarYears(r.start, horizon) } : {}),
    warmup: parseDuration(r.warmup),
    periodLength: PERIODS[r.period],
    priorities,
    findings,
    streams,
    readers,
    worklist: {
      order: r.worklist.order,
      preemption: r.worklist.preemption,
      escalateAfter: escalationTimes(r),
    },
    tools,
    active: r.ai.map((t) => arm.ai.includes(t.name)),
  };
}

/**
 * Calendar years from a start date (YYYY-MM-DD) over the horizon (minutes): the first starts at
 * time 0 (perhaps part of a year), each next one on 1 January.
 */
export function calendarYears(start: string, horizon: number): { label: string; from: number }[] {
  const t0 = Date.parse(`${start}T00:00:00Z`);
  const first = new Date(t0).getUTCFullYear();
  const years = [{ label: String(first), from: 0 }];
  for (let y = first + 1; ; y++) {
    const from = (Date.UTC(y, 0, 1) - t0) / 60000;
    if (from >= horizon) break;
    years.push({ label: String(y), from });
  }
  return years;
}
