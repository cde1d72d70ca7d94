import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import type { CommandModule } from 'yargs';
import { UnreachableTargetError } from '../../experiment/staffing/initial-staffing.js';
import { ShiftCoverError } from '../../experiment/staffing/shift-cover.js';
import { DEFAULT_SHIFT_TEMPLATES, type ShiftTemplate } from '../../experiment/staffing/shift-templates.js';
import { horizonYears, StaffingError, solveStaffing } from '../../experiment/staffing/staffing-solver.js';
import type { StaffingTarget } from '../../experiment/staffing/staffing-target.js';
import { staffingJson, staffingText, writeStaffingResults } from '../../report/staffing-output.js';
import { loadScenario } from '../../scenario/load-scenario.js';
import { parseClock, parseDays, parseDuration, parseShare, type UnitError } from '../../scenario/units.js';
import { UsageError } from '../cli-error.js';
import { interruptSignal } from '../progress.js';
import { shownPath } from './run-command.js';

interface StaffArgs {
  scenario: string;
  target: string[];
  year?: number;
  shifts?: string;
  arm?: string;
  out?: string;
  format: 'text' | 'json';
  seed?: number;
  weeks: number;
  replications: number;
  'final-replications'?: number;
  confidence: number;
  'contracted-hours'?: number;
  availability?: number;
  'max-utilisation': number;
  set?: string[];
  jobs?: number;
  quiet: boolean;
}

/** "emergency:90%<=1h" as a target of the scenario's priorities. */
export function parseTarget(text: string, priorities: readonly string[]): StaffingTarget {
  const m = /^\s*([^:]+?)\s*:\s*([^<]+?)\s*<=\s*(.+?)\s*$/.exec(text);
  if (!m) throw new UsageError(`--target ${text}: expected PRIORITY:SHARE<=TIME, such as emergency:90%<=1h`);
  const priority = priorities.indexOf(m[1]);
  if (priority < 0)
    throw new UsageError(`--target ${text}: no priority "${m[1]}" in the scenario (it has ${priorities.join(', ')})`);
  let goal: number;
  let within: number;
  try {
    goal = parseShare(m[2]);
  } catch (e) {
    throw new UsageError(`--target ${text}: the share ${(e as UnitError).message}`);
  }
  try {
    within = parseDuration(m[3]);
  } catch (e) {
    throw new UsageError(`--target ${text}: the time ${(e as UnitError).message}`);
  }
  if (!(goal > 0 && goal < 1)) throw new UsageError(`--target ${text}: expected a share above 0% and below 100%, found ${m[2]}`);
  if (!(within > 0)) throw new UsageError(`--target ${text}: expected a time above 0, found ${m[3]}`);
  return { priority, name: m[1], within, goal };
}

/** Reads a shift template file: `shifts: [{ name, days, from, to }]`, whole hours. */
export function readShiftTemplates(file: string): ShiftTemplate[] {
  let raw: unknown;
  try {
    raw = loadYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      `${file}: ${code === 'ENOENT' ? 'no such file' : `cannot be read as YAML (${(e as Error).message.split('\n')[0]})`}`,
    );
  }
  const list = (raw as { shifts?: unknown } | null)?.shifts;
  if (!Array.isArray(list) || list.length === 0)
    throw new UsageError(
      `${file}: shifts: expected a list of shift templates ({ name, days, from, to }), found ${JSON.stringify(list ?? raw)}`,
    );
  return list.map((item, i) => {
    const at = `${file}: shifts[${i + 1}]`;
    if (!item || typeof item !== 'object')
      throw new UsageError(`${at}: expected { name, days, from, to }, found ${JSON.stringify(item)}`);
    const s = item as Record<string, unknown>;
    const field = <T>(name: string, parse: (v: string) => T): T => {
      if (typeof s[name] !== 'string') throw new UsageError(`${at}.${name}: expected text, found ${JSON.stringify(s[name])}`);
      try {
        return parse(s[name] as string);
      } catch (e) {
        throw new UsageError(`${at}.${name}: ${(e as Error).message}`);
      }
    };
    const days = field('days', parseDays);
    const from = field('from', parseClock);
    const to = field('to', parseClock);
    for (const [name, v] of [
      ['from', from],
      ['to', to],
    ] as const)
      if (v % 60 !== 0) throw new UsageError(`${at}.${name}: expected a whole hour such as "08:00", found "${s[name]}"`);
    const length = to > from ? to - from : to + 1440 - from;
    const name = typeof s.name === 'string' && s.name.trim() !== '' ? s.name : `shift ${i + 1}`;
    return { name, days, from: from % 1440, length };
  });
}

