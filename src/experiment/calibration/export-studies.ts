import type { ColumnMapping } from './column-mapping.js';
import type { ExportTable } from './export-table.js';
import { localTime, type TimeCell, timeReader } from './export-times.js';
import { mapPriorities, normaliseModality, type PriorityLevel, type PriorityMappingInput } from './priority-mapping.js';

/** One usable study of an export: aggregates only (no identifier survives this step). */
export interface ExportStudy {
  row: number;
  modality: string;
  /** Index into the priority levels (highest first). */
  priority: number;
  /** Instants, ms since 1970 UTC. */
  requested: number;
  reportStart: number | null;
  reported: number | null;
  /** Local wall clock of the request. */
  hourOfWeek: number;
  month: string;
  /** An anonymous index of the reporting radiologist (-1: unknown); the name is never kept. */
  reader: number;
}

/** Rows excluded (or kept with a remark) for one reason: how many and the first row numbers. */
export interface RowTally {
  reason: string;
  count: number;
  firstRows: number[];
}

/** Every row accounted for: read = used + the sum of the exclusions. */
export interface RowAccounting {
  read: number;
  used: number;
  excluded: RowTally[];
  /** Rows kept, with a remark (unreported, a daylight-saving reading, a reading time not used). */
  remarks: RowTally[];
}

export interface ExportOptions {
  /** IANA zone of wall times. */
  zone: string;
  dateFormat?: string;
  /** Keep requests in [from, to) only (ms); others are excluded as outside the period. */
  from?: number;
  to?: number;
  mapping: PriorityMappingInput & { modalities?: Record<string, string[]> };
}

export interface ExportStudies {
  studies: ExportStudy[];
  levels: PriorityLevel[];
  accounting: RowAccounting;
  notes: string[];
  /** Distinct reporting radiologists seen (a count only). */
  readerCount: number;
  /** The export has report-start times / reader names for at least one used row. */
  hasReportStart: boolean;
  hasReader: boolean;
}

class Tallies {
  private readonly map = new Map<string, RowTally>();
  add(reason: string, row: number): void {
    let t = this.map.get(reason);
    if (!t) {
      t = { reason, count: 0, firstRows: [] };
      this.map.set(reason, t);
    }
    t.count++;
    if (t.firstRows.length < 5) t.firstRows.push(row);
  }
  list(): RowTally[] {
    return [...this.map.values()];
  }
}

export const REASONS = {
  fields: 'wrong number of fields',
  modality: 'missing modality',
  priority: 'missing priority or patient source',
  requestMissing: 'missing request time',
  requestBad: 'unparseable request time',
  reportBad: 'unparseable report time',
  reportBefore: 'report before request',
  duplicate: 'duplicate (same accession number, or the same row again)',
  outside: 'request outside the period (--from/--to)',
} as const;

export const REMARKS = {
  unreported: 'no report time: unreported at the end (counted in volume, pattern and backlog; not in turnaround)',
  gap: 'a local time in the spring-forward gap, read as standard time',
  repeated:
    'a local time in the repeated autumn hour, read as its second occurrence (the first put the report before the request)',
  startBad: 'report start missing, unparseable or outside request..report: no reading time from this row',
} as const;

/**
 * Turns the table's rows into studies, accounting for every row: used, or excluded for one
 * reason (the first that applies, in the order of REASONS), with the first row numbers of each.
 * Identifiers (accession, patient, reader names) are used only inside this function: to find
 * duplicates and to count distinct readers.
 */
