import { DAY, type DistributionSpec, WEEK } from '../engine/index.js';
import type { DepartmentConfig, ExternalProviderConfig, StreamFindingConfig, ToolConfig } from '../model/department-config.js';
import { rosterPieces } from '../model/roster.js';
import { weeklyPattern } from '../model/weekly-patterns.js';
import { applyArm } from './apply-arm.js';
import type { ResolvedReaderGroup, ResolvedScenario } from './resolve.js';
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

/** Hours of the week (days, from, to) as pieces [from, to) in minutes from Monday 00:00, split at the week's end. */
export function weekPieces(hours: { days: string; from: string; to: string }[]): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (const h of hours) {
    const from = parseClock(h.from);
    const to = parseClock(h.to);
    const length = to > from ? to - from : to + DAY - from;
    for (const d of parseDays(h.days)) {
      const start = d * DAY + from;
      const end = start + length;
      if (end <= WEEK) out.push({ from: start, to: end });
      else out.push({ from: start, to: WEEK }, { from: 0, to: end - WEEK });
    }
  }
  return out;
}

/** An external reader group as the model's provider; `streamNames` and `streamPriorities` in order. */
export function toExternalProvider(
  g: ResolvedReaderGroup,
  streams: { name: string; priority: string }[],
): ExternalProviderConfig {
  const x = g.external;
  if (!x) throw new Error(`reader group ${g.name} is not external`);
  const byStream = x.streams !== undefined;
  const byPriority = x.priorities !== undefined;
  return {
    name: g.name,
    eligible: streams.map(
      (s) =>
        (!byStream && !byPriority) ||
        (byStream && (x.streams as string[]).includes(s.name)) ||
        (byPriority && (x.priorities as string[]).includes(s.priority)),
    ),
    turnaround: toDistribution(x.turnaround),
    costPerStudy: x.costPerStudy ?? 0,
    when: x.when ?? 'always',
    hours: weekPieces(x.hours ?? []),
    share: x.share === undefined ? 1 : parseShare(x.share),
    after: x.after === undefined ? 0 : parseDuration(x.after),
    backlogAbove: x.backlogAbove ?? 0,
    weeklyCap: x.weeklyCap ?? Number.POSITIVE_INFINITY,
  };
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
    readTimeGrowth: parseGrowth(s.readTime.growth ?? 0),
    images: s.images
      ? {
          perStudy: s.images.perStudy,
          growth: parseGrowth(s.images.growth ?? 0),
          fixed: parseDuration(s.images.fixed),
          perImage: parseDuration(s.images.perImage),
        }
      : null,
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
  const readers = r.readers
    .filter((g) => !g.external)
    .map((g) => ({
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
  return {
    horizon: parseDuration(r.horizon),
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
    external: r.readers.filter((g) => g.external).map((g) => toExternalProvider(g, r.streams)),
  };
}
