import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { load as loadYaml } from 'js-yaml';
import type { Argv } from 'yargs';
import type { ColumnMapping } from '../../experiment/calibration/column-mapping.js';
import type { ExportOptions } from '../../experiment/calibration/export-studies.js';
import type { ExportTable } from '../../experiment/calibration/export-table.js';
import { UsageError } from '../cli-error.js';

/** Options of the commands that read a RIS export (calibrate, backtest). */
export function exportOptions<T>(y: Argv<T>) {
  return y
    .option('column', {
      type: 'string',
      array: true,
      describe:
        'FIELD=HEADER: the export column of a field (modality, priority, requested, reportStart, reported, reader, accession, patient, bodyPart); repeatable',
    })
    .option('mapping', { type: 'string', describe: 'a mapping file (YAML): columns, priorities, targets, modalities' })
    .option('tz', { type: 'string', default: 'UTC', describe: 'IANA time zone of the export\u2019s times, e.g. Europe/Paris' })
    .option('date-format', {
      type: 'string',
      describe: 'format of the times when not ISO 8601 or Excel serial, e.g. "dd/MM/yyyy HH:mm"',
    })
    .option('from', { type: 'string', describe: 'use requests from this date (ISO, in --tz)' })
    .option('to', { type: 'string', describe: 'use requests before this date (ISO, in --tz)' });
}

/** The export options as {@link exportOptions} declares them (yargs adds the camelCase names: dateFormat). */
export interface ExportOptionArgs {
  column?: string[];
  mapping?: string;
  tz: string;
  'date-format'?: string;
  from?: string;
  to?: string;
}

export interface ExportArgs {
  column?: string[];
  mapping?: string;
  tz: string;
  dateFormat?: string;
  from?: string;
  to?: string;
}

interface MappingFile {
  columns?: Record<string, string>;
  priorities?: Record<string, string[]>;
  targets?: Record<string, string>;
  modalities?: Record<string, string[]>;
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      `${file}: ${code === 'ENOENT' ? `no such ${what}` : `cannot be read (${code ?? (e as Error).message})`}`,
    );
  }
}

/** At most 40 characters of a value for a message. */
function clip(text: string, max = 40): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 3)}...` : one;
}

function checkStringMap(file: string, key: string, v: unknown, lists: boolean): void {
  if (v === undefined) return;
  if (!v || typeof v !== 'object' || Array.isArray(v))
    throw new UsageError(`${file}: ${key}: expected a mapping, found ${Array.isArray(v) ? 'a list' : JSON.stringify(v)}`);
  for (const [k, x] of Object.entries(v)) {
    const ok = lists ? Array.isArray(x) && x.every((e) => typeof e === 'string' || typeof e === 'number') : typeof x === 'string';
    if (!ok)
      throw new UsageError(
        `${file}: ${key}.${k}: expected ${lists ? 'a list of export values' : 'text'}, found ${clip(JSON.stringify(x) ?? 'nothing')}`,
      );
  }
}

function readMapping(file: string): MappingFile {
  let raw: unknown;
  try {
    raw = loadYaml(readText(file, 'mapping file'));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${file}: cannot be read as YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new UsageError(
      `${file}: expected a mapping file with columns:, priorities:, targets: or modalities:, found ${Array.isArray(raw) ? 'a list' : 'text'}`,
    );
  const m = raw as Record<string, unknown>;
  for (const key of Object.keys(m))
    if (!['columns', 'priorities', 'targets', 'modalities'].includes(key))
      throw new UsageError(`${file}: ${clip(key)}: unknown field (expected columns, priorities, targets or modalities)`);
  checkStringMap(file, 'columns', m.columns, false);
  checkStringMap(file, 'priorities', m.priorities, true);
  checkStringMap(file, 'targets', m.targets, false);
  checkStringMap(file, 'modalities', m.modalities, true);
  const strList = (x: unknown) =>
    x ? Object.fromEntries(Object.entries(x as Record<string, unknown[]>).map(([k, v]) => [k, v.map(String)])) : undefined;
  return {
    columns: m.columns as Record<string, string> | undefined,
    priorities: strList(m.priorities),
    targets: m.targets as Record<string, string> | undefined,
    modalities: strList(m.modalities),
  };
}

export interface LoadedExport {
  table: ExportTable;
  mapping: ColumnMapping;
  options: ExportOptions;
}

/** Reads an export and its mapping as the options say; every problem is a UsageError naming the file. */
export async function loadExport(file: string, a: ExportArgs): Promise<LoadedExport> {
  // Loaded on first use, so that other commands do not pay for the CSV and time-zone libraries.
  const [{ CalibrationError }, { mapColumns }, { parseExport }, { isKnownZone, timeReader }] = await Promise.all([
    import('../../experiment/calibration/calibration-error.js'),
    import('../../experiment/calibration/column-mapping.js'),
    import('../../experiment/calibration/export-table.js'),
    import('../../experiment/calibration/export-times.js'),
  ]);
  if (!isKnownZone(a.tz))
    throw new UsageError(`--tz: expected an IANA time zone such as Europe/Paris or UTC, found "${clip(a.tz)}"`);
  const mf = a.mapping ? readMapping(a.mapping) : {};
  const given: Record<string, string> = { ...(mf.columns ?? {}) };
  for (const c of a.column ?? []) {
    const m = /^([A-Za-z]+)=(.+)$/.exec(c);
    if (!m) throw new UsageError(`--column ${clip(c)}: expected FIELD=HEADER, such as modality=Exam Modality`);
    given[m[1]] = m[2];
  }
  const day = (opt: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    const t = timeReader({ zone: a.tz })(v);
    if (typeof t === 'string') throw new UsageError(`--${opt}: expected a date such as 2026-01-01, found "${clip(v)}"`);
    return t.ms;
  };
  const text = readText(file, 'export file');
  try {
    const table = parseExport(file, text);
    const mapping = mapColumns(file, table.header, given);
    return {
      table,
      mapping,
      options: {
        zone: a.tz,
        dateFormat: a.dateFormat,
        from: day('from', a.from),
        to: day('to', a.to),
        mapping: { priorities: mf.priorities, targets: mf.targets, modalities: mf.modalities },
      },
    };
  } catch (e) {
    if (e instanceof CalibrationError) throw new UsageError(e.message);
    throw e;
  }
}

/** First line of a file readsim may overwrite, or null when the file does not exist. */
function firstLine(file: string): string | null {
  if (!existsSync(file)) return null;
  try {
    return readFileSync(file, 'utf8').split('\n', 1)[0];
  } catch {
    return '';
  }
}

/**
 * Writes a file whole (a temporary file renamed into place), refusing to replace a file that
 * readsim did not write (`mine` tells from its first line).
 */
export function writeOwnFile(file: string, text: string, mine: (first: string) => boolean): void {
  const first = firstLine(file);
  if (first !== null && !mine(first))
    throw new UsageError(`${file}: exists and was not written by readsim; choose another --out or remove it yourself`);
  const tmp = `${file}.partial-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}
