import { HOURS_PER_WEEK } from '../engine/index.js';
import { rosterShifts } from '../experiment/staffing/roster-shifts.js';
import { clockText, daysText, type ShiftTemplate } from '../experiment/staffing/shift-templates.js';
import type { StaffingResult, YearStaffing } from '../experiment/staffing/staffing-solver.js';
import { putChart, writeFolderAtomically } from './atomic-folder.js';
import { headcountChart, readersByHourChart } from './charts/staffing-charts.js';
import { csvText } from './csv.js';
import { fmt, fmtMinutes, fmtShare } from './format.js';
import { textTable } from './summary-table.js';

/** What the staffing output says about where it came from. */
export interface StaffingContext {
  scenario: string;
  arm: string;
  /** Wall-clock seconds (printed, never written to files: files are the same for the same seed). */
  seconds?: number;
}

/** One roster line as the scenario format writes it. */
export interface RosterLine {
  days: string;
  from: string;
  to: string;
  on: number;
}

/** The found roster as scenario roster lines: exactly the lines the solver simulated (rosterShifts). */
export function rosterLines(templates: readonly ShiftTemplate[], counts: readonly number[]): RosterLine[] {
  return rosterShifts(templates, counts).map((s) => ({
    days: daysText(s.days),
    from: clockText(s.from),
    to: s.from + s.length === 1440 ? '24:00' : clockText(s.from + s.length),
    on: s.on,
  }));
}

function targetText(t: { priority: string; goal: number; within: number }): string {
  return `${t.priority} ${fmt(t.goal * 100, 0)}% within ${fmtMinutes(t.within)}`;
}

/** The found rosters as scenario arms, ready to paste under `arms:` (written as the bundled scenarios write rosters). */
export function rosterYaml(r: StaffingResult, ctx: StaffingContext): string {
  const q = (s: string) => JSON.stringify(s);
  const out = [
    `# The rosters readsim staff found for ${q(ctx.scenario)} (the department of the arm ${q(ctx.arm)}).`,
    "# Paste the arms you want under the scenario's arms: and run it.",
    'arms:',
  ];
  for (const y of r.years) {
    out.push(`  - name: ${q(`staffed for year ${y.year}`)}`);
    out.push(
      `    description: ${q(`readsim staff: ${y.targets.map(targetText).join(', ')}; ${y.headcount} readers, ${fmt(y.rosteredHours, 0)} rostered hours a week`)}`,
    );
    out.push('    readers:');
    out.push(`      ${q(r.group)}:`);
    out.push(`        count: ${y.headcount}`);
    out.push('        roster:');
    for (const l of rosterLines(r.templates, y.counts))
      out.push(
        `          - { days: ${l.days.includes(',') ? q(l.days) : l.days}, from: ${q(l.from)}, to: ${q(l.to)}, on: ${l.on} }`,
      );
  }
  return `${out.join('\n')}\n`;
}

/** The answer for scripts (times in minutes, as in summary.json). */
export function staffingJson(r: StaffingResult, ctx: StaffingContext) {
  return {
    scenario: ctx.scenario,
    arm: ctx.arm,
    group: r.group,
    contracted_hours: r.contractedHours,
    availability: r.availability,
    confidence: r.confidence,
    simulation_runs: r.simulationRuns,
    years: r.years.map((y) => ({
      year: y.year,
      headcount: y.headcount,
      current_headcount: y.currentHeadcount,
      rostered_hours: y.rosteredHours,
      current_rostered_hours: y.currentRosteredHours,
      roster: rosterLines(r.templates, y.counts),
      shifts: r.templates.map((t, i) => ({ name: t.name, on: y.counts[i] })),
      targets: y.targets.map((t) => ({
        priority: t.priority,
        within: t.within,
        share: { mean: t.share.mean, ci95: t.share.ci },
        lower: t.lower,
        goal: t.goal,
        met: t.met,
      })),
      backlog_growth: y.backlogGrowth,
      simulation_runs: y.simulationRuns,
    })),
  };
}

