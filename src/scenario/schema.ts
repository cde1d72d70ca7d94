import * as z from 'zod';
import { PATTERN_NAMES } from '../model/weekly-patterns.js';
import {
  CLOCK_EXPECTED,
  CLOCK_RE,
  DAYS_EXPECTED,
  DAYS_RE,
  DURATION_EXPECTED,
  DURATION_RE,
  describeFound,
  GROWTH_EXPECTED,
  GROWTH_RE,
  PERIODS,
  parseClock,
  parseDays,
  parseDuration,
  parseGrowth,
  parseRate,
  parseShare,
  RATE_EXPECTED,
  RATE_RE,
  SHARE_EXPECTED,
  SHARE_RE,
} from './units.js';

/**
 * The scenario file format (../shared/spec/scenario-format.md) as a zod schema: the structure,
 * the value forms, and every field's default (the defaults themselves are filled in by
 * `resolve.ts`, so that the resolved scenario can be written back out). Objects are strict: a
 * misspelt field is an error, never silently ignored.
 */

/** A value as a message quotes it (cut to a readable length). */
export const describeValue = describeFound;

function check(parse: (v: never) => unknown) {
  return (v: unknown, ctx: z.RefinementCtx) => {
    try {
      parse(v as never);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message, input: v });
    }
  };
}

/** A number-or-string field in one of the value forms, with its own parser as the check. */
function valueForm(re: RegExp, expected: string, parse: (v: never) => unknown) {
  const message = (iss: { input?: unknown }) => `expected ${expected}, found ${describeValue(iss.input)}`;
  return z
    .union([z.number({ error: message }), z.string().regex(re, { error: message })], { error: message })
    .superRefine(check(parse))
    .meta({ description: expected });
}

/** A text-only field in one of the value forms. */
function textForm(re: RegExp, expected: string, parse: (v: never) => unknown) {
  const message = (iss: { input?: unknown }) => `expected ${expected}, found ${describeValue(iss.input)}`;
  return z.string({ error: message }).regex(re, { error: message }).superRefine(check(parse)).meta({ description: expected });
}

/** A description that says what a field means and, after it, the form its value takes. */
function says(meaning: string, form: string): { description: string } {
  return { description: `${meaning} (${form})` };
}

export const Duration = valueForm(DURATION_RE, DURATION_EXPECTED, parseDuration);
export const Rate = valueForm(RATE_RE, RATE_EXPECTED, parseRate);
export const Share = valueForm(SHARE_RE, SHARE_EXPECTED, parseShare);
export const Growth = valueForm(GROWTH_RE, GROWTH_EXPECTED, parseGrowth);
export const Clock = textForm(CLOCK_RE, CLOCK_EXPECTED, parseClock);
export const Days = textForm(DAYS_RE, DAYS_EXPECTED, parseDays);

/** Longest name and description: longer text is a mistake (a file pasted in), and breaks the writers. */
const NAME_LIMIT = 100;
const TEXT_LIMIT = 10_000;
const name = z
  .string({ error: (iss) => `expected a name (text), found ${describeValue(iss.input)}` })
  .min(1, { error: 'a name may not be empty' })
  .max(NAME_LIMIT, { error: (iss) => `a name may have at most ${NAME_LIMIT} characters, found ${describeValue(iss.input)}` });
/** Free text (descriptions, sources), up to TEXT_LIMIT characters. */
const text = z.string({ error: (iss) => `expected text, found ${describeValue(iss.input)}` }).max(TEXT_LIMIT, {
  error: (iss) => `expected at most ${TEXT_LIMIT.toLocaleString('en-US')} characters, found ${describeValue(iss.input)}`,
});
/** A whole number from `min` to `max`, said in words. */
const whole = (what: string, min: number, max: number) => {
  const expected = `expected ${what} (a whole number from ${min} to ${max.toLocaleString('en-US')})`;
  return z
    .number({ error: (iss) => `${expected}, found ${describeValue(iss.input)}` })
    .int({ error: (iss) => `${expected}, found ${describeValue(iss.input)}` })
    .min(min, { error: (iss) => `${expected}, found ${describeValue(iss.input)}` })
    .max(max, { error: (iss) => `${expected}, found ${describeValue(iss.input)}` });
};
const positiveNumber = (what: string, max: number) =>
  z
    .number({ error: (iss) => `expected ${what} (a number above 0, at most ${max}), found ${describeValue(iss.input)}` })
    .positive({ error: (iss) => `expected ${what} (a number above 0, at most ${max}), found ${describeValue(iss.input)}` })
    .max(max, { error: (iss) => `expected ${what} (a number above 0, at most ${max}), found ${describeValue(iss.input)}` });
