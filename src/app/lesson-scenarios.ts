// The scenarios behind the lessons, built from the bundled scenarios' text and the controls'
// values (no bundler features here, so that the app benchmark can build the same ones in Node).
import { type LoadedScenario, parseScenarioText, validateScenario } from '../scenario/scenario-text.js';

/** Lessons 1-4 simulate the teaching department at a tenth of its volume and roster, so that a run takes a second. */
export const SCALE = 0.1;
export interface WideningOptions {
  growth?: number;
  headcount?: number;
  efficiency?: number;
  arms?: Record<string, unknown>[];
}

/** The fields of the bundled scenarios that the lessons change (the validator checks the result). */
interface LessonRaw {
  streams: { volume: unknown; growth?: string }[];
  readers: { count: number; efficiency?: number; roster: { on: number }[] }[];
  ai: { sensitivity?: number; specificity?: number }[];
  arms?: unknown;
}

/** widening-gap.yaml (its text) at one tenth scale, with the controls' values. */
export function wideningGapLesson(text: string, v: WideningOptions): LoadedScenario {
  const raw = parseScenarioText('widening-gap.yaml', text) as unknown as LessonRaw;
  const headcount = v.headcount ?? 24;
  for (const s of raw.streams) {
    s.volume = String(s.volume).replace(/^[\d.]+/, (n) => String(Number(n) * SCALE));
    if (v.growth !== undefined) s.growth = `${v.growth}%/y`;
  }
  const readers = raw.readers[0];
  for (const shift of readers.roster) shift.on = Number(((shift.on * headcount * SCALE) / readers.count).toFixed(4));
  readers.count = headcount;
  if (v.efficiency !== undefined) readers.efficiency = v.efficiency / 100;
  raw.arms = v.arms ?? [{ name: 'without AI' }];
  return validateScenario('widening-gap.yaml', raw as unknown as Record<string, unknown>);
}

/** ed-head-ct-triage.yaml (its text) with the triage tool's sensitivity and specificity (fractions). */
export function triageLesson(text: string, sensitivity: number, specificity: number): LoadedScenario {
  const raw = parseScenarioText('ed-head-ct-triage.yaml', text) as unknown as LessonRaw;
  raw.ai[0].sensitivity = sensitivity;
  raw.ai[0].specificity = specificity;
  return validateScenario('ed-head-ct-triage.yaml', raw as unknown as Record<string, unknown>);
}
