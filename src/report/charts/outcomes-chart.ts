import type { Statistic } from '../../experiment/summary.js';
import { statisticLabel, statisticUnit } from '../../model/statistics-catalogue.js';
import { scenarioHasRecallOutcomes, statAt } from '../summary-table.js';
import { ARM_LEGEND, armColor, type Chart, type ChartContext, intervalLayers, replicationNote } from './chart-context.js';

/**
 * 7 (when an autonomous AI reports studies, or the scenario has recall outcomes: readers can
 * miss or an AI reads as second reader): what each arm costs and gains in human reading time,
 * recalls and missed findings. Null when the scenario has none of these.
 */
export function outcomesChart(ctx: ChartContext): Chart | null {
  const arms = ctx.summary.arms;
  const positive = (path: string) => arms.some((a) => (statAt(a, path)?.mean ?? 0) > 0);
  const findings = [...new Set(ctx.scenario.streams.flatMap((s) => Object.keys(s.findings)))];
  // Labels from the statistics catalogue; shares drawn as percentages.
  const panel = (path: string) => {
    const share = statisticUnit(path) === 'share';
    return { measure: `${statisticLabel(path)}${share ? ' (%)' : ''}`, path, scale: share ? 100 : 1 };
  };
  const panels = [panel('reading_hours')];
  if (positive('studies.cleared_by_ai')) panels.push(panel('studies.cleared_by_ai'));
  const recalls = scenarioHasRecallOutcomes(ctx.scenario);
  if (recalls) panels.push(panel('outcomes.recall_rate'), panel('outcomes.detection_per_1000'));
  if (!recalls && !ctx.scenario.ai.some((t) => t.kind === 'autonomous')) return null;
  for (const f of findings) panels.push(panel(`missed_findings.${f}`));
  const values = panels.flatMap((p) =>
    arms.map((a) => {
      const s = statAt(a, p.path) as Statistic | undefined;
      const k = p.scale;
      const mean = (s?.mean ?? 0) * k;
      return { measure: p.measure, arm: a.name, mean, lo: (s?.ci95?.[0] ?? mean / k) * k, hi: (s?.ci95?.[1] ?? mean / k) * k };
    }),
  );
  const title = 'Reading time, recalls and missed findings';
  return {
    name: 'outcomes',
    title,
    caption: `Per arm (${replicationNote(ctx)}, 95% intervals): the hours radiologists spent reading, the studies an AI reported alone, and, where readers or an AI can miss, the share of studies recalled, the findings detected per 1,000 studies and the findings nobody recalled (an AI cleared them or every read missed them). Reading time saved is worth what it costs here.`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      description: title,
      title: { text: title, subtitle: `totals over the run after the warm-up, ${replicationNote(ctx)}` },
      data: { values },
      facet: {
        field: 'measure',
        type: 'nominal',
        title: null,
        sort: panels.map((p) => p.measure),
        header: { labelFontWeight: 'bold' },
      },
      columns: 3,
      spec: {
        width: 190,
        height: 170,
        encoding: {
          x: {
            field: 'arm',
            type: 'nominal',
            title: null,
            sort: ctx.scenario.arms.map((a) => a.name),
            axis: { labels: false, ticks: false },
          },
          color: { ...armColor(ctx), legend: { ...ARM_LEGEND, symbolType: 'square' } },
        },
        layer: [
          {
            mark: 'bar',
            encoding: {
              y: { field: 'mean', type: 'quantitative', title: null },
              tooltip: [{ field: 'arm' }, { field: 'measure' }, { field: 'mean', format: ',.3~r' }],
            },
          },
          ...intervalLayers(),
        ],
      },
      resolve: { scale: { y: 'independent' } },
    },
  };
}