export const staffCommand: CommandModule<object, StaffArgs> = {
  command: 'staff <scenario>',
  describe: 'the smallest weekly roster that meets turnaround targets, per year: a hiring plan',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'scenario file (YAML or JSON)', demandOption: true })
      .option('target', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'PRIORITY:SHARE<=TIME, e.g. emergency:90%<=1h (repeatable)',
      })
      .option('year', { type: 'number', describe: 'staff this year of the horizon only (default: every year)' })
      .option('shifts', {
        type: 'string',
        describe: 'YAML file of allowed shift templates (default: weekday day/evening/night, weekend day/night)',
      })
      .option('arm', { type: 'string', describe: 'the arm whose department is staffed (default: the first)' })
      .option('out', { alias: 'o', type: 'string', describe: 'results folder (default: output/<scenario name>-staffing)' })
      .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'what to print' })
      .option('seed', { type: 'number', describe: "master seed (default: the scenario's)" })
      .option('weeks', { type: 'number', default: 26, describe: 'simulated weeks per replication (after the warm-up)' })
      .option('replications', { alias: 'r', type: 'number', default: 4, describe: 'replications per trial roster in the search' })
      .option('final-replications', { type: 'number', describe: "replications of the final check (default: the scenario's)" })
      .option('confidence', {
        type: 'number',
        default: 0.9,
        describe: 'one-sided confidence that a target is met (0.5: the mean)',
      })
      .option('contracted-hours', {
        type: 'number',
        describe: "rostered hours a week per reader (default: today's roster hours / today's headcount)",
      })
      .option('availability', {
        type: 'number',
        describe: 'share of contracted time not lost to leave and sickness (default 1; with --contracted-hours 0.8)',
      })
      .option('max-utilisation', {
        type: 'number',
        default: 0.9,
        describe: 'first guess: reading load at most this share of capacity',
      })
      .option('set', { type: 'string', array: true, describe: 'PATH=VALUE changes, as for run' })
      .option('jobs', { alias: 'j', type: 'number', describe: 'worker threads (default: the cores)' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'no progress messages' })
      .example(
        '$0 staff scenarios/widening-gap.yaml --target emergency:90%<=2h --year 5',
        'how many radiologists, on which shifts, in year 5?',
      )
      .example(
        '$0 staff scenarios/widening-gap.yaml --target emergency:90%<=2h --target inpatient:90%<=24h',
        'a hiring plan: readers needed in every year of the horizon',
      ),
  handler: async (argv) => {
    const scenario = loadScenario(argv.scenario, { set: argv.set });
    const names = scenario.resolved.arms.map((a) => a.name);
    const arm = argv.arm === undefined ? 0 : names.indexOf(argv.arm);
    if (arm < 0) throw new UsageError(`--arm ${argv.arm}: no such arm (the scenario has ${names.join(', ')})`);
    const cfg = scenario.departments[arm];
    const targets = argv.target.map((t) =>
      parseTarget(
        t,
        cfg.priorities.map((p) => p.name),
      ),
    );
    const all = horizonYears(cfg);
    const whole = (name: string, v: number | undefined, min: number) => {
      if (v !== undefined && (!Number.isInteger(v) || v < min))
        throw new UsageError(`--${name}: expected a whole number >= ${min}, found ${v}`);
    };
    whole('year', argv.year, 1);
    whole('weeks', argv.weeks, 1);
    whole('replications', argv.replications, 2);
    whole('final-replications', argv['final-replications'], 2);
    whole('jobs', argv.jobs, 1);
    whole('seed', argv.seed, Number.MIN_SAFE_INTEGER);
    if (argv.year !== undefined && argv.year > all.length)
      throw new UsageError(`--year ${argv.year}: the scenario's horizon has ${all.length} year(s)`);
    const share = (name: string, v: number | undefined, lo: number) => {
      if (v !== undefined && !(v >= lo && v < 1 + (name === 'availability' || name === 'max-utilisation' ? 1e-12 : 0)))
        throw new UsageError(`--${name}: expected a number from ${lo} to ${name === 'confidence' ? 'below 1' : 1}, found ${v}`);
    };
    share('confidence', argv.confidence, 0.5);
    share('availability', argv.availability, 0.01);
    share('max-utilisation', argv['max-utilisation'], 0.05);
    const contracted = argv['contracted-hours'];
    if (contracted !== undefined && !(contracted > 0 && contracted <= 168))
      throw new UsageError(`--contracted-hours: expected hours a week above 0 and at most 168, found ${contracted}`);
    const templates = argv.shifts ? readShiftTemplates(argv.shifts) : [...DEFAULT_SHIFT_TEMPLATES];
    const outDir = resolve(argv.out ?? `output/${scenario.stem}-staffing`);
    const interrupt = interruptSignal();
    const say = (m: string) => {
      if (!argv.quiet && argv.format === 'text') process.stderr.write(`${m}\n`);
    };
    const started = Date.now();
    let result: Awaited<ReturnType<typeof solveStaffing>>;
    try {
      result = await solveStaffing(cfg, {
        targets,
        years: argv.year !== undefined ? [argv.year] : all,
        templates,
        seed: argv.seed ?? scenario.resolved.seed,
        searchReplications: argv.replications,
        finalReplications: argv['final-replications'] ?? Math.max(2, scenario.resolved.replications),
        weeks: argv.weeks,
        confidence: argv.confidence,
        contractedHours: contracted,
        availability: argv.availability ?? (contracted !== undefined ? 0.8 : undefined),
        maxUtilisation: argv['max-utilisation'],
        pool: { jobs: argv.jobs, signal: interrupt.signal },
        onStage: say,
      });
    } catch (e) {
      if (e instanceof StaffingError || e instanceof UnreachableTargetError || e instanceof ShiftCoverError)
        throw new UsageError(`${scenario.file}: ${e.message}`);
      throw e;
    }
    const seconds = (Date.now() - started) / 1000;
    const context = { scenario: scenario.resolved.name, arm: names[arm], seconds };
    await writeStaffingResults(outDir, result, context, interrupt.signal);
    if (argv.format === 'json') {
      process.stdout.write(`${JSON.stringify(staffingJson(result, context), null, 2)}\n`);
      return;
    }
    process.stdout.write(
      `${staffingText(result, context)}\nResults: ${shownPath(outDir)}/ (roster.yaml, staffing.json, staffing.csv, charts/)\n`,
    );
  },
};
