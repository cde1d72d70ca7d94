import { YEAR } from '../engine/index.js';
import { CALL_NAMES } from './ai-tools.js';
import type { DepartmentConfig } from './department-config.js';
import { hasHumanAccuracy } from './study-stream.js';

/**
 * The statistics catalogue: one declaration of every statistic a run reports, in the order
 * summary.json holds them. A path is dotted, as in summary.json; a part in angle brackets
 * stands for every name of its kind (`<priority>`: each priority's name). RunMetrics fills
 * exactly these paths; `readsim sweep --metric`, the summary tables, the chart labels and
 * docs/results.md read them from here.
 *
 * Order: consecutive entries that share their first open part (and its filter) are expanded
 * together, name by name: `tat.by_priority.<priority>.mean` and `.p50` give
 * `tat.by_priority.stat.mean`, `tat.by_priority.stat.p50`, then the next priority.
 */

/** What a value counts or measures. Times are in minutes unless the unit says otherwise. */
export type StatisticUnit =
  | 'studies'
  | 'reads'
  | 'images'
  | 'minutes'
  | 'hours'
  | 'days'
  | 'share'
  | 'ratio'
  | 'cost'
  | 'per 1,000 studies';

/**
 * When a statistic is reported (absent from summary.json otherwise):
 * - `images`: a stream models images per study;
 * - `external providers`: a reader group is an external provider (outsourcing);
 * - `initial backlog`: studies wait at time 0 (`backlog:` of a stream);
 * - `recall outcomes`: see hasRecallOutcomes;
 * - `autonomous AI`: the scenario has an autonomous AI tool;
 * - `target`: only for the priorities that have a turnaround target.
 */
export type StatisticCondition =
  | 'images'
  | 'external providers'
  | 'initial backlog'
  | 'recall outcomes'
  | 'autonomous AI'
  | 'target';

export interface StatisticEntry {
  /** Dotted path in summary.json (and replications.csv's `metric`), parts in <> standing for names. */
  readonly path: string;
  readonly unit: StatisticUnit;
  /** A short label for tables and chart axes; parts in <> are replaced by the names. */
  readonly label: string;
  readonly description: string;
  /** Absent: always reported. */
  readonly when?: StatisticCondition;
  /** Not compared between arms in `differences` (a count of the same patients' AI calls). */
  readonly notCompared?: boolean;
}

