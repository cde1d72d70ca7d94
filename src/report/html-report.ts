import { dump } from 'js-yaml';
import type { Summary } from '../experiment/summary.js';
import type { ResolvedScenario } from '../scenario/resolve.js';
import { ASSUMPTIONS } from './assumptions.js';
import type { Chart } from './charts/chart-context.js';
import { armTable, differenceTable } from './summary-table.js';

/** Escapes text for HTML: a scenario named `<script>` is shown, never run. */
export function escapeHtml(s: string): string {
  return s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function table(rows: string[][], cls: string): string {
  if (rows.length === 0) return '';
  const [head, ...body] = rows;
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const trs = body
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join('')}</tr>`,
    )
    .join('\n');
  return `<table class="${cls}"><thead><tr>${th}</tr></thead><tbody>\n${trs}\n</tbody></table>`;
}

export interface ReportInput {
  scenario: ResolvedScenario;
  summary: Summary;
  charts: { chart: Chart; svg: string }[];
}

/**
 * report.html: one self-contained page (no network, no script): the scenario, the summary,
 * the charts with their captions, what the model assumes, and the resolved scenario. Charts
 * are SVG images embedded as data URIs, so text from the scenario can never run as code.
 */
export function htmlReport({ scenario, summary, charts }: ReportInput): string {
  const s = scenario;
  const figures = charts
    .map(
      ({ chart, svg }, i) => `<figure id="chart-${escapeHtml(chart.name)}">
<img class="chart" alt="${escapeHtml(chart.title)}" src="data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}">
<figcaption><strong>Figure ${i + 1}. ${escapeHtml(chart.title)}.</strong> ${escapeHtml(chart.caption)}</figcaption>
</figure>`,
    )
    .join('\n');
  const sources = s.sources.length ? `<p class="sources">Sources: ${s.sources.map(escapeHtml).join('; ')}</p>` : '';
  const arms = s.arms
    .map(
      (a) =>
        `<li><strong>${escapeHtml(a.name)}</strong>: ${a.ai.length ? `AI tools ${a.ai.map(escapeHtml).join(', ')}` : 'no AI tools'}${a.description ? ` \u2014 ${escapeHtml(a.description)}` : ''}</li>`,
    )
    .join('\n');
  const diff = differenceTable(summary, s);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(s.name)} \u2014 readsim report</title>
<style>
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; }
.meta { color: #555; } .sources { color: #555; font-size: 0.9rem; }
table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.9rem; } th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid #e3e3e3; }
td { text-align: right; white-space: nowrap; } thead th { text-align: right; } tbody th { text-align: left; font-weight: normal; }
figure { margin: 1.8rem 0; } img.chart { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { font-size: 0.92rem; color: #333; margin-top: 0.4rem; }
pre { background: #f7f7f7; padding: 0.8rem; overflow-x: auto; font-size: 0.8rem; }
dt { font-weight: bold; margin-top: 0.6rem; } dd { margin-left: 1rem; }
</style>
</head>
<body>
<h1>${escapeHtml(s.name)}</h1>
<p class="meta">readsim report: ${summary.replications} replication(s), seed ${summary.seed}, ${summary.horizon_days} days simulated (warm-up ${summary.warmup_days} days), reported per ${escapeHtml(s.period)}.</p>
${s.description ? `<p>${escapeHtml(s.description)}</p>` : ''}
${sources}
<h2>Arms</h2>
<ul>${arms}</ul>
<h2>Summary</h2>
<p>Means over replications with 95% intervals. Waits and turnarounds are of studies that arrived after the warm-up; the backlog is at the end of the run.</p>
${table(armTable(summary, s, true), 'summary')}
${diff.length ? `<h3>Differences from ${escapeHtml(summary.arms[0].name)} (paired by replication: the same patients)</h3>\n${table(diff, 'differences')}` : ''}
<h2>Charts</h2>
${figures || '<p>No charts were drawn for this run (<code>--charts none</code>).</p>'}
<h2>What this model assumes</h2>
<dl>
${ASSUMPTIONS.map((a) => `<dt>${escapeHtml(a.title)}</dt><dd>${escapeHtml(a.text)}</dd>`).join('\n')}
</dl>
<h2>The scenario as run</h2>
<p>Every default filled in (the same as <code>scenario.resolved.yaml</code>).</p>
<pre>${escapeHtml(dump(s, { lineWidth: 120 }))}</pre>
</body>
</html>
`;
}
