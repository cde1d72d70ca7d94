import type { CalendarPiece, DistributionSpec } from '../engine/index.js';

/**
 * A reading department as the model runs it: every unit resolved (times in minutes, rates per
 * minute, growth per year as a fraction), every reference an index. The scenario layer builds
 * this from a scenario file; tests and scripts may build it directly.
 */
export interface DepartmentConfig {
  /** Simulated length and warm-up (minutes). */
  horizon: number;
  warmup: number;
  /** Reporting bin width (minutes). */
  periodLength: number;
  /**
   * The years results are given by: label and start (minutes from time 0), in order. Default:
   * simulated years of 365 days labelled 1, 2, ...; with a calendar start date, calendar years.
   */
  years?: { label: string; from: number }[];
  /** Highest priority first. Target: report turnaround target (minutes) or null. */
  priorities: PriorityConfig[];
  /** Every finding named by any stream, in first-seen order (a bit in a study's finding mask). */
  findings: string[];
  streams: StreamConfig[];
  readers: ReaderGroupConfig[];
  worklist: WorklistConfig;
  /** Every AI tool in the scenario: calls are drawn for all of them in every arm (common random numbers). */
  tools: ToolConfig[];
  /** Which tools act in this arm (same length as `tools`). */
  active: boolean[];
  /** External providers (outsourcing); absent or empty: none. */
  external?: ExternalProviderConfig[];
}

/** When an external provider takes a study. */
export type OutsourcePolicy = 'always' | 'hours' | 'waited' | 'backlog' | 'never';

/**
 * An external reporting provider: it reports the studies its policy sends out after its own
 * turnaround (no roster, unlimited parallel reads), at a cost per study.
 */
export interface ExternalProviderConfig {
  name: string;
  /** Per stream: may the provider read it? */
  eligible: boolean[];
  /** Time from sending out to the report (minutes). */
  turnaround: DistributionSpec;
  costPerStudy: number;
  when: OutsourcePolicy;
  /** With `hours`: pieces of the week [from, to) in minutes from Monday 00:00, none wrapping. */
  hours: { from: number; to: number }[];
  /** With `always` or `hours`: share of eligible studies sent out (drawn per study). */
  share: number;
  /** With `waited`: minutes a study waits unread before it goes out. */
  after: number;
  /** With `backlog`: unreported studies above which arrivals go out. */
  backlogAbove: number;
  /** Studies a week (Monday 00:00 to Monday 00:00) at most; Infinity = no cap. */
  weeklyCap: number;
}

/** Images per study and the reading time per image (see work-per-study.ts). */
export interface ImagesConfig {
  perStudy: number;
  /** Yearly growth of the images per study (fraction). */
  growth: number;
  /** Reading minutes independent of the images, and per image. */
  fixed: number;
  perImage: number;
}

export interface PriorityConfig {
  name: string;
  target: number | null;
}

export interface StreamFindingConfig {
  /** Index into DepartmentConfig.findings. */
  finding: number;
  prevalence: number;
  /** Read time of a study positive for this finding (the first listed positive finding wins), or null. */
  readTime: DistributionSpec | null;
  /** Probability that one human read recalls a study with this finding (1: readers find what is there). */
  humanSensitivity: number;
}

export interface StreamConfig {
  name: string;
  modality: string;
  /** Index into priorities. */
  priority: number;
  /** Mean arrivals per minute at time 0, averaged over the week. */
  volume: number;
  growth: number;
  /** 168 hourly weights, Monday 00-01 first (normalised by the arrival process). */
  pattern: number[];
  readTime: DistributionSpec;
  /** Yearly growth of the reading work per study (fraction; absent = 0): a read drawn for a study arriving at t is x (1+g)^(t/year). */
  readTimeGrowth?: number;
  /** Images per study with their own growth and a reading time per image; absent or null = not modelled. */
  images?: ImagesConfig | null;
  /** Human reads each study needs (2 = double reading). */
  reads: number;
  findings: StreamFindingConfig[];
  /** Unread studies waiting at time 0. */
  backlog: number;
  /** Probability that one human read recalls a study with no finding (a false recall). */
  humanFalsePositive: number;
  /** When the verdicts of a multi-read study disagree, one more human read decides. */
  arbitration: boolean;
  /**
   * Chance that all human reads of a study share one verdict (readers tend to agree on what
   * looks suspicious); otherwise reads are independent. Each read's own chance to recall is the
   * same either way.
   */
  readerAgreement: number;
}

export type ShiftEndPolicy = 'finish' | 'handover';

export interface ReaderGroupConfig {
  name: string;
  count: number;
  /** Modalities this group reads; null = every modality. */
  modalities: string[] | null;
  /** Weekly roster: readers on per piece of the week (minutes from Monday 00:00). */
  roster: CalendarPiece[];
  /** Share of rostered time spent reading (see README: realised as a slower read with interruptions). */
  efficiency: number;
  growth: number;
  shiftEnd: ShiftEndPolicy;
}

export interface WorklistConfig {
  order: 'priority' | 'fifo';
  preemption: 'none' | 'resume';
  /** Per priority: minutes a study waits at its level before moving up one level (0 = never). */
  escalateAfter: number[];
}

export interface TriageToolConfig {
  kind: 'triage';
  name: string;
  /** Index into findings. */
  finding: number;
  /** Indices into streams. */
  streams: number[];
  sensitivity: number;
  specificity: number;
  action: 'reorder' | 'flag';
}

export interface AssistToolConfig {
  kind: 'assist';
  name: string;
  streams: number[];
  /** Read-time factor for studies a triage tool flagged, and for the others. */
  factorFlagged: number;
  factorUnflagged: number;
  /** Extra human minutes per triage flag on the study. */
  extraTimePerFlag: number;
}

export interface AutonomousToolConfig {
  kind: 'autonomous';
  name: string;
  streams: number[];
  /** Share of normal studies cleared. */
  clears: number;
  /** Share of abnormal studies wrongly cleared. */
  misses: number;
  /** Human reads a cleared study still gets (0 = reported by the AI alone). */
  readsLeft: number;
}

/** An AI whose call stands in for one human read's verdict (AI as second reader). */
export interface SecondReaderToolConfig {
  kind: 'second-reader';
  name: string;
  streams: number[];
  /** Against "abnormal" (any finding). */
  sensitivity: number;
  specificity: number;
}

export type ToolConfig = TriageToolConfig | AssistToolConfig | AutonomousToolConfig | SecondReaderToolConfig;

/** The number of periods a run of the department reports (the last may be cut short by the horizon; at least one). */
export function periodCountOf(config: DepartmentConfig): number {
  return Math.max(1, Math.ceil(config.horizon / config.periodLength - 1e-9));
}
