import { DateTime } from 'luxon';
import { quantile } from 'simple-statistics';
import { CalibrationError } from './calibration-error.js';
import type { ColumnMapping } from './column-mapping.js';
import { type DataSpan, dataSpan, hourOfWeekExposure } from './data-span.js';
import { type ExportOptions, type ExportStudies, type ExportStudy, readStudies } from './export-studies.js';
import type { ExportTable } from './export-table.js';
import type { PriorityLevel } from './priority-mapping.js';
import { defaultReadTime, fitReadTimes, MIN_READS, type ReadTimeFit, readCapMinutes } from './read-time-fit.js';
import { fitRoster, type RosterFit, rosterFromLoad } from './roster-fit.js';
import { fitVolume, type VolumeFit } from './volume-fit.js';
import { fitPattern, type PatternFit } from './weekly-pattern-fit.js';

export interface CalibrateOptions extends ExportOptions {
  /** Streams with fewer studies are merged (per priority) into an "other" stream. Default 100. */
  minStream?: number;
  /** Outlier rule for reading times (minutes), for every modality. Default: Cowan 2013's caps per modality (readCapMinutes). */
  maxReadMin?: number;
}

/** A fitted stream: what the scenario's `streams:` entry is written from. */
export interface CalibratedStream {
  name: string;
  modality: string;
  priority: number;
  /** Modalities merged into it (small streams), else just its own. */
  merged: string[];
  n: number;
  volume: VolumeFit;
  pattern: PatternFit;
  readTime: { fit: ReadTimeFit | null; mean: number; cv: number; dist: 'lognormal' | 'gamma'; source: string };
  /** Reading times set aside by the outlier rule (of those with a start and a report time). */
  readTimesOutliers: number;
  /** Studies unreported at the end of the data. */
  backlog: number;
}

/** Observed turnaround of one priority (minutes), for the printout and the scenario's comments. */
export interface ObservedTurnaround {
  priority: string;
  n: number;
  p50: number;
  p90: number;
  withinTarget: number | null;
}

export interface Calibration {
  data: ExportStudies;
  span: DataSpan;
  levels: PriorityLevel[];
  streams: CalibratedStream[];
  roster: RosterFit;
  turnaround: ObservedTurnaround[];
  /** The scenario's start: the Monday after the data end (local date). */
  start: string;
  firstDate: string;
  lastDate: string;
  zone: string;
  /** The outlier rule as text, for comments. */
  readCap: string;
  notes: string[];
  mappingLines: string[];
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'stream'
  );
}

/** Turnaround target of a scenario duration text (`1h`, `28d`), minutes. */
function targetMinutes(t: string | null): number | null {
  if (!t) return null;
  const m = /^(\d+(?:\.\d+)?)\s*([mhdw])$/.exec(t.trim());
  if (!m) return null;
  return Number(m[1]) * { m: 1, h: 60, d: 1440, w: 10080 }[m[2] as 'm' | 'h' | 'd' | 'w'];
}

/**
 * Calibrates a scenario from an export: reads the rows (every row accounted for), forms the
 * streams (modality x priority; streams with fewer than `minStream` studies merged per
 * priority into "other"), fits each stream's pattern, volume, growth and reading time, and the
 * roster and efficiency. Throws a CalibrationError when no row is usable.
 */