/** The kinds of name a path can stand for, with what each means. */
export const PLACEHOLDERS = {
  priority: 'a priority (`priorities[].name`)',
  stream: 'a stream (`streams[].name`)',
  finding: 'a finding named by a stream',
  tool: 'an AI tool that makes a call on each study (triage, autonomous or second reader; not assist)',
  call: 'the tool\u2019s call against the truth: `TP`, `FP`, `FN`, `TN`',
  provider: 'an external provider (a reader group with `external:`)',
  group: 'a reader group (not an external provider)',
  year: 'a year of the run that is not all warm-up (simulated years 1, 2, ... or, with `start:`, calendar years)',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

/** The four calls in words, for labels. */
export const CALL_WORDS: Record<(typeof CALL_NAMES)[number], string> = {
  TP: 'true positives',
  FP: 'false positives',
  FN: 'false negatives',
  TN: 'true negatives',
};

/**
 * What "wait" means, with and without preemption. Without preemption a study's wait is the time
 * from its arrival to the start of its first read. With preemption (`worklist.preemption:
 * resume`) it is the time in the department not being read: turnaround minus the time being
 * read, so an interruption by a more urgent study, and the time between the reads of a
 * double-read study, count as waiting. Either way, studies sent to an external provider and
 * studies an AI reported alone have no wait.
 */
export function waitDefinition(preemptive: boolean): string {
  return preemptive
    ? 'the time in the department not being read (turnaround minus the time being read: an interrupted read and the time between the reads of a double-read study count as waiting)'
    : 'the time from arrival to the start of the first read';
}

const WAIT = `Mean wait of the studies read in-house: without preemption ${waitDefinition(false)}; with preemption (\`worklist.preemption: resume\`) ${waitDefinition(true)}.`;
const TAT = 'Turnaround, arrival to report, of the studies reported (by people, an AI alone or an external provider)';
const ON_WINDOW = 'in the window after the warm-up';

export const STATISTICS = [
  {
    path: 'studies.arrived',
    unit: 'studies',
    label: 'studies arrived',
    description: `Studies that arrived ${ON_WINDOW} (the initial backlog is not arrivals).`,
  },
  {
    path: 'studies.reported',
    unit: 'studies',
    label: 'studies reported',
    description: `Studies reported by readers or an external provider ${ON_WINDOW}, whenever they arrived (those an AI reported alone are \`studies.cleared_by_ai\`).`,
  },
  {
    path: 'studies.cleared_by_ai',
    unit: 'studies',
    label: 'cleared by AI',
    description: `Studies an autonomous AI reported alone, without a human read, ${ON_WINDOW}.`,
  },
  {
    path: 'studies.backlog_start',
    unit: 'studies',
    label: 'backlog at start',
    description: 'Studies waiting to be reported at the end of the warm-up (at time 0 without one).',
  },
  {
    path: 'studies.backlog_end',
    unit: 'studies',
    label: 'backlog at end',
    description: 'Studies waiting to be reported at the end.',
  },
  {
    path: 'studies.human_reads',
    unit: 'reads',
    label: 'human reads',
    description: `Human reads completed ${ON_WINDOW} (a double-read study counts two).`,
  },
  {
    path: 'studies.images',
    unit: 'images',
    label: 'images',
    description: `Images of the studies that arrived ${ON_WINDOW}.`,
    when: 'images',
  },
  {
    path: 'outsourced.studies',
    unit: 'studies',
    label: 'studies outsourced',
    description: `Studies sent to external providers ${ON_WINDOW} (see docs/work-and-outsourcing.md).`,
    when: 'external providers',
  },
  {
    path: 'outsourced.cost',
    unit: 'cost',
    label: 'outsourcing cost',
    description: 'Cost of the studies sent out (each provider\u2019s cost per study).',
    when: 'external providers',
  },
  {
    path: 'outsourced.share',
    unit: 'ratio',
    label: 'outsourced / arrived',
    description: 'Studies sent out over studies arrived.',
    when: 'external providers',
  },
  {
    path: 'outsourced.by_provider.<provider>.studies',
    unit: 'studies',
    label: 'studies outsourced to <provider>',
    description: `Studies sent to this provider ${ON_WINDOW}.`,
    when: 'external providers',
  },
  {
    path: 'outsourced.by_provider.<provider>.cost',
    unit: 'cost',
    label: 'outsourcing cost, <provider>',
    description: 'Cost of the studies sent to this provider.',
    when: 'external providers',
  },
  { path: 'wait.all', unit: 'minutes', label: 'mean wait, all studies', description: WAIT },
  { path: 'wait.by_priority.<priority>', unit: 'minutes', label: 'mean wait <priority>', description: 'Mean wait by priority.' },
  { path: 'wait.by_stream.<stream>', unit: 'minutes', label: 'mean wait, stream <stream>', description: 'Mean wait by stream.' },
  {
    path: 'wait.by_finding.<finding>.positive',
    unit: 'minutes',
    label: 'mean wait, with <finding>',
    description: 'Mean wait of the studies (of streams that name the finding) with the finding.',
  },
  {
    path: 'wait.by_finding.<finding>.negative',
    unit: 'minutes',
    label: 'mean wait, without <finding>',
    description: 'Mean wait of those studies without the finding.',
  },
  {
    path: 'wait.by_ai_call.<tool>.<call>',
    unit: 'minutes',
    label: 'mean wait, <tool> <call>',
    description:
      'Mean wait of the studies of the tool\u2019s streams by its call against the truth (triage: flagged against its finding; autonomous: not cleared against any finding; second reader: abnormal against any finding). The calls are drawn in every arm, deployed or not, so an arm without the tool shows how the same studies fared without it.',
  },
  {
    path: 'count.by_ai_call.<tool>.<call>',
    unit: 'studies',
    label: 'studies, <tool> <call>',
    description: 'How many studies those waits are of.',
    notCompared: true,
  },
  { path: 'tat.all.mean', unit: 'minutes', label: 'mean TAT', description: `${TAT}: mean.` },
  { path: 'tat.all.p50', unit: 'minutes', label: 'median TAT', description: `${TAT}: median (within 0.5%).` },
  { path: 'tat.all.p90', unit: 'minutes', label: 'p90 TAT', description: `${TAT}: 90th percentile (within 0.5%).` },
  { path: 'tat.all.p95', unit: 'minutes', label: 'p95 TAT', description: `${TAT}: 95th percentile (within 0.5%).` },
  { path: 'tat.all.max', unit: 'minutes', label: 'longest TAT', description: `${TAT}: the longest.` },
  {
    path: 'tat.by_priority.<priority>.mean',
    unit: 'minutes',
    label: 'mean TAT <priority>',
    description: 'Turnaround by priority: mean.',
  },
  {
    path: 'tat.by_priority.<priority>.p50',
    unit: 'minutes',
    label: 'median TAT <priority>',
    description: 'Turnaround by priority: median (within 0.5%).',
  },
  {
    path: 'tat.by_priority.<priority>.p90',
    unit: 'minutes',
    label: 'p90 TAT <priority>',
    description: 'Turnaround by priority: 90th percentile (within 0.5%).',
  },
  {
    path: 'tat.by_priority.<priority>.p95',
    unit: 'minutes',
    label: 'p95 TAT <priority>',
    description: 'Turnaround by priority: 95th percentile (within 0.5%).',
  },
  {
    path: 'target_met_share.<priority>',
    unit: 'share',
    label: '<priority> within <target>',
    description:
      'Share of the priority\u2019s studies reported within its target; a study still unread at the end and already past its target counts as a miss, a younger one is left out (its outcome is unknown).',
    when: 'target',
  },
  {
    path: 'target_missed_unread.<priority>',
    unit: 'studies',
    label: '<priority> unread past <target>',
    description: 'Studies of the priority still unread at the end and already past its target (counted as misses above).',
    when: 'target',
  },
  {
    path: 'initial_backlog.reported',
    unit: 'studies',
    label: 'initial backlog reported',
    description:
      'Studies of the backlog at time 0 reported by the end (they are not arrivals, and stay out of the statistics above).',
    when: 'initial backlog',
  },
  {
    path: 'initial_backlog.tat_mean',
    unit: 'minutes',
    label: 'initial backlog: mean TAT',
    description: 'Mean time from time 0 to the report of the initial backlog\u2019s studies.',
    when: 'initial backlog',
  },
  {
    path: 'initial_backlog.tat_max',
    unit: 'minutes',
    label: 'initial backlog: longest TAT',
    description: 'The longest of those times.',
    when: 'initial backlog',
  },
  {
    path: 'initial_backlog.cleared_days',
    unit: 'days',
    label: 'initial backlog cleared after',
    description: 'Days from time 0 to the report of its last study (no value while some are still unread at the end).',
    when: 'initial backlog',
  },
  {
    path: 'utilisation',
    unit: 'share',
    label: 'rostered time spent reading',
    description: 'Share of rostered time spent reading (at most the efficiency; overtime apart).',
  },
  {
    path: 'reading_capacity_hours',
    unit: 'hours',
    label: 'reading capacity (hours)',
    description: `Rostered hours times the groups\u2019 efficiency ${ON_WINDOW}: what the roster can read.`,
  },
  {
    path: 'reading_of_capacity',
    unit: 'ratio',
    label: 'reading time / reading capacity',
    description: 'Reading time done (overtime included) over the reading capacity.',
  },
  {
    path: 'demand_of_capacity',
    unit: 'ratio',
    label: 'demand / reading capacity',
    description: 'Reading time the arrivals need over the reading capacity: above 1 the backlog grows.',
  },
  { path: 'overtime_hours', unit: 'hours', label: 'overtime hours', description: `Hours read after shift ends ${ON_WINDOW}.` },
  {
    path: 'reading_hours',
    unit: 'hours',
    label: 'human reading hours',
    description: `Hours spent reading ${ON_WINDOW}, overtime included.`,
  },
  { path: 'rostered_hours', unit: 'hours', label: 'rostered hours', description: `Rostered hours ${ON_WINDOW}.` },
  {
    path: 'utilisation_by_group.<group>',
    unit: 'share',
    label: 'rostered time spent reading, <group>',
    description: 'Utilisation by reader group.',
  },
  {
    path: 'missed_findings.<finding>',
    unit: 'studies',
    label: 'missed <finding>',
    description:
      'Reported studies with the finding that nobody recalled (an autonomous AI cleared them, or every read missed them); 0 unless readers can miss, an AI reads as second reader or an autonomous AI clears studies.',
  },
  {
    path: 'outcomes.recalled',
    unit: 'studies',
    label: 'recalled',
    description: 'Reported studies recalled (the reading\u2019s verdict was abnormal).',
    when: 'recall outcomes',
  },
  {
    path: 'outcomes.recall_rate',
    unit: 'share',
    label: 'recall rate',
    description: 'Recalled over reported.',
    when: 'recall outcomes',
  },
  {
    path: 'outcomes.false_positive_rate',
    unit: 'share',
    label: 'false-positive rate',
    description: 'Studies without a finding that were recalled, over studies without a finding.',
    when: 'recall outcomes',
  },
  {
    path: 'outcomes.detected',
    unit: 'studies',
    label: 'detected',
    description: 'Studies with a finding that were recalled.',
    when: 'recall outcomes',
  },
  {
    path: 'outcomes.detection_per_1000',
    unit: 'per 1,000 studies',
    label: 'detected per 1,000',
    description: 'Detected per 1,000 studies reported.',
    when: 'recall outcomes',
  },
  {
    path: 'outcomes.sensitivity',
    unit: 'share',
    label: 'sensitivity',
    description: 'Detected over studies with a finding.',
    when: 'recall outcomes',
  },
  {
    path: 'outcomes.ppv_of_recall',
    unit: 'share',
    label: 'PPV of recall',
    description: 'Detected over recalled.',
    when: 'recall outcomes',
  },
  {
    path: 'by_year.<year>.studies.arrived',
    unit: 'studies',
    label: 'studies arrived',
    description:
      'By year: studies that arrived in the year (the warm-up included; studies by the year they arrived in, counts and times by the periods that start in the year).',
  },
  {
    path: 'by_year.<year>.studies.reported',
    unit: 'studies',
    label: 'studies reported',
    description: 'Studies reported by readers or an external provider.',
  },
  {
    path: 'by_year.<year>.studies.cleared_by_ai',
    unit: 'studies',
    label: 'cleared by AI',
    description: 'Studies an autonomous AI reported alone.',
    when: 'autonomous AI',
  },
  {
    path: 'by_year.<year>.studies.backlog_end',
    unit: 'studies',
    label: 'backlog at year end',
    description: 'The backlog at the end of the year\u2019s last period.',
  },
  {
    path: 'by_year.<year>.demand_of_capacity',
    unit: 'ratio',
    label: 'demand / capacity',
    description: 'Reading time the year\u2019s arrivals need over the reading capacity.',
  },
  {
    path: 'by_year.<year>.reading_of_capacity',
    unit: 'ratio',
    label: 'reading / capacity',
    description: 'Reading time done over the reading capacity.',
  },
  {
    path: 'by_year.<year>.reading_of_rostered',
    unit: 'share',
    label: 'reading / rostered',
    description: 'Reading time done over rostered time.',
  },
  {
    path: 'by_year.<year>.tat.by_priority.<priority>.mean',
    unit: 'minutes',
    label: 'mean TAT <priority>',
    description: 'Mean turnaround of the priority\u2019s studies that arrived in the year and were reported.',
  },
  {
    path: 'by_year.<year>.tat.by_priority.<priority>.p90',
    unit: 'minutes',
    label: 'p90 TAT <priority>',
    description: '90th percentile of those turnarounds.',
  },
  { path: 'by_year.<year>.tat.all.mean', unit: 'minutes', label: 'mean TAT', description: 'Mean turnaround of every priority.' },
  {
    path: 'by_year.<year>.target_met_share.<priority>',
    unit: 'share',
    label: '<priority> within <target>',
    description: 'Share of the year\u2019s studies of the priority reported within target (unread misses counted as misses).',
    when: 'target',
  },
  {
    path: 'backlog_age_end.mean_days',
    unit: 'days',
    label: 'mean age of the backlog at end',
    description: 'Mean age of the studies still waiting at the end.',
  },
  {
    path: 'backlog_age_end.max_days',
    unit: 'days',
    label: 'oldest study of the backlog at end',
    description: 'Age of the oldest study still waiting at the end.',
  },
] as const satisfies readonly StatisticEntry[];

/** A path of the catalogue, as written there ("wait.by_priority.<priority>"). */
export type StatisticTemplate = (typeof STATISTICS)[number]['path'];

/** The catalogue's entries, each seen as a StatisticEntry. */
export const CATALOGUE: readonly (StatisticEntry & { path: StatisticTemplate })[] = STATISTICS;

/** The names a path's parts stand for: indices into the config's lists (call: into CALL_NAMES; year: into the years). */
export type StatisticBindings = Partial<Record<Placeholder, number>>;

/** One statistic of a run: its path in summary.json, its catalogue entry and the names it stands for. */
export interface ConcreteStatistic {
  path: string;
  entry: StatisticEntry & { path: StatisticTemplate };
  bindings: StatisticBindings;
}

/**
 * Does the department report recall outcomes (`outcomes.*`)? Yes when a stream models its
 * readers' accuracy (they can miss a finding or recall a normal study) or an AI reads as a
 * second reader: then a study's verdict can be wrong, and recalls and detections are counted.
 * The one answer to this question (the report asks it of every arm's department).
 */
export function hasRecallOutcomes(config: DepartmentConfig): boolean {
  return config.streams.some(hasHumanAccuracy) || config.tools.some((t) => t.kind === 'second-reader');
}

/** Is a department-wide condition of the catalogue met (`target` is a filter on priorities, met here)? */
export function conditionHolds(c: StatisticCondition | undefined, config: DepartmentConfig): boolean {
  switch (c) {
    case undefined:
    case 'target':
      return true;
    case 'images':
      return config.streams.some((s) => s.images);
    case 'external providers':
      return (config.external ?? []).length > 0;
    case 'initial backlog':
      return config.streams.some((s) => s.backlog > 0);
    case 'recall outcomes':
      return hasRecallOutcomes(config);
    case 'autonomous AI':
      return config.tools.some((t) => t.kind === 'autonomous');
  }
}

/** Simulated years of 365 days from time 0, labelled 1, 2, ... (the last may be cut short). */
export function defaultYears(horizon: number): { label: string; from: number }[] {
  const n = Math.max(1, Math.ceil(horizon / YEAR - 1e-9));
  return Array.from({ length: n }, (_, i) => ({ label: String(i + 1), from: i * YEAR }));
}

/** The years results are given by: the config's, else simulated years. */
export function yearsOf(config: DepartmentConfig): { label: string; from: number }[] {
  return config.years ?? defaultYears(config.horizon);
}

/**
 * The years `by_year` reports (index into yearsOf): those that neither the warm-up covers
 * entirely nor start at or after the horizon.
 */
export function reportedYears(config: DepartmentConfig): number[] {
  const years = yearsOf(config);
  return years.flatMap((y, i) => {
    const end = i + 1 < years.length ? years[i + 1].from : Number.POSITIVE_INFINITY;
    return end <= config.warmup || y.from >= config.horizon ? [] : [i];
  });
}

/** The indices a placeholder stands for in this department (`target`: priorities with a target only). */
function indicesOf(p: Placeholder, config: DepartmentConfig, targetsOnly: boolean): number[] {
  const every = (n: number) => Array.from({ length: n }, (_, i) => i);
  switch (p) {
    case 'priority':
      return every(config.priorities.length).filter((i) => !targetsOnly || config.priorities[i].target !== null);
    case 'stream':
      return every(config.streams.length);
    case 'finding':
      return every(config.findings.length);
    case 'tool':
      return every(config.tools.length).filter((i) => config.tools[i].kind !== 'assist');
    case 'call':
      return every(CALL_NAMES.length);
    case 'provider':
      return every((config.external ?? []).length);
    case 'group':
      return every(config.readers.length);
    case 'year':
      return reportedYears(config);
  }
}

/** The name an index of a placeholder stands for. */
function nameOf(p: Placeholder, index: number, config: DepartmentConfig): string {
  switch (p) {
    case 'priority':
      return config.priorities[index].name;
    case 'stream':
      return config.streams[index].name;
    case 'finding':
      return config.findings[index];
    case 'tool':
      return config.tools[index].name;
    case 'call':
      return CALL_NAMES[index];
    case 'provider':
      return (config.external ?? [])[index].name;
    case 'group':
      return config.readers[index].name;
    case 'year':
      return yearsOf(config)[index].label;
  }
}

const PART = /<([a-z]+)>/g;

/** The parts of a template, in order ("by_year.<year>.tat.by_priority.<priority>.p90" -> year, priority). */
export function templateParts(template: string): Placeholder[] {
  let parts = partsOf.get(template);
  if (!parts) {
    parts = [...template.matchAll(PART)].map((m) => m[1] as Placeholder);
    partsOf.set(template, parts);
  }
  return parts;
}
const partsOf = new Map<string, Placeholder[]>();

/**
 * Every statistic this department reports, in summary.json's order: each catalogue entry whose
 * condition holds, once for every name its parts stand for (see the order rule at the top).
 */
export function departmentStatistics(config: DepartmentConfig): ConcreteStatistic[] {
  const out: ConcreteStatistic[] = [];
  const open = (e: StatisticEntry, bound: StatisticBindings) => templateParts(e.path).find((p) => !(p in bound)) ?? null;
  const targetsOnly = (e: StatisticEntry, part: Placeholder) => part === 'priority' && e.when === 'target';
  const expand = (entries: readonly ConcreteStatistic['entry'][], bound: StatisticBindings) => {
    let i = 0;
    while (i < entries.length) {
      const e = entries[i];
      const part = open(e, bound);
      if (part === null) {
        if (conditionHolds(e.when, config)) {
          const path = e.path.replace(PART, (_, p: Placeholder) => nameOf(p, bound[p] as number, config));
          out.push({ path, entry: e, bindings: bound });
        }
        i++;
        continue;
      }
      // The block: the entries that follow and open on the same part, with the same filter on it.
      const filter = targetsOnly(e, part);
      let j = i + 1;
      while (j < entries.length && open(entries[j], bound) === part && targetsOnly(entries[j], part) === filter) j++;
      const block = entries.slice(i, j);
      for (const v of indicesOf(part, config, filter)) expand(block, { ...bound, [part]: v });
      i = j;
    }
  };
  expand(CATALOGUE, {});
  return out;
}

const patterns = new Map<string, RegExp>();
/** A template as a pattern: each part matches a name (or the part as written) and is captured. */
function templatePattern(template: string): RegExp {
  let re = patterns.get(template);
  if (!re) {
    const texts = template.split(/<[a-z]+>/);
    re = new RegExp(`^${texts.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(.+)')}$`);
    patterns.set(template, re);
  }
  return re;
}

/**
 * The entry a path is an instance of ("wait.by_priority.stat", or the template itself), with the
 * names its parts stand for; null when the catalogue has no such statistic. A name may hold dots.
 */
export function findStatistic(
  path: string,
): { entry: ConcreteStatistic['entry']; names: Partial<Record<Placeholder, string>> } | null {
  for (const entry of CATALOGUE) {
    const m = templatePattern(entry.path).exec(path);
    if (!m) continue;
    const names: Partial<Record<Placeholder, string>> = {};
    templateParts(entry.path).forEach((p, i) => {
      names[p] = m[i + 1];
    });
    return { entry, names };
  }
  return null;
}

/**
 * A label with names for its parts ("mean wait <priority>", { priority: 'stat' } -> "mean wait
 * stat"); a call is put in words; `<target>` is the priority's target as the report writes it
 * ("target" when not given). A part without a name stays as written.
 */
export function fillLabel(label: string, names: Partial<Record<Placeholder | 'target', string>>): string {
  return label.replace(PART, (whole, p: string) => {
    const v = names[p as Placeholder | 'target'];
    if (v === undefined) return p === 'target' ? 'target' : whole;
    return p === 'call' && v in CALL_WORDS ? CALL_WORDS[v as keyof typeof CALL_WORDS] : v;
  });
}

/**
 * The label of a path ("wait.by_priority.stat" -> "mean wait stat"; "by_year.5.demand_of_capacity"
 * -> "demand / capacity, year 5"), or the path when the catalogue lacks it.
 */
export function statisticLabel(path: string): string {
  const f = findStatistic(path);
  if (!f) return path;
  const label = fillLabel(f.entry.label, f.names);
  return f.names.year === undefined ? label : `${label}, year ${f.names.year}`;
}

/** The unit of a path's statistic, or null when the catalogue lacks it. */
export function statisticUnit(path: string): StatisticUnit | null {
  return findStatistic(path)?.entry.unit ?? null;
}

/**
 * A statistic's label with its unit, for an axis title ("wait.by_priority.stat" -> "mean wait
 * stat (minutes)"; shares and ratios as fractions of 1); the path itself when the catalogue lacks it.
 */
export function statisticAxisTitle(path: string): string {
  const unit = statisticUnit(path);
  if (unit === null) return path;
  const label = statisticLabel(path);
  return unit === 'share' || unit === 'ratio' ? `${label} (fraction)` : `${label} (${unit})`;
}

/**
 * The values a statistic can take: shares lie in [0, 1]; every other statistic (counts, times,
 * ratios of times) is never negative.
 */
export function statisticRange(path: string): [number, number] {
  return statisticUnit(path) === 'share' ? [0, 1] : [0, Number.POSITIVE_INFINITY];
}

/** Is the statistic compared between arms in summary.json's `differences`? */
export function isCompared(path: string): boolean {
  return !findStatistic(path)?.entry.notCompared;
}

// --- summary.json's type, derived from the catalogue ------------------------------------------

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/** One key of a path: a part in <> is any name. */
type Key<H extends string, V, Optional extends boolean> = H extends `<${string}>`
  ? Record<string, V>
  : Optional extends true
    ? { [K in H]?: V }
    : { [K in H]: V };
/** The nested object a dotted path makes, with `Leaf` at its end. */
type PathTree<P extends string, Leaf, Optional extends boolean> = P extends `${infer H}.${infer R}`
  ? Key<H, PathTree<R, Leaf, Optional>, Optional>
  : Key<P, Leaf, Optional>;
type EntryTree<E, Leaf> = E extends { path: infer P extends string; when: StatisticCondition }
  ? PathTree<P, Leaf, true>
  : E extends { path: infer P extends string }
    ? PathTree<P, Leaf, false>
    : never;

/**
 * The statistics of one arm as summary.json nests them, each a `Leaf`: derived from the
 * catalogue, so that a statistic added there is in the type. A statistic with a condition is
 * optional, and so is every level above it.
 */
export type StatisticTree<Leaf> = UnionToIntersection<EntryTree<(typeof STATISTICS)[number], Leaf>>;
