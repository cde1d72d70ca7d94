import { stringify } from 'csv-stringify/sync';
import seedrandom from 'seedrandom';
import { Department } from '../../model/department.js';
import type { LoadedScenario } from '../../scenario/load-scenario.js';
import { StudyLog } from './study-log.js';

export interface SyntheticExportOptions {
  /** Arm index (default 0). */
  arm?: number;
  seed: number;
  /** Calendar date of time 0 (a Monday) when the scenario gives none. */
  defaultStart?: string;
}

export const SYNTHETIC_HEADER = [
  'Accession Number',
  'Patient ID',
  'Modality',
  'Patient Source',
  'Requested',
  'Report Started',
  'Reported',
  'Radiologist',
];

/** Simulated minutes from a Monday as a wall-clock time "2026-01-05 08:13:27" (the model knows no daylight saving). */
export function wallClock(startDate: string, minutes: number): string {
  const ms = Date.parse(`${startDate}T00:00:00Z`) + Math.round(minutes * 60) * 1000;
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * A synthetic RIS export from a known scenario: one replication of one arm run with a StudyLog,
 * one row per study in arrival order (CSV text with a header): a made-up accession number,
 * patient id and radiologist name (distinctive, so that a test can check none leaks into a
 * calibration), the modality, the priority name as the patient source, and the request, report
 * start (start of the read that reported it) and report times as local wall-clock times.
 * Studies unreported at the horizon have empty report times.
 */
export function syntheticExport(scenario: LoadedScenario, options: SyntheticExportOptions): { text: string; rows: number } {
  const arm = options.arm ?? 0;
  const config = scenario.departments[arm];
  const log = new StudyLog(config.readers.map((g) => g.roster));
  new Department(config, { seed: options.seed, replication: 0, arm: scenario.resolved.arms[arm].name, trace: log }).run();
  const start = scenario.resolved.start ?? options.defaultStart ?? '2026-01-05';
  const rng = seedrandom(`synthetic-patients-${options.seed}`);
  const rows: string[][] = [[...SYNTHETIC_HEADER]];
  for (let k = 0; k < log.size; k++) {
    const s = config.streams[log.stream[k]];
    const reported = log.reportedAt[k];
    const done = !Number.isNaN(reported);
    const hasRead = done && !Number.isNaN(log.readStart[k]);
    rows.push([
      `SYN${options.seed}-${String(k + 1).padStart(7, '0')}`,
      `PT${String(Math.floor(rng() * 9e7) + 1e7)}`,
      s.modality,
      config.priorities[s.priority].name,
      wallClock(start, log.arrival[k]),
      hasRead ? wallClock(start, log.readStart[k]) : '',
      done ? wallClock(start, reported) : '',
      hasRead ? `Dr Synth-${log.group[k] + 1}-${String(log.place[k] + 1).padStart(2, '0')}` : '',
    ]);
  }
  // csv-stringify quotes a modality or priority name holding a comma, a quote or a line break.
  return { text: stringify(rows, { record_delimiter: '\n' }), rows: log.size };
}
