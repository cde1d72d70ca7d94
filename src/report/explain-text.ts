import type { Explanation } from '../experiment/analytic-companion.js';
import { fmt, fmtMinutes } from './format.js';
import { textTable } from './summary-table.js';

/** Simulated figures to put beside the theory, per arm and year (from a results folder). */
export interface SimulatedYears {
  [arm: string]: { year: number; utilisation: number; backlogEnd: number; meanWait: number }[];
}

function years(x: number | null): string {
  if (x === null) return 'not within 100 years';
  if (x === 0) return 'already at the start';
  return `in ${x.toFixed(1)} years (year ${Math.floor(x) + 1})`;
}

/** The analytic companion in plain language. */
export function explainText(e: Explanation, simulated: SimulatedYears | null): string {
  const out: string[] = [];
  out.push(`${e.scenario}: what queueing theory says${simulated ? ', beside the simulation' : ''}`);
  out.push('');
  for (const arm of e.arms) {
    const workGrows = arm.streams.some((s) => s.workGrowth !== 0);
    const withImages = arm.streams.some((s) => s.imagesPerStudy !== null);
    const outsourcing = arm.streams.some((s) => s.outsourcedShare > 0);
    out.push(`== ${arm.arm}`);
    out.push(
      `Reading capacity: ${fmt(arm.readersOn, 1)} radiologists on duty on average (headcount ${fmt(arm.headcount, 0)}) x efficiency ${fmt(arm.efficiency, 2)} = ${fmt(arm.readersOn * arm.efficiency, 1)} radiologists' worth of reading around the clock.`,
    );
    out.push('Demand, per stream at the start:');
    out.push(
      textTable([
        [
          'stream',
          'studies/year',
          'growth',
          'reads/study',
          'reading min/study',
          ...(workGrows ? ['work/study growth'] : []),
          ...(withImages ? ['images/study'] : []),
          'reading h/year',
          'cleared by AI',
          ...(outsourcing ? ['outsourced'] : []),
        ],
        ...arm.streams.map((s) => [
          s.name,
          fmt(s.studiesPerYear, 0),
          `${fmt(s.growth * 100, 1)}%/y`,
          fmt(s.readsPerStudy, 2),
          fmt(s.minutesPerStudy, 2),
          ...(workGrows ? [`${fmt(s.workGrowth * 100, 1)}%/y`] : []),
          ...(withImages ? [s.imagesPerStudy === null ? '-' : fmt(s.imagesPerStudy, 0)] : []),
          fmt((s.studiesPerYear * (1 - s.outsourcedShare) * s.minutesPerStudy) / 60, 0),
          `${fmt(s.clearedShare * 100, 1)}%`,
          ...(outsourcing ? [`${fmt(s.outsourcedShare * 100, 1)}%`] : []),
        ]),
      ])
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n'),
    );
    const sim = simulated?.[arm.arm];
    const header = [
      'year',
      'studies',
      'load (reading h)',
      'capacity (reading h)',
      'load/capacity',
      'utilisation',
      'wait (M/G/c)',
      'fluid backlog',
    ];
    if (sim) header.push('sim. utilisation', 'sim. wait', 'sim. backlog');
    const rows = [header];
    for (const y of arm.years) {
      const row = [
        String(y.year),
        fmt(y.studies, 0),
        fmt(y.loadHours, 0),
        fmt(y.capacityHours, 0),
        fmt(y.rho, 3),
        `${fmt(y.utilisation * 100, 1)}%`,
        y.waitEstimate === null ? 'unstable' : fmtMinutes(y.waitEstimate),
        fmt(y.fluidBacklog, 0),
      ];
      if (sim) {
        const s = sim.find((x) => x.year === y.year);
        row.push(s ? `${fmt(s.utilisation * 100, 1)}%` : '-', s ? fmtMinutes(s.meanWait) : '-', s ? fmt(s.backlogEnd, 0) : '-');
      }
      rows.push(row);
    }
    out.push('Year by year:');
    out.push(
      textTable(rows)
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n'),
    );
    out.push(`Demand passes capacity ${years(arm.crossing)}: ${arm.crossingMethod}.`);
    const cg = arm.crossingByGrowth;
    if (cg) {
      out.push(
        `The two growths apart (${cg.method}): from study growth alone demand would pass capacity ${years(cg.studiesOnly)}; from growing work per study alone ${years(cg.workOnly)}; from both ${years(cg.both)}.`,
      );
      if (cg.studiesOnly !== null && cg.both !== null)
        out.push(
          `Growing work per study moves the crossing ${fmt(cg.studiesOnly - cg.both, 1)} years earlier than study growth alone says.`,
        );
      else if (cg.studiesOnly === null && cg.both !== null)
        out.push('Without the growing work per study, demand would not pass capacity within 100 years.');
    }
    if (outsourcing)
      out.push(
        'Outsourced studies (always or by hours, the "outsourced" column) leave the load above: the department reads (1 - share) of each stream.',
      );
    for (const n of arm.outsourcingNotes) out.push(`Outsourcing: ${n}.`);
    if (arm.yearsBought !== null)
      out.push(
        `Against "${e.arms[0].arm}", this arm ${arm.yearsBought >= 0 ? 'buys' : 'loses'} ${fmt(Math.abs(arm.yearsBought), 1)} years before the crossing.`,
      );
    const first = arm.years.find((y) => y.waitByPriority);
    if (first?.waitByPriority) {
      out.push(
        `Priority waits in year ${first.year} (Cobham, M/G/c): ${Object.entries(first.waitByPriority)
          .map(([p, w]) => `${p} ${fmtMinutes(w)}`)
          .join(', ')}.`,
      );
    }
    out.push('');
  }
  if (e.tools.length) {
    out.push('== What each AI tool buys on its own');
    for (const t of e.tools) {
      out.push(
        `${t.tool} (${t.kind}): ${t.yearsBought === null ? 'no crossing to move' : `${fmt(t.yearsBought, 2)} years`}; ${t.note}.`,
      );
    }
    out.push('');
  }
  out.push('== Assumptions of these formulas');
  for (const a of e.assumptions) out.push(`- ${a}`);
  if (!simulated) out.push('\n(Run `readsim run` first and the simulation is shown beside the theory.)');
  return `${out.join('\n')}\n`;
}