export function calibrate(table: ExportTable, mapping: ColumnMapping, options: CalibrateOptions): Calibration {
  const minStream = options.minStream ?? 100;
  const capOf = (modality: string) => options.maxReadMin ?? readCapMinutes(modality);
  const data = readStudies(table, mapping, options);
  const notes = [...data.notes];
  const studies = data.studies;
  if (studies.length === 0) {
    const why = data.accounting.excluded.map((e) => `${e.count} ${e.reason}`).join('; ');
    throw new CalibrationError(table.file, `no usable row among ${data.accounting.read} (${why || 'no data rows'})`);
  }
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const s of studies) {
    if (s.requested < first) first = s.requested;
    if (s.requested > last) last = s.requested;
  }
  const span = dataSpan(first, last, options.zone);
  if (last - first < 28 * 86_400_000)
    notes.push('the export covers less than 4 weeks: volumes, patterns and the roster are rough; a year is better');
  const exposure = hourOfWeekExposure(span);
  const levels = data.levels;

  // Streams: modality x priority, small ones merged per priority.
  const cells = new Map<string, ExportStudy[]>();
  for (const s of studies) {
    const key = `${s.modality}\u0000${s.priority}`;
    const list = cells.get(key);
    if (list) list.push(s);
    else cells.set(key, [s]);
  }
  const groups = new Map<string, { modality: string; priority: number; merged: string[]; studies: ExportStudy[] }>();
  for (const [key, list] of [...cells].sort((a, b) => b[1].length - a[1].length)) {
    const [modality, p] = key.split('\u0000');
    const priority = Number(p);
    const small = list.length < minStream;
    const gkey = small ? `OTHER\u0000${priority}` : key;
    const g = groups.get(gkey) ?? { modality: small ? 'OTHER' : modality, priority, merged: [], studies: [] };
    g.merged.push(modality);
    g.studies.push(...list);
    groups.set(gkey, g);
  }
  for (const g of groups.values()) {
    // A lone small stream keeps its modality: there is nothing to merge it with.
    if (g.modality === 'OTHER' && g.merged.length === 1) g.modality = g.merged[0];
    else if (g.modality === 'OTHER')
      notes.push(
        `${g.merged.join(', ')} (${levels[g.priority].name}): fewer than ${minStream} studies each, merged into one stream "other-${levels[g.priority].name}"`,
      );
  }

  // Pooled hour-of-week counts, per priority and overall, for smoothing small streams.
  const countsOf = (list: readonly ExportStudy[]) => {
    const c = new Array<number>(168).fill(0);
    for (const s of list) c[s.hourOfWeek]++;
    return c;
  };
  const all = countsOf(studies);
  const pooledByPriority = levels.map((_, p) => countsOf(studies.filter((s) => s.priority === p)));
  const rateOf = (c: number[]) => c.map((x, h) => (exposure[h] > 0 ? x / exposure[h] : 0));

  // Reading times (minutes) with the outlier rule.
  const durationOf = (s: ExportStudy) =>
    s.reportStart !== null && s.reported !== null ? (s.reported - s.reportStart) / 60000 : Number.NaN;
  const valid = (s: ExportStudy) => {
    const d = durationOf(s);
    return d > 0 && d <= capOf(s.modality);
  };
  const pool = (list: readonly ExportStudy[]) => list.filter(valid).map(durationOf);

  const streams: CalibratedStream[] = [];
  for (const g of [...groups.values()].sort((a, b) => a.priority - b.priority || b.studies.length - a.studies.length)) {
    const counts = countsOf(g.studies);
    const pc = pooledByPriority[g.priority];
    const pooled = pc.reduce((a, b) => a + b, 0) >= 3360 ? pc : all;
    const pattern = fitPattern(counts, exposure, rateOf(pooled));
    const volume = fitVolume(
      g.studies.map((s) => s.requested),
      span,
      pattern.weights,
    );
    const durations = g.studies.filter((s) => !Number.isNaN(durationOf(s)));
    const own = pool(durations);
    let readTime: CalibratedStream['readTime'];
    const fromFit = (f: ReadTimeFit, source: string) => ({ fit: f, mean: f.mean, cv: f.cv, dist: f.dist, source });
    if (own.length >= MIN_READS) {
      readTime = fromFit(fitReadTimes(own), `fitted to ${own.length} reads of this stream`);
    } else {
      const byModality = pool(studies.filter((s) => g.merged.includes(s.modality)));
      const everyone = pool(studies);
      if (byModality.length >= MIN_READS)
        readTime = fromFit(
          fitReadTimes(byModality),
          `fitted to ${byModality.length} reads of ${g.merged.join('/')} (all priorities): too few of this stream`,
        );
      else if (everyone.length >= MIN_READS)
        readTime = fromFit(
          fitReadTimes(everyone),
          `fitted to all ${everyone.length} reads of the export: too few of this modality`,
        );
      else {
        const d = defaultReadTime(g.modality);
        readTime = {
          fit: null,
          mean: d.mean,
          cv: d.cv,
          dist: 'lognormal',
          source: `${d.source} (the export has no usable report-start times)`,
        };
      }
    }
    const name = `${slug(g.modality === 'OTHER' ? 'other' : g.modality)}-${slug(levels[g.priority].name)}`;
    streams.push({
      name,
      modality: g.modality,
      priority: g.priority,
      merged: g.merged,
      n: g.studies.length,
      volume,
      pattern,
      readTime,
      readTimesOutliers: durations.length - own.length,
      backlog: g.studies.filter((s) => s.reported === null).length,
    });
  }

  // Roster.
  let roster = fitRoster(studies, span, capOf);
  if (!roster) {
    const load = new Array<number>(168).fill(0);
    for (const s of streams) {
      for (let h = 0; h < 168; h++) load[h] += ((s.volume.perDay / 1440) * s.pattern.weights[h] * s.readTime.mean) as number;
    }
    roster = rosterFromLoad(load);
    notes.push('no reader column: the roster is sized from the offered load (an assumption); map a reader column to measure it');
  }

  // Observed turnaround per priority.
  const turnaround = levels.map((l, p) => {
    const tats = studies
      .filter((s) => s.priority === p && s.reported !== null)
      .map((s) => ((s.reported as number) - s.requested) / 60000);
    const target = targetMinutes(l.target);
    return {
      priority: l.name,
      n: tats.length,
      p50: tats.length ? quantile(tats, 0.5) : Number.NaN,
      p90: tats.length ? quantile(tats, 0.9) : Number.NaN,
      withinTarget: target === null || !tats.length ? null : tats.filter((t) => t <= target).length / tats.length,
    };
  });

  const lastLocal = DateTime.fromMillis(last, { zone: options.zone }).startOf('day');
  const start = lastLocal.plus({ days: 8 - lastLocal.weekday }).toFormat('yyyy-MM-dd');
  return {
    data,
    span,
    levels,
    streams,
    roster,
    turnaround,
    start,
    firstDate: DateTime.fromMillis(first, { zone: options.zone }).toFormat('yyyy-MM-dd'),
    lastDate: lastLocal.toFormat('yyyy-MM-dd'),
    zone: options.zone,
    readCap:
      options.maxReadMin !== undefined
        ? `over ${options.maxReadMin} min (--max-read)`
        : 'over 10 min for XR, 30 for US, 60 for CT, MR and others (Cowan 2013)',
    notes,
    mappingLines: mapping.lines,
  };
}
