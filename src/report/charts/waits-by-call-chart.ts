import type { Statistic } from '../../experiment/summary.js';
import { waitDefinition } from '../../model/statistics-catalogue.js';
import { armColor, type Chart, type ChartContext, intervalLayers, timeUnit } from './chart-context.js';

interface Bar {
  panel: string;
  group: string;
  arm: string;
  mean: number;
  lo: number;
  hi: number;
}

// Two-line axis labels (split on "|").
const CALL_LABELS: Record<string, string> = {
  TP: 'TP|finding, flagged',
  FP: 'FP|no finding, flagged',
  FN: 'FN|finding, not flagged',
  TN: 'TN|no finding, not flagged',
};

function get(obj: unknown, path: string[]): Statistic | undefined {
  let node = obj;
  for (const p of path) node = (node as Record<string, unknown> | undefined)?.[p];
  return node as Statistic | undefined;
}

/** Does the scenario have a triage tool (so that the waits by AI call say something)? */
export function hasTriage(ctx: ChartContext): boolean {
  return ctx.scenario.ai.some((t) => t.kind === 'triage');
}

/**
 * 5. What triage does, and who pays: the wait of the studies by the AI's call and by finding,
 * in every arm (the arm without the tool shows how the same studies fared without it).
 */
export function waitsByCallChart(ctx: ChartContext): Chart {
  const arms = ctx.summary.arms;
  const bars: Bar[] = [];
  const triage = ctx.scenario.ai.filter((t) => t.kind === 'triage');
  const add = (panel: string, group: string, path: string[]) => {
    for (const arm of arms) {
      const s = get(arm, path);
      if (s && s.mean !== null)
        bars.push({
          panel,
          group,
          arm: arm.name,
          mean: s.mean,
          lo: s.ci95 ? s.ci95[0] : s.mean,
          hi: s.ci95 ? s.ci95[1] : s.mean,
        });
    }
  };
  let what: string;
  if (triage.length > 0) {
    for (const t of triage) {
      for (const call of ['TP', 'FP', 'FN', 'TN'])
        add(`${t.name} (finding: ${t.finding})`, CALL_LABELS[call], ['wait', 'by_ai_call', t.name, call]);
    }
    what = 'the studies each triage tool flagged (TP, FP) and did not flag (FN, TN)';
  } else {
    // Without triage nothing sorts studies by finding: the wait follows the priority.
    for (const p of ctx.scenario.priorities) add('all studies, by priority', p.name, ['wait', 'by_priority', p.name]);
    what = 'each priority (the scenario has no triage tool, so a finding does not change when a study is read)';
  }
  const unit = timeUnit(Math.max(0, ...bars.map((b) => b.mean)));
  const values = bars.map((b) => ({ ...b, mean: b.mean / unit.per, lo: Math.max(0, b.lo / unit.per), hi: b.hi / unit.per }));
  const title = 'Who waits: mean wait by AI call and arm';
  const preemptive = ctx.scenario.worklist.preemption === 'resume';
  const panels = [...new Set(values.map((v) => v.panel))];
  const groups = [...new Set(values.map((v) => v.group))];
  return {
    name: 'waits-by-ai-call',
    title,
    caption: `Mean wait (${waitDefinition(preemptive)}), for ${what}, in each arm, with 95% intervals. In an arm without the tool the same studies are shown as they fared without it (the AI's calls are drawn in every arm). Triage buys no reading time: it moves waiting from the flagged studies to the others, missed positives (FN) included.`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      description: title,
      title: {
        text: title,
        subtitle: `mean wait ${preemptive ? 'not being read' : 'before the first read'} (${unit.name}), 95% intervals`,
      },
      data: { values },
      facet: {
        row: {
          field: 'panel',
          type: 'nominal',
          title: null,
          sort: panels,
          header: { labelAngle: 0, labelAnchor: 'start', labelOrient: 'top', labelFontWeight: 'bold' },
        },
      },
      spec: {
        width: 640,
        height: 190,
        encoding: {
          x: {
            field: 'group',
            type: 'nominal',
            title: null,
            sort: groups,
            axis: { labelAngle: 0, labelLimit: 280, labelExpr: "split(datum.label, '|')" },
          },
          xOffset: { field: 'arm', type: 'nominal', sort: ctx.scenario.arms.map((a) => a.name) },
          color: armColor(ctx),
        },
        layer: [
          {
            mark: { type: 'bar' },
            encoding: {
              y: { field: 'mean', type: 'quantitative', title: `mean wait (${unit.name})` },
              tooltip: [{ field: 'arm' }, { field: 'group' }, { field: 'mean', format: '.1f', title: `wait (${unit.name})` }],
            },
          },
          ...intervalLayers(),
        ],
      },
      resolve: { scale: { y: 'independent' } },
    },
  };
}
