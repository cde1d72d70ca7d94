import { basename } from 'node:path';
import type { CommandModule } from 'yargs';
import type { Calibration } from '../../experiment/calibration/calibrate.js';
import { textTable } from '../../report/summary-table.js';
import { UsageError } from '../cli-error.js';
import { COMMAND_INFO } from '../command-list.js';
import { type ExportOptionArgs, exportOptions, loadExport, writeOwnFile } from './export-options.js';

interface CalibrateArgs extends ExportOptionArgs {
  export: string;
  out: string;
  name?: string;
  'min-stream': number;
  'max-read'?: number;
}

const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The fitted numbers as a table for the terminal: one row per stream. */
export function calibrationTable(c: Calibration): string[][] {
  const rows = [['stream', 'studies', 'volume/day [95%]', 'growth/y [95%]', 'read min [95%]', 'cv [95%]', 'read source']];
  for (const s of c.streams) {
    const v = s.volume;
    const rt = s.readTime;
    rows.push([
      s.name,
      String(s.n),
      `${f(v.perDay, 2)} [${f(v.perDayInterval[0], 2)}, ${f(v.perDayInterval[1], 2)}]`,
      v.growth === null || !v.growthInterval
        ? '0% (assumed)'
        : `${pct(v.growth)} [${pct(v.growthInterval[0])}, ${pct(v.growthInterval[1])}]`,
      rt.fit
        ? `${f(rt.mean, 2)} [${f(rt.fit.meanInterval[0], 2)}, ${f(rt.fit.meanInterval[1], 2)}]`
        : `${f(rt.mean, 2)} (assumed)`,
      rt.fit ? `${f(rt.cv, 3)} [${f(rt.fit.cvInterval[0], 3)}, ${f(rt.fit.cvInterval[1], 3)}]` : `${f(rt.cv, 3)} (assumed)`,
      rt.fit ? `${rt.fit.dist}, ${rt.fit.n} reads` : 'default',
    ]);
  }
  return rows;
}

export const calibrateCommand: CommandModule<object, CalibrateArgs> = {
  ...COMMAND_INFO.calibrate,
  builder: (y) =>
    exportOptions(y)
      .positional('export', { type: 'string', describe: 'the export file (CSV or TSV)', demandOption: true })
      .option('out', { alias: 'o', type: 'string', default: 'our-department.yaml', describe: 'the scenario file to write' })
      .option('name', { type: 'string', describe: 'the scenario name (default: "Our department")' })
      .option('min-stream', { type: 'number', default: 100, describe: 'streams with fewer studies are merged per priority' })
      .option('max-read', {
        type: 'number',
        describe: 'reading times above this (minutes) are outliers (default: 10 XR, 30 US, 60 others; Cowan 2013)',
      })
      .example('$0 calibrate ris-2025.csv --tz Europe/Paris --out our-department.yaml', 'fit a scenario to a year of exports')
      .example('$0 calibrate export.csv --column requested="Order Time" --column reported="Signed"', 'name the columns'),
  handler: async (argv) => {
    if (!(argv.minStream >= 1)) throw new UsageError(`--min-stream: expected a number >= 1, found ${argv.minStream}`);
    if (argv.maxRead !== undefined && !(argv.maxRead > 0))
      throw new UsageError(`--max-read: expected minutes > 0, found ${argv.maxRead}`);
    const { table, mapping, options } = await loadExport(argv.export, argv);
    const [{ CalibrationError }, { calibrate }, { accountingLines, scenarioText }] = await Promise.all([
      import('../../experiment/calibration/calibration-error.js'),
      import('../../experiment/calibration/calibrate.js'),
      import('../../experiment/calibration/calibration-yaml.js'),
    ]);
    let c: Calibration;
    try {
      c = calibrate(table, mapping, { ...options, minStream: argv.minStream, maxReadMin: argv.maxRead });
    } catch (e) {
      if (e instanceof CalibrationError) throw new UsageError(e.message);
      throw e;
    }
    const text = scenarioText(c, { name: argv.name ?? 'Our department', exportName: basename(argv.export) });
    writeOwnFile(argv.out, text, (first) => first.startsWith('# Calibrated by readsim'));
    const out: string[] = [];
    out.push(`Columns (${table.delimiter === '\t' ? 'tab' : `"${table.delimiter}"`}-separated, ${table.header.length} columns):`);
    for (const l of c.mappingLines) out.push(`  ${l}`);
    out.push('');
    out.push(...accountingLines(c).map((l) => l.replace(/^# ?/, '')));
    out.push('');
    out.push(`Requests ${c.firstDate} to ${c.lastDate} (${c.zone}); ${c.levels.length} priorities; ${c.streams.length} streams:`);
    out.push(textTable(calibrationTable(c)));
    out.push('');
    const r = c.roster;
    out.push(`Roster: at most ${Math.max(...r.on)} readers on, headcount ${r.count} (${r.method}).`);
    out.push(`Efficiency ${r.efficiency} (${r.efficiencyMethod}).`);
    for (const t of c.turnaround)
      if (t.n)
        out.push(
          `Observed turnaround, ${t.priority}: p50 ${f(t.p50 / 60, 1)} h, p90 ${f(t.p90 / 60, 1)} h${t.withinTarget !== null ? `, ${pct(t.withinTarget)} within target` : ''} (${t.n} reported)`,
        );
    for (const n of c.notes) out.push(`Note: ${n}`);
    out.push('');
    out.push(
      `Wrote ${argv.out}. Next: readsim backtest ${argv.out} ${argv.export}${argv.tz !== 'UTC' ? ` --tz ${argv.tz}` : ''}`,
    );
    process.stdout.write(`${out.join('\n')}\n`);
  },
};