/** Reading times vary, but a cv above 10 is no department's (and breaks the samplers' arithmetic). */
export const MAX_CV = 10;
const cv = z
  .number({
    error: (iss) => `expected a coefficient of variation (a number from 0 to ${MAX_CV}), found ${describeValue(iss.input)}`,
  })
  .min(0, {
    error: (iss) => `expected a coefficient of variation (a number from 0 to ${MAX_CV}), found ${describeValue(iss.input)}`,
  })
  .max(MAX_CV, {
    error: (iss) => `expected a coefficient of variation (a number from 0 to ${MAX_CV}), found ${describeValue(iss.input)}`,
  });

const DIST_KINDS = [
  'exponential',
  'deterministic',
  'lognormal',
  'gamma',
  'loglogistic',
  'triangular',
  'uniform',
  'empirical',
] as const;
/** The `dist` field of one distribution kind. */
const distKind = <K extends (typeof DIST_KINDS)[number]>(kind: K) =>
  z.literal(kind).meta({ description: `the distribution: ${DIST_KINDS.join(', ')}` });
const readMean = Duration.meta(says('the mean time', DURATION_EXPECTED));
const readCv = cv.meta({ description: 'coefficient of variation: standard deviation / mean (0 to 10)' });

/** The read-time distributions; `extra` adds fields to every variant (a stream's `growth`). */
function readTimeUnion<E extends z.ZodRawShape>(extra: E, description: string) {
  return z
    .discriminatedUnion(
      'dist',
      [
        z.strictObject({ dist: distKind('exponential'), mean: readMean, ...extra }),
        z.strictObject({ dist: distKind('deterministic'), mean: readMean, ...extra }),
        z.strictObject({ dist: distKind('lognormal'), mean: readMean, cv: readCv, ...extra }),
        z.strictObject({ dist: distKind('gamma'), mean: readMean, cv: readCv, ...extra }),
        z.strictObject({ dist: distKind('loglogistic'), mean: readMean, cv: readCv, ...extra }),
        z.strictObject({
          dist: distKind('triangular'),
          min: Duration.meta(says('the shortest time', DURATION_EXPECTED)),
          mode: Duration.meta(says('the most likely time', DURATION_EXPECTED)),
          max: Duration.meta(says('the longest time', DURATION_EXPECTED)),
          ...extra,
        }),
        z.strictObject({
          dist: distKind('uniform'),
          min: Duration.meta(says('the shortest time', DURATION_EXPECTED)),
          max: Duration.meta(says('the longest time', DURATION_EXPECTED)),
          ...extra,
        }),
        z.strictObject({
          dist: distKind('empirical'),
          values: z
            .array(Duration)
            .min(1, { error: 'an empirical distribution needs at least one value' })
            .meta({ description: 'observed times, each drawn with equal chance (durations)' }),
          ...extra,
        }),
      ],
      {
        error: (iss) => {
          const input = iss.input as { dist?: unknown } | undefined;
          if (typeof input !== 'object' || input === null || Array.isArray(input))
            return `expected a distribution such as { dist: lognormal, mean: 16m, cv: 0.6 }, found ${describeValue(input)}`;
          return `dist must be one of ${DIST_KINDS.join(', ')}, found ${describeValue(input.dist)}`;
        },
      },
    )
    .meta({ description });
}

const READ_TIME_KINDS =
  'exponential (mean), deterministic (mean), lognormal/gamma/loglogistic (mean, cv), triangular (min, mode, max), uniform (min, max), empirical (values)';
export const ReadTime = readTimeUnion({}, `Reading time of one human read: ${READ_TIME_KINDS}`);

/** A stream's read time: the distribution at time 0 and, optionally, how the work per study grows. */
export const StreamReadTime = readTimeUnion(
  {
    growth: Growth.optional().meta({
      description:
        'yearly growth of the reading work per study (compounding): a study arriving at year t has its drawn read time x (1+g)^t (default 0%/y)',
    }),
  },
  `Reading time of one human read of a study arriving at time 0: ${READ_TIME_KINDS}; growth: how the work per study grows`,
);