export function readStudies(table: ExportTable, mapping: ColumnMapping, options: ExportOptions): ExportStudies {
  const c = mapping.columns;
  const readTime = timeReader({ zone: options.zone, format: options.dateFormat });
  const excluded = new Tallies();
  const remarks = new Tallies();
  const width = table.header.length;
  const cell = (r: string[], i: number | undefined) => (i === undefined ? '' : (r[i] ?? '').trim());
  // First pass: the priority values in use, for the level mapping.
  const priorityValues = new Set<string>();
  for (const r of table.rows) {
    const p = cell(r, c.priority);
    if (p) priorityValues.add(p);
  }
  const { levels, levelOf, notes } = mapPriorities(priorityValues, options.mapping);
  const seen = new Set<string>();
  const readers = new Map<string, number>();
  const studies: ExportStudy[] = [];
  let hasReportStart = false;
  const asMs = (t: TimeCell) => (typeof t === 'string' ? null : t);
  for (let k = 0; k < table.rows.length; k++) {
    const r = table.rows[k];
    const row = table.rowNumbers[k];
    if (r.length !== width) {
      excluded.add(`${REASONS.fields} (expected ${width})`, row);
      continue;
    }
    const modality = cell(r, c.modality);
    if (!modality) {
      excluded.add(REASONS.modality, row);
      continue;
    }
    const prio = cell(r, c.priority);
    if (!prio) {
      excluded.add(REASONS.priority, row);
      continue;
    }
    const req = readTime(cell(r, c.requested));
    if (req === 'missing') {
      excluded.add(REASONS.requestMissing, row);
      continue;
    }
    if (req === 'unparseable') {
      excluded.add(REASONS.requestBad, row);
      continue;
    }
    const rep = readTime(cell(r, c.reported));
    if (rep === 'unparseable') {
      excluded.add(REASONS.reportBad, row);
      continue;
    }
    let reported: number | null = null;
    let repeated = false;
    const reqT = asMs(req);
    const repT = asMs(rep);
    if (reqT && repT) {
      reported = repT.ms;
      if (reported < reqT.ms && repT.alt !== undefined && repT.alt >= reqT.ms) {
        reported = repT.alt;
        repeated = true;
      }
      if (reported < reqT.ms) {
        excluded.add(REASONS.reportBefore, row);
        continue;
      }
    }
    const requested = (reqT as { ms: number }).ms;
    // Duplicates: the same accession number, or without one, the same row again.
    const key =
      c.accession !== undefined && cell(r, c.accession) !== '' ? `a\u0000${cell(r, c.accession)}` : `r\u0000${r.join('\u0001')}`;
    if (seen.has(key)) {
      excluded.add(REASONS.duplicate, row);
      continue;
    }
    seen.add(key);
    if ((options.from !== undefined && requested < options.from) || (options.to !== undefined && requested >= options.to)) {
      excluded.add(REASONS.outside, row);
      continue;
    }
    if (reported === null) remarks.add(REMARKS.unreported, row);
    if (reqT?.gap || repT?.gap) remarks.add(REMARKS.gap, row);
    if (repeated) remarks.add(REMARKS.repeated, row);
    let reportStart: number | null = null;
    if (c.reportStart !== undefined && reported !== null) {
      const st = asMs(readTime(cell(r, c.reportStart)));
      if (st) {
        let s = st.ms;
        if (s > reported && st.alt === undefined) s = Number.NaN;
        if (st.alt !== undefined && s < requested && st.alt <= reported) s = st.alt;
        if (s >= requested && s <= reported) {
          reportStart = s;
          hasReportStart = true;
        }
      }
      if (reportStart === null) remarks.add(REMARKS.startBad, row);
    }
    let reader = -1;
    const name = cell(r, c.reader);
    if (name) {
      reader = readers.get(name) ?? readers.size;
      readers.set(name, reader);
    }
    const local = localTime(requested, options.zone);
    studies.push({
      row,
      modality: normaliseModality(modality, options.mapping.modalities).slice(0, 16),
      priority: levelOf.get(prio) ?? 0,
      requested,
      reportStart,
      reported,
      hourOfWeek: local.hourOfWeek,
      month: local.month,
      reader,
    });
  }
  const ex = excluded.list();
  return {
    studies,
    levels,
    accounting: {
      read: table.rows.length,
      used: studies.length,
      excluded: ex,
      remarks: remarks.list(),
    },
    notes,
    readerCount: readers.size,
    hasReportStart,
    hasReader: readers.size > 0,
  };
}
