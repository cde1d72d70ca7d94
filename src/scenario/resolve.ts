import type {
  ArmInput,
  ExternalInput,
  ImagesInput,
  ReaderGroupInput,
  ReadTimeInput,
  ScenarioInput,
  StreamInput,
  ToolInput,
} from './schema.js';
import type { PeriodName } from './units.js';

/** A scenario with every default filled in: what `scenario.resolved.yaml` holds. */
export interface ResolvedScenario {
  name: string;
  description: string;
  sources: string[];
  start?: string;
  horizon: string | number;
  warmup: string | number;
  period: PeriodName;
  replications: number;
  seed: number;
  priorities: { name: string; target?: string | number }[];
  streams: ResolvedStream[];
  readers: ResolvedReaderGroup[];
  worklist: {
    order: 'priority' | 'fifo';
    preemption: 'none' | 'resume';
    escalateAfter?: string | number | Record<string, string | number>;
  };
  ai: ResolvedTool[];
  arms: ResolvedArm[];
}

export type ResolvedStream = Required<Omit<StreamInput, 'findings' | 'images'>> & {
  /** Images per study and the reading-time model per image, when the stream gives them. */
  images?: ImagesInput;
  findings: Record<
    string,
    string | number | { prevalence: string | number; readTime?: ReadTimeInput; humanSensitivity?: string | number }
  >;
};
export type ResolvedReaderGroup = Required<Omit<ReaderGroupInput, 'external'>> & {
  /** Present when the group is an external provider (then count 0 and no roster). */
  external?: ExternalInput;
};
export type ResolvedTool =
  | Required<Extract<ToolInput, { kind: 'triage' }>>
  | Required<Extract<ToolInput, { kind: 'assist' }>>
  | Required<Extract<ToolInput, { kind: 'autonomous' }>>
  | Required<Extract<ToolInput, { kind: 'second-reader' }>>;
export type ResolvedArm = ArmInput & { ai: string[] };

export const DEFAULTS = {
  warmup: '0d',
  period: 'week' as PeriodName,
  replications: 10,
  seed: 1,
  priority: 'routine',
  modality: 'general',
  growth: '0%/y',
  pattern: 'flat' as const,
  reads: 1,
  backlog: 0,
  efficiency: 1,
  shiftEnd: 'finish' as const,
  order: 'priority' as const,
  preemption: 'none' as const,
  action: 'reorder' as const,
  extraTimePerFlag: '0m',
  misses: 0,
  readsLeft: 0,
  humanFalsePositive: 0,
  arbitration: false,
  readerAgreement: 0,
};

/** Fills every default. The input has passed the schema and the reference checks. */
export function resolveScenario(s: ScenarioInput): ResolvedScenario {
  const priorities = s.priorities ?? [{ name: DEFAULTS.priority }];
  const streams: ResolvedStream[] = s.streams.map((st) => ({
    name: st.name,
    modality: st.modality ?? DEFAULTS.modality,
    priority: st.priority ?? priorities[0].name,
    volume: st.volume,
    growth: st.growth ?? DEFAULTS.growth,
    pattern: st.pattern ?? DEFAULTS.pattern,
    readTime: st.readTime,
    ...(st.images !== undefined ? { images: st.images } : {}),
    reads: st.reads ?? DEFAULTS.reads,
    findings: (st.findings ?? {}) as ResolvedStream['findings'],
    backlog: st.backlog ?? DEFAULTS.backlog,
    humanFalsePositive: st.humanFalsePositive ?? DEFAULTS.humanFalsePositive,
    arbitration: st.arbitration ?? DEFAULTS.arbitration,
    readerAgreement: st.readerAgreement ?? DEFAULTS.readerAgreement,
  }));
  const modalities = [...new Set(streams.map((st) => st.modality))];
  const readers: ResolvedReaderGroup[] = s.readers.map((g) => ({
    name: g.name,
    ...(g.external !== undefined ? { external: g.external } : {}),
    count: g.count ?? 0,
    modalities: g.modalities ?? (g.external !== undefined ? [] : modalities),
    roster: g.roster ?? (g.external !== undefined ? [] : [{ days: 'all', from: '00:00', to: '24:00', on: g.count ?? 0 }]),
    efficiency: g.efficiency ?? DEFAULTS.efficiency,
    growth: g.growth ?? DEFAULTS.growth,
    shiftEnd: g.shiftEnd ?? DEFAULTS.shiftEnd,
  }));
  const ai: ResolvedTool[] = (s.ai ?? []).map((t) => {
    switch (t.kind) {
      case 'triage':
        return {
          ...t,
          streams: t.streams ?? streams.filter((st) => t.finding in st.findings).map((st) => st.name),
          action: t.action ?? DEFAULTS.action,
        };
      case 'assist':
        return {
          ...t,
          streams: t.streams ?? streams.map((st) => st.name),
          extraTimePerFlag: t.extraTimePerFlag ?? DEFAULTS.extraTimePerFlag,
        };
      case 'autonomous':
        return {
          ...t,
          streams: t.streams ?? streams.map((st) => st.name),
          misses: t.misses ?? DEFAULTS.misses,
          readsLeft: t.readsLeft ?? DEFAULTS.readsLeft,
        };
      case 'second-reader':
        return { ...t, streams: t.streams ?? streams.map((st) => st.name) };
      default:
        throw new Error(`unknown tool kind ${(t as { kind: string }).kind}`);
    }
  });
  const arms: ResolvedArm[] = s.arms
    ? s.arms.map((a) => ({ ...a, ai: a.ai ?? [] }))
    : ai.length > 0
      ? [
          { name: 'without AI', ai: [] },
          { name: 'with AI', ai: ai.map((t) => t.name) },
        ]
      : [{ name: 'without AI', ai: [] }];
  const worklist = {
    order: s.worklist?.order ?? DEFAULTS.order,
    preemption: s.worklist?.preemption ?? DEFAULTS.preemption,
    ...(s.worklist?.escalateAfter !== undefined ? { escalateAfter: s.worklist.escalateAfter } : {}),
  };
  return {
    name: s.name,
    description: s.description ?? '',
    sources: s.sources ?? [],
    ...(s.start !== undefined ? { start: s.start } : {}),
    horizon: s.horizon,
    warmup: s.warmup ?? DEFAULTS.warmup,
    period: s.period ?? DEFAULTS.period,
    replications: s.replications ?? DEFAULTS.replications,
    seed: s.seed ?? DEFAULTS.seed,
    priorities,
    streams,
    readers,
    worklist,
    ai,
    arms,
  };
}