/** Images per study and a reading-time model per image (issue 16): the work per study follows the images. */
export const Images = z
  .strictObject({
    perStudy: positiveNumber('images per study at the start', 1_000_000).meta({
      description: 'images per study at the start (a number above 0)',
    }),
    growth: Growth.optional().meta({ description: 'yearly growth of the images per study (default 0%/y)' }),
    fixed: Duration.meta({ description: 'reading time of a study that does not depend on its images' }),
    perImage: Duration.meta({ description: 'reading time per image (such as 0.6s)' }),
  })
  .meta({
    description:
      'images per study at the start, their yearly growth, and the reading time model fixed + perImage x images; fixed + perImage x perStudy must equal the mean of readTime; a study arriving when the images per study are n has its drawn read time x (fixed + perImage x n) / (fixed + perImage x perStudy)',
  });

export const Priority = z.strictObject({
  name: name.meta({ description: "the priority's name, used by streams' priority (list the most urgent first)" }),
  target: Duration.optional().meta(says('report turnaround target: time from arrival to report', DURATION_EXPECTED)),
});

const FindingLong = z.strictObject({
  prevalence: Share.meta(says("share of the stream's studies that have this finding", SHARE_EXPECTED)),
  readTime: ReadTime.optional().meta({
    description: 'reading time of a study with this finding, when it differs from the stream’s (a distribution)',
  }),
  humanSensitivity: Share.optional().meta({
    description: 'chance that one human read flags a study with this finding (default 1)',
  }),
});
export const Finding = z
  .union([Share, FindingLong], {
    error: (iss) => `expected a prevalence (${SHARE_EXPECTED}) or { prevalence, readTime }, found ${describeValue(iss.input)}`,
  })
  .meta({ description: 'one finding: its prevalence (a share), or { prevalence, readTime, humanSensitivity }' });

export const Pattern = z
  .union([z.enum(PATTERN_NAMES), z.array(z.number().min(0)).length(168)], {
    error: (iss) =>
      `expected one of ${PATTERN_NAMES.join(', ')} or a list of 168 hourly weights >= 0, found ${describeValue(iss.input)}`,
  })
  .refine((p) => typeof p === 'string' || p.some((w) => w > 0), {
    error: 'every hourly weight is 0: at least one hour of the week needs arrivals (or set volume: 0/day)',
  })
  .meta({ description: 'hour-of-week arrival pattern: a preset or 168 weights, Monday 00-01 first' });

export const Stream = z.strictObject({
  name: name.meta({ description: "the stream's name (used by arms, AI tools' streams and --set paths)" }),
  modality: z.string().min(1).optional().meta({ description: 'free text; readers are matched on it (default general)' }),
  priority: z
    .string()
    .optional()
    .meta({ description: 'name of one of the priorities (required when there are several; default the only one)' }),
  volume: Rate.meta(says('studies arriving at the start', RATE_EXPECTED)),
  growth: Growth.optional().meta(says('yearly growth of the volume, compounding (default 0%/y)', GROWTH_EXPECTED)),
  pattern: Pattern.optional().meta({
    description: `hour-of-week arrival pattern: one of ${PATTERN_NAMES.join(', ')}, or 168 weights, Monday 00-01 first (default flat)`,
  }),
  readTime: StreamReadTime,
  images: Images.optional(),
  reads: whole('reads per study', 1, 4).optional().meta({ description: 'human reads each study needs (2 = double reading)' }),
  findings: z.record(z.string(), Finding).optional().meta({
    description: 'findings by name: a prevalence, or { prevalence, readTime, humanSensitivity } (AI tools and recalls use them)',
  }),
  backlog: whole('a backlog of studies', 0, 100_000_000)
    .optional()
    .meta({ description: 'studies already waiting at the start (a whole number, default 0)' }),
  humanFalsePositive: Share.optional().meta({
    description: 'chance that one human read flags (recalls) a study with no finding (default 0)',
  }),
  arbitration: z
    .boolean()
    .optional()
    .meta({ description: 'when the verdicts of a multi-read study disagree, one more human read decides (default false)' }),
  readerAgreement: Share.optional().meta({
    description: 'chance that all human reads of a study share one verdict; otherwise they are independent (default 0)',
  }),
});

export const Shift = z.strictObject({
  days: Days.meta(says('the days of the week the shift starts on', DAYS_EXPECTED)),
  from: Clock.meta(says('start of the shift', CLOCK_EXPECTED)),
  to: Clock.meta(says('end of the shift; before `from` means the next day', CLOCK_EXPECTED)),
  on: z
    .number({ error: (iss) => `expected readers on (a number >= 0), found ${describeValue(iss.input)}` })
    .min(0, { error: (iss) => `expected readers on (a number >= 0), found ${describeValue(iss.input)}` })
    .meta({ description: 'readers on duty; a fraction is realised by alternating whole readers so that the average is right' }),
});