/** The answer as text: the hiring plan, each year's targets in the final check, and the roster of the last year. */
export function staffingText(r: StaffingResult, ctx: StaffingContext): string {
  const out: string[] = [];
  const targets = r.years[0]?.targets ?? [];
  out.push(`${ctx.scenario}: readers (${r.group}) needed for ${targets.map(targetText).join(', ')}`);
  out.push(
    `Headcount = rostered hours a week / (${fmt(r.contractedHours, 1)} contracted hours x ${r.availability} availability), at least the most on duty at once.`,
  );
  out.push('');
  const rows: string[][] = [
    [
      'year',
      'headcount',
      'scenario',
      'rostered h/week',
      'scenario h/week',
      ...targets.map((t) => `${t.priority} <= ${fmtMinutes(t.within)}`),
    ],
  ];
  for (const y of r.years) {
    rows.push([
      String(y.year),
      String(y.headcount),
      fmt(y.currentHeadcount, Number.isInteger(y.currentHeadcount) ? 0 : 1),
      fmt(y.rosteredHours, 0),
      fmt(y.currentRosteredHours, 0),
      ...y.targets.map(
        (t) =>
          `${fmtShare(t.share.mean)} [${t.share.ci ? `${fmtShare(t.share.ci[0])}, ${fmtShare(t.share.ci[1])}` : '-'}] ${t.met ? 'met' : 'NOT met'} (goal ${fmtShare(t.goal)})`,
      ),
    ]);
  }
  out.push(textTable(rows));
  out.push('');
  out.push(
    `Shares within target: final check of the found roster, ${r.finalReplications} replications x ${r.weeks} weeks not used in the search (mean [95% interval]); met = the one-sided ${fmt(r.confidence * 100, 0)}% lower bound reaches the goal.`,
  );
  const last = r.years[r.years.length - 1];
  if (last) {
    out.push('');
    out.push(`Roster for year ${last.year} (${last.headcount} readers):`);
    for (const l of rosterLines(r.templates, last.counts))
      out.push(`  - { days: ${l.days}, from: "${l.from}", to: "${l.to}", on: ${l.on} }`);
  }
  out.push('');
  out.push(`${r.simulationRuns} simulation runs${ctx.seconds !== undefined ? ` in ${fmt(ctx.seconds, 1)} s` : ''}.`);
  return `${out.join('\n')}\n`;
}

/** staffing.csv: per year and hour of the week, the offered load and the staffings. */
export function staffingCsv(r: StaffingResult): string {
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const rows: unknown[][] = [];
  for (const y of r.years) {
    for (let h = 0; h < HOURS_PER_WEEK; h++) {
      // Numbers as text: this file keeps 4 decimals for loads, not csvText's 6 significant digits.
      rows.push([
        String(y.year),
        String(h),
        days[Math.floor(h / 24)],
        String(h % 24),
        y.load[h].toFixed(4),
        String(y.initial[h]),
        String(y.required[h]),
        String(y.staffing[h]),
        String(Number(y.current[h].toFixed(4))),
      ]);
    }
  }
  return csvText(
    ['year', 'hour_of_week', 'day', 'hour', 'offered_load', 'first_guess', 'iterative_requirement', 'roster', 'scenario_roster'],
    rows,
  );
}

/** Writes the staffing results folder atomically: roster.yaml, staffing.json, staffing.csv, summary.txt, charts/. */
export async function writeStaffingResults(
  outDir: string,
  r: StaffingResult,
  ctx: StaffingContext,
  signal?: AbortSignal,
): Promise<string[]> {
  const stable = { ...ctx, seconds: undefined };
  return writeFolderAtomically(
    outDir,
    async (put) => {
      await put('roster.yaml', rosterYaml(r, stable));
      await put('staffing.json', `${JSON.stringify(staffingJson(r, stable), null, 2)}\n`);
      await put('staffing.csv', staffingCsv(r));
      await put('summary.txt', staffingText(r, stable));
      const charts = [headcountChart(r), ...r.years.map((y: YearStaffing) => readersByHourChart(y, r.group))];
      const captions: string[] = [];
      for (const c of charts) {
        await putChart(put, c.name, c.spec, 'all');
        captions.push(`${c.name}.png: ${c.title}. ${c.caption}`);
      }
      await put('charts/captions.txt', `${captions.join('\n\n')}\n`);
    },
    signal,
  );
}
