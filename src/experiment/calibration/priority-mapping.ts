import { normaliseName } from './column-mapping.js';

/** A priority level of the calibrated scenario (highest first) and the export values mapped to it. */
export interface PriorityLevel {
  name: string;
  /** Report turnaround target as a scenario duration (`1h`), or null. */
  target: string | null;
  /** Where the target comes from, for the scenario's comment. */
  targetSource: string;
  values: string[];
}

/**
 * Default levels and targets (the bundled scenarios' sources): emergency 1 h (WTA), inpatient
 * 24 h (RCR audit standard), outpatient 28 days (NHS England). Export values are matched on
 * common words, compared lower-case without spaces or punctuation.
 */
const DEFAULT_LEVELS: { name: string; target: string; source: string; words: string[] }[] = [
  {
    name: 'emergency',
    target: '1h',
    source: 'default target (WTA: emergency reporting within 1 h)',
    words: ['emergency', 'emerg', 'stat', 'urgent', 'ed', 'ae', 'aande', 'er', 'trauma', 'resus', 'accident', 'immediate', 'p1'],
  },
  {
    name: 'inpatient',
    target: '24h',
    source: 'default target (RCR audit standard: inpatients within 24 h)',
    words: ['inpatient', 'inpatients', 'ip', 'inp', 'ward', 'admitted', 'in', 'p2'],
  },
  {
    name: 'outpatient',
    target: '28d',
    source: 'default target (NHS England: outpatients within 28 days)',
    words: [
      'outpatient',
      'outpatients',
      'op',
      'opd',
      'out',
      'gp',
      'routine',
      'elective',
      'primarycare',
      'community',
      'clinic',
      'screening',
      'p3',
    ],
  },
];

/** A mapping file's `priorities:` (name -> export values, highest first) and `targets:` (name -> duration). */
export interface PriorityMappingInput {
  priorities?: Record<string, string[]>;
  targets?: Record<string, string>;
}

/**
 * Assigns each distinct export value to a level: the mapping file's levels when given, else the
 * defaults by common words; a value matching nothing becomes its own level (no target) after
 * the others, with a note. Returns the levels in use (highest first) and the value -> level map.
 */
export function mapPriorities(
  values: Iterable<string>,
  input: PriorityMappingInput,
): { levels: PriorityLevel[]; levelOf: Map<string, number>; notes: string[] } {
  const notes: string[] = [];
  const given = input.priorities && Object.keys(input.priorities).length > 0;
  const base = given
    ? Object.entries(input.priorities ?? {}).map(([name, vals]) => ({
        name,
        target: input.targets?.[name] ?? null,
        source: input.targets?.[name] ? 'target from the mapping file' : 'no target given',
        words: vals.map(normaliseName),
      }))
    : DEFAULT_LEVELS.map((l) => ({
        ...l,
        target: input.targets?.[l.name] ?? l.target,
        source: input.targets?.[l.name] ? 'target from the mapping file' : l.source,
      }));
  const all: PriorityLevel[] = base.map((l) => ({ name: l.name, target: l.target, targetSource: l.source, values: [] }));
  const byValue = new Map<string, number>();
  for (const v of [...new Set(values)].sort()) {
    const key = normaliseName(v);
    let k = base.findIndex((l) => l.words.includes(key));
    if (k < 0) {
      const name = key.length > 0 ? key.slice(0, 24) : 'unnamed';
      k = all.findIndex((l) => l.name === name);
      if (k < 0) {
        all.push({ name, target: null, targetSource: 'no target: an export value no rule matched', values: [] });
        k = all.length - 1;
        notes.push(
          `priority value "${v.slice(0, 24)}" matched no level: it is its own level "${name}", below the others, without a target (map it in a mapping file)`,
        );
      }
    }
    all[k].values.push(v);
    byValue.set(v, k);
  }
  const used = all.map((l, i) => ({ l, i })).filter((x) => x.l.values.length > 0);
  const renumber = new Map(used.map((x, j) => [x.i, j]));
  const levelOf = new Map([...byValue].map(([v, k]) => [v, renumber.get(k) ?? 0]));
  return { levels: used.map((x) => x.l), levelOf, notes };
}

/** Modality synonyms: MRI -> MR, plain films -> XR, ultrasound -> US. */
const MODALITY_SYNONYMS: Record<string, string> = {
  MRI: 'MR',
  CR: 'XR',
  DX: 'XR',
  XRAY: 'XR',
  'X-RAY': 'XR',
  'PLAIN FILM': 'XR',
  RAD: 'XR',
  USS: 'US',
  ULTRASOUND: 'US',
  MAMMO: 'MG',
  MAMMOGRAPHY: 'MG',
};

export function normaliseModality(value: string, given?: Record<string, string[]>): string {
  const v = value.trim().toUpperCase();
  if (given) {
    for (const [name, vals] of Object.entries(given)) if (vals.some((x) => x.trim().toUpperCase() === v)) return name;
  }
  return MODALITY_SYNONYMS[v] ?? v;
}