export const ShiftEnd = z.enum(['finish', 'handover']);

/** When an external provider takes a study (see docs/outsourcing.md). */
export const OUTSOURCE_WHEN = ['always', 'hours', 'waited', 'backlog', 'never'] as const;

/** An external reporting provider (outsourcing, teleradiology): no roster, unlimited parallel reads. */
export const External = z
  .strictObject({
    streams: z
      .array(z.string())
      .optional()
      .meta({ description: 'streams it may read (default: every stream, unless priorities are given)' }),
    priorities: z.array(z.string()).optional().meta({ description: 'priorities it may read' }),
    turnaround: ReadTime.meta({ description: 'time from sending a study out to its report coming back' }),
    costPerStudy: z
      .number({ error: (iss) => `expected a cost per study (a number >= 0), found ${describeValue(iss.input)}` })
      .min(0, { error: (iss) => `expected a cost per study (a number >= 0), found ${describeValue(iss.input)}` })
      .optional()
      .meta({ description: 'cost of one outsourced study, in any currency (default 0)' }),
    when: z.enum(OUTSOURCE_WHEN).optional().meta({
      description:
        'always: every eligible study on arrival; hours: those arriving in the given hours; waited: those still unread after `after`; backlog: those arriving while more than `backlogAbove` studies are unreported; never: not used (default always)',
    }),
    hours: z
      .array(
        z.strictObject({
          days: Days.meta(says('the days of the week', DAYS_EXPECTED)),
          from: Clock.meta(says('start of the hours', CLOCK_EXPECTED)),
          to: Clock.meta(says('end of the hours; before `from` means the next day', CLOCK_EXPECTED)),
        }),
      )
      .optional()
      .meta({ description: 'with when: hours, the hours of the week whose arrivals are sent out (e.g. nights)' }),
    share: Share.optional().meta({
      description: 'with always or hours: the share of eligible studies sent out, drawn per study (default 100%)',
    }),
    after: Duration.optional().meta({ description: 'with when: waited, how long a study waits unread before it is sent out' }),
    backlogAbove: whole('a backlog level', 0, 1_000_000_000)
      .optional()
      .meta({ description: 'with when: backlog, the level of unreported studies above which arrivals are sent out' }),
    weeklyCap: whole('a weekly cap', 0, 1_000_000_000)
      .optional()
      .meta({ description: 'at most this many studies a week (Monday to Sunday); default no cap' }),
  })
  .meta({
    description: 'this group is an external provider: it reads the studies its policy sends out, with its own turnaround',
  });

export const ReaderGroup = z.strictObject({
  name: name.meta({ description: "the group's name (used by arms and --set paths)" }),
  count: whole('a headcount', 0, 100_000).optional().meta({ description: 'headcount (required unless the group is external)' }),
  external: External.optional(),
  modalities: z
    .array(z.string().min(1))
    .optional()
    .meta({ description: "the streams' modalities this group reads (default: every modality)" }),
  roster: z.array(Shift).optional().meta({
    description:
      'weekly roster: shifts of { days, from, to, on }; hours no shift covers have nobody on duty (default: count on duty around the clock)',
  }),
  efficiency: Share.optional().meta(
    says(
      'share of rostered time spent reading; a read of w minutes takes w / efficiency of the roster (default 1)',
      SHARE_EXPECTED,
    ),
  ),
  growth: Growth.optional().meta(says('yearly growth of the headcount, scaling the roster (default 0%/y)', GROWTH_EXPECTED)),
  shiftEnd: ShiftEnd.optional().meta({
    description:
      'at a shift end, finish: the read in hand is finished as overtime; handover: it goes back to the worklist (default finish)',
  }),
});

export const Worklist = z.strictObject({
  order: z
    .enum(['priority', 'fifo'])
    .optional()
    .meta({ description: 'priority: the most urgent study first, then the oldest; fifo: the oldest first (default priority)' }),
  preemption: z.enum(['none', 'resume']).optional().meta({
    description:
      'resume: a more urgent study interrupts a less urgent read, which resumes later where it stopped; none: reads are never interrupted (default none)',
  }),
  escalateAfter: z
    .union([Duration, z.record(z.string(), Duration)], {
      error: (iss) =>
        `expected a duration such as 12h, or one per priority such as { emergency: 1h }, found ${describeValue(iss.input)}`,
    })
    .optional()
    .meta({ description: 'a study waiting this long at its level moves up one level; one time, or one per priority name' }),
});

