import { HOURS_PER_WEEK } from '../../engine/index.js';
import type { ShiftSpec } from '../../model/roster.js';
import { type ShiftTemplate, templateHours } from './shift-templates.js';

/**
 * Readers on duty per hour as roster lines: on each day, runs of hours with the same number of
 * readers, equal runs of different days on one line. Each run is one shift (readers change at
 * its start and end), which is how a staffing given hour by hour is simulated.
 */
export function hourlyShifts(staffing: readonly number[]): ShiftSpec[] {
  const runs = new Map<string, ShiftSpec>();
  for (let d = 0; d < 7; d++) {
    let h = 0;
    while (h < 24) {
      const on = staffing[d * 24 + h];
      let e = h + 1;
      while (e < 24 && staffing[d * 24 + e] === on) e++;
      if (on > 0) {
        const key = `${h}-${e}-${on}`;
        const run = runs.get(key) ?? { days: [], from: h * 60, length: (e - h) * 60, on };
        run.days.push(d);
        runs.set(key, run);
      }
      h = e;
    }
  }
  return [...runs.values()].sort((a, b) => a.days[0] - b.days[0] || a.from - b.from);
}

/**
 * The found roster as roster lines, the same lines the output writes and the simulation runs:
 * one line per shift template used, when the used templates do not overlap; else (the scenario
 * format wants each time of the week on one line) the readers on duty hour by hour (hourlyShifts).
 */
export function rosterShifts(templates: readonly ShiftTemplate[], counts: readonly number[]): ShiftSpec[] {
  const used = templates.map((t, i) => ({ t, on: counts[i] })).filter((x) => x.on > 0);
  const seen = new Array<number>(HOURS_PER_WEEK).fill(0);
  for (const { t } of used) for (const h of templateHours(t)) seen[h]++;
  if (seen.every((n) => n <= 1)) return used.map(({ t, on }) => ({ days: [...t.days], from: t.from, length: t.length, on }));
  const staffing = new Array<number>(HOURS_PER_WEEK).fill(0);
  for (const { t, on } of used) for (const h of templateHours(t)) staffing[h] += on;
  return hourlyShifts(staffing);
}
