import type { Calibration } from './calibrate.js';
import type { RowTally } from './export-studies.js';
import { rosterEntries } from './roster-fit.js';

const f = (x: number, d = 2) => (Number.isFinite(x) ? Number(x.toFixed(d)).toString() : 'n/a');
const pct = (x: number, d = 1) => `${f(x * 100, d)}%`;
const range = ([a, b]: [number, number], fmt: (x: number) => string) => `${fmt(a)} to ${fmt(b)}`;
const q = (s: string) => JSON.stringify(s);

function tallyLines(title: string, list: RowTally[]): string[] {
  if (!list.length) return [`#   ${title}: none`];
  return [
    `#   ${title}:`,
    ...list.map(
      (t) => `#     ${t.count} ${t.reason} (first rows ${t.firstRows.join(', ')}${t.count > t.firstRows.length ? ', ...' : ''})`,
    ),
  ];
}

/** The row accounting as comment lines: rows read, used, excluded by reason with first rows. */
export function accountingLines(c: Calibration): string[] {
  const a = c.data.accounting;
  return [
    `# Rows: ${a.read} read, ${a.used} used, ${a.read - a.used} excluded.`,
    ...tallyLines('excluded', a.excluded),
    ...tallyLines('kept with a remark', a.remarks),
  ];
}

export interface ScenarioTextOptions {
  name: string;
  /** The export's file name (no folder), for the description. */
  exportName: string;
}

/**
 * The calibrated scenario as YAML text: every fitted number with a comment saying where it
 * came from (method, data, interval) and every default marked as an assumption. Aggregates only:
 * nothing of a row's identifiers is written.
 */
export function scenarioText(c: Calibration, o: ScenarioTextOptions): string {
  const L: string[] = [];
  const a = c.data.accounting;
  L.push(
    `# Calibrated by readsim (readsim calibrate) from ${q(o.exportName)}: requests ${c.firstDate} to ${c.lastDate}, times read in ${c.zone}.`,
  );
  L.push('# Aggregates only: no accession number, patient id or reader name from the export is written here.');
  L.push(...accountingLines(c));
  for (const n of c.notes) L.push(`# Note: ${n}`);
  L.push(`name: ${q(o.name)}`);
  L.push('description: >');
  L.push(`  Calibrated from a RIS export of ${a.used} studies (${c.firstDate} to ${c.lastDate}). Volumes are the`);
  L.push('  fitted rates at the end of the data, growing at the fitted rate; check with readsim backtest');
  L.push('  before asking it questions.');
  L.push('sources:');
  L.push(`  - ${q(`Export ${o.exportName}: ${a.used} of ${a.read} rows used, ${c.firstDate} to ${c.lastDate} (${c.zone})`)}`);
  L.push(`  - ${q('Growth: log-linear regression of monthly rates (95% interval); pattern: hour-of-week counts over exposure')}`);
  L.push(
    `  - ${q(`Reading times: report start to report, outliers ${c.readCap} set aside, lognormal or gamma by maximum likelihood`)}`,
  );
  L.push(`  - ${q('Targets: emergency 1 h (WTA), inpatient 24 h (RCR audit), outpatient 28 days (NHS England) unless mapped')}`);
  L.push(`start: ${c.start} # the Monday after the data end`);
  L.push('horizon: 1y # assumption: one year ahead');
  L.push('warmup: 4w # the simulation starts empty; the backlog below is queued at time 0');
  L.push('period: week');
  L.push('replications: 10');
  L.push('seed: 1');
  L.push('priorities: # highest first');
  c.levels.forEach((l, i) => {
    const t = c.turnaround[i];
    const obs = t.n
      ? `observed p50 ${f(t.p50 / 60, 1)} h, p90 ${f(t.p90 / 60, 1)} h${t.withinTarget !== null ? `, ${pct(t.withinTarget)} within target` : ''} (${t.n} reported)`
      : 'no reported study';
    L.push(`  - name: ${q(l.name)} # export values: ${l.values.map((v) => q(v.slice(0, 24))).join(', ')}; ${obs}`);
    if (l.target) L.push(`    target: ${l.target} # ${l.targetSource}`);
  });
  L.push('streams:');
  for (const s of c.streams) {
    const v = s.volume;
    const rt = s.readTime;
    L.push(
      `  - name: ${q(s.name)} # ${s.n} studies${s.merged.length > 1 || s.modality === 'OTHER' ? ` (merged: ${s.merged.join(', ')})` : ''}`,
    );
    L.push(`    modality: ${q(s.modality)}`);
    L.push(`    priority: ${q(c.levels[s.priority].name)}`);
    L.push(
      `    volume: ${f(v.perDay, 3)}/day # rate at the end of the data, ${v.method}; 95% interval ${range(v.perDayInterval, (x) => f(x, 2))}/day`,
    );
    if (v.growth !== null && v.growthInterval)
      L.push(`    growth: ${pct(v.growth, 2)}/y # ${v.method}; 95% interval ${range(v.growthInterval, (x) => pct(x, 1))}/y`);
    else L.push('    growth: 0%/y # assumption: too few whole months to fit growth');
    L.push(
      `    # pattern: hour-of-week weights (mean 1, Monday 00-01 first) from ${s.pattern.n} requests${s.pattern.smoothed ? `, smoothed toward the ${c.levels[s.priority].name} pattern (fewer than 20 per hour of the week)` : ''}`,
    );
    const w = s.pattern.weights.map((x) => f(x, 3));
    L.push('    pattern: [');
    for (let d = 0; d < 7; d++) L.push(`      ${w.slice(d * 24, d * 24 + 24).join(', ')}${d < 6 ? ',' : ']'}`);
    const ci =
      rt.fit !== null
        ? `; 95% intervals mean ${range(rt.fit.meanInterval, (x) => f(x, 2))} min, cv ${range(rt.fit.cvInterval, (x) => f(x, 3))}; ${rt.fit.dist} fits better (log-likelihood ${f(rt.fit.logLik.lognormal, 0)} lognormal, ${f(rt.fit.logLik.gamma, 0)} gamma)`
        : '';
    L.push(`    readTime: { dist: ${rt.dist}, mean: ${f(rt.mean, 2)}m, cv: ${f(rt.cv, 3)} } # ${rt.source}${ci}`);
    if (s.readTimesOutliers > 0)
      L.push(`    # ${s.readTimesOutliers} reading time(s) set aside by the outlier rule (0 or less, or ${c.readCap})`);
    L.push(`    backlog: ${s.backlog} # studies unreported at the end of the data`);
  }
  const r = c.roster;
  L.push('readers:');
  L.push('  - name: radiologists');
  L.push(
    `    count: ${r.count} # ${c.data.hasReader ? `readers seen in the last 4 weeks of the data (${c.data.readerCount} in all), at least the most on at once` : 'assumption: from the roster'}`,
  );
  L.push(`    # roster: ${r.method}`);
  L.push('    roster:');
  for (const e of rosterEntries(r.on)) L.push(`      - { days: ${q(e.days)}, from: ${q(e.from)}, to: ${q(e.to)}, on: ${e.on} }`);
  L.push(`    efficiency: ${r.efficiency} # ${r.efficiencyMethod}`);
  L.push('    shiftEnd: finish # assumption: a reader finishes the study in hand');
  L.push('worklist:');
  L.push('  order: priority # assumption: highest priority first, oldest first within a level');
  L.push('arms:');
  L.push('  - { name: as calibrated }');
  return `${L.join('\n')}\n`;
}