const ReadTimeFactor = z
  .union(
    [
      positiveNumber('a read-time factor', 100),
      z.strictObject({
        flagged: positiveNumber('a read-time factor', 100).meta({ description: 'factor for the studies the tool flags' }),
        unflagged: positiveNumber('a read-time factor', 100).meta({ description: 'factor for the studies it does not flag' }),
      }),
    ],
    {
      error: (iss) => `expected a read-time factor (a number > 0) or { flagged, unflagged }, found ${describeValue(iss.input)}`,
    },
  )
  .meta({
    description: 'reading time x this factor where the tool acts (0.9 = 10% faster), or { flagged, unflagged }',
  });

const toolName = name.meta({ description: "the tool's name, used by arms' ai lists" });
const toolStreams = z.array(z.string()).optional().meta({
  description: 'names of the streams the tool acts on (default: every stream; for triage, the streams with its finding)',
});
const sensitivity = Share.meta(says('share of studies with the finding that the tool flags', SHARE_EXPECTED));
const specificity = Share.meta(says('share of studies without the finding that the tool leaves unflagged', SHARE_EXPECTED));

const TOOL_KINDS = ['triage', 'assist', 'autonomous', 'second-reader'] as const;
const toolKind = <K extends (typeof TOOL_KINDS)[number]>(kind: K) =>
  z.literal(kind).meta({
    description:
      'triage: flags a finding and moves flagged studies up; assist: changes reading time; autonomous: reports some normal studies alone; second-reader: stands in for one of two human reads',
  });
export const TriageTool = z.strictObject({
  name: toolName,
  kind: toolKind('triage'),
  finding: z.string().meta({ description: 'name of the finding the tool looks for (one of the streams’ findings)' }),
  streams: toolStreams,
  sensitivity,
  specificity,
  action: z.enum(['reorder', 'flag']).optional().meta({
    description:
      'reorder: a flagged study moves one level up the worklist; flag: it is only marked, the order does not change (default reorder)',
  }),
});
export const AssistTool = z.strictObject({
  name: toolName,
  kind: toolKind('assist'),
  streams: toolStreams,
  readTimeFactor: ReadTimeFactor,
  extraTimePerFlag: Duration.optional().meta(
    says('reading time added to a read for each triage flag on the study', DURATION_EXPECTED),
  ),
});
export const AutonomousTool = z.strictObject({
  name: toolName,
  kind: toolKind('autonomous'),
  streams: toolStreams,
  clears: Share.meta(says('share of normal studies the tool reports alone', SHARE_EXPECTED)),
  misses: Share.optional().meta(
    says('share of abnormal studies the tool clears as normal: missed findings (default 0)', SHARE_EXPECTED),
  ),
  readsLeft: whole('reads left', 0, 4)
    .optional()
    .meta({ description: 'human reads a cleared study still gets (0 to 4, default 0: none)' }),
});
export const SecondReaderTool = z.strictObject({
  name: toolName,
  kind: toolKind('second-reader'),
  streams: toolStreams,
  sensitivity: Share.meta(says('share of abnormal studies the tool calls abnormal', SHARE_EXPECTED)),
  specificity: Share.meta(says('share of normal studies the tool calls normal', SHARE_EXPECTED)),
});
export const Tool = z.discriminatedUnion('kind', [TriageTool, AssistTool, AutonomousTool, SecondReaderTool], {
  error: (iss) => {
    const input = iss.input as { kind?: unknown } | undefined;
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      return `expected an AI tool { name, kind, ... }, found ${describeValue(input)}`;
    return `kind must be one of ${TOOL_KINDS.join(', ')}, found ${describeValue(input.kind)}`;
  },
});

/** An arm: which tools act, and what-if changes to top-level fields for this arm only. */
export const Arm = z.strictObject({
  name: name.meta({ description: "the arm's name, shown in tables and charts" }),
  description: text
    .optional()
    .meta({ description: 'one line shown in the report (the changes themselves are listed from the values run)' }),
  ai: z.array(z.string()).optional().meta({ description: 'names of the AI tools that act in this arm (default: none)' }),
  readers: z
    .record(
      z.string(),
      ReaderGroup.omit({ name: true, external: true })
        .partial()
        .extend({
          external: External.partial()
            .optional()
            .meta({ description: "changes to the group's external provider, field by field" }),
        }),
    )
    .optional()
    .meta({ description: 'changes to reader groups, by name' }),
  streams: z
    .record(z.string(), Stream.omit({ name: true }).partial())
    .optional()
    .meta({ description: 'changes to streams, by name' }),
  worklist: Worklist.optional().meta({ description: 'changes to the worklist rules for this arm' }),
  tools: z
    .record(z.string(), z.record(z.string(), z.unknown()))
    .optional()
    .meta({ description: 'changes to AI tool parameters, by tool name (e.g. { ich-triage: { sensitivity: 0.95 } })' }),
});

export const Scenario = z
  .strictObject({
    name: name.meta({ description: "the scenario's name: the report's title and the default results folder" }),
    description: text.optional().meta({ description: 'what the scenario teaches or asks, shown in the report' }),
    sources: z
      .array(text)
      .optional()
      .meta({ description: 'where the numbers come from, one line each, with citation keys (docs/sources.md)' }),
    start: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: (iss) => `expected a date such as 2026-01-05, found ${describeValue(iss.input)}` })
      .optional()
      .meta({
        description: 'calendar date of time 0, a Monday (such as 2026-01-05): results by calendar year and dates on the charts',
      }),
    horizon: Duration.meta(says('simulated length', DURATION_EXPECTED)),
    warmup: Duration.optional().meta(says('start of the run left out of the statistics (default 0)', DURATION_EXPECTED)),
    period: z
      .enum(Object.keys(PERIODS) as [keyof typeof PERIODS, ...(keyof typeof PERIODS)[]])
      .optional()
      .meta({ description: `reporting period of periods.csv and the charts: ${Object.keys(PERIODS).join(', ')} (default week)` }),
    replications: whole('replications', 1, 10_000)
      .optional()
      .meta({ description: 'independent runs of every arm; results are means with 95% intervals (default 10)' }),
    seed: z
      .number({ error: (iss) => `expected a seed (a whole number), found ${describeValue(iss.input)}` })
      .int({ error: (iss) => `expected a seed (a whole number), found ${describeValue(iss.input)}` })
      .optional()
      .meta({ description: 'master seed: the same seed gives the same results (default 1)' }),
    priorities: z
      .array(Priority)
      .min(1)
      .optional()
      .meta({ description: 'priorities, the most urgent first, each with its turnaround target (default one: routine)' }),
    streams: z
      .array(Stream)
      .min(1, { error: 'a scenario needs at least one stream' })
      .meta({ description: 'streams of studies: who sends what, how many, how long a read takes' }),
    readers: z
      .array(ReaderGroup)
      .min(1, { error: 'a scenario needs at least one reader group' })
      .superRefine((groups, ctx) => {
        groups.forEach((g, i) => {
          if (g.count === undefined && g.external === undefined)
            ctx.addIssue({
              code: 'custom',
              path: [i, 'count'],
              message: 'expected a headcount (a whole number >= 0), found nothing',
            });
        });
      })
      .meta({ description: 'reader groups: radiologists (headcount, roster, efficiency) or external providers' }),
    worklist: Worklist.optional().meta({ description: 'how the worklist orders studies' }),
    ai: z.array(Tool).optional().meta({ description: 'AI tools; an arm lists the ones that act in it' }),
    arms: z.array(Arm).min(1).optional().meta({
      description:
        'the arms to compare, on the same patients; the first is the baseline (default: "without AI", and "with AI" using every tool when there are tools)',
    }),
  })
  .superRefine((s, ctx) => {
    // With one priority a stream without one gets it; with several, silently taking the first
    // (the most urgent) would be a quiet error.
    if ((s.priorities?.length ?? 0) < 2) return;
    s.streams.forEach((st, i) => {
      if (st.priority === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['streams', i, 'priority'],
          message: `is required when there are several priorities (${s.priorities?.map((p) => p.name).join(', ')})`,
        });
    });
  })
  .meta({
    title: 'readsim scenario',
    description: 'A reading department: demand, radiologists, worklist rules, AI tools and the arms to compare.',
  });

export type ScenarioInput = z.infer<typeof Scenario>;
export type StreamInput = z.infer<typeof Stream>;
export type ReaderGroupInput = z.infer<typeof ReaderGroup>;
export type ToolInput = z.infer<typeof Tool>;
export type ArmInput = z.infer<typeof Arm>;
export type ReadTimeInput = z.infer<typeof ReadTime>;
export type StreamReadTimeInput = z.infer<typeof StreamReadTime>;
export type ImagesInput = z.infer<typeof Images>;
export type ExternalInput = z.infer<typeof External>;
