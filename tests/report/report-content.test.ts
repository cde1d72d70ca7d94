/**
 * What report.html and the charts say, without a browser: the headline in sentences, text from
 * the scenario escaped by the template, charts only where they say something, one colour per
 * arm in every chart, and years on every time axis when the scenario has a start date.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiment/experiment.js';
import type { ExperimentResult } from '../../src/experiment/experiment-plan.js';
import type { Summary } from '../../src/experiment/summary.js';
import { allCharts } from '../../src/report/charts/all-charts.js';
import { ARM_COLOURS, type ChartContext } from '../../src/report/charts/chart-context.js';
import { headlineSentences } from '../../src/report/headline.js';
import { htmlReport } from '../../src/report/html-report.js';
import { validateScenario } from '../../src/scenario/load-scenario.js';
import type { LoadedScenario } from '../../src/scenario/scenario-text.js';
import { scenario } from '../support/scenarios.js';

const EVIL = '<script>alert(1)</script>';
let loaded: LoadedScenario;
let result: ExperimentResult;
let ctx: ChartContext;

beforeAll(async () => {
  loaded = validateScenario(
    't.yaml',
    scenario({
      name: `Evil ${EVIL}`,
      start: '2026-06-29',
      horizon: '2y',
      streams: [
        {
          name: 'ed-ct',
          modality: 'CT',
          priority: 'stat',
          volume: '60/day',
          growth: '50%/y',
          pattern: 'ed',
          readTime: { dist: 'lognormal', mean: '15m', cv: 0.6 },
        },
        {
          name: 'op-mr',
          modality: 'MR',
          priority: 'routine',
          volume: '50/day',
          growth: '50%/y',
          pattern: 'office-hours',
          readTime: { dist: 'gamma', mean: '20m', cv: 0.5 },
        },
      ],
      arms: [{ name: 'baseline' }, { name: `more ${EVIL}`, readers: { general: { count: '+2' } } }],
    }),
  );
  result = await runExperiment(loaded, { replications: 2, jobs: 1 });
  ctx = { scenario: loaded.resolved, runs: result.runs, summary: result.summary };
}, 120_000);

/** Every object inside a chart spec (layers, facets, encodings). */
function nodes(x: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(x)) for (const y of x) nodes(y, out);
  else if (x && typeof x === 'object') {
    out.push(x as Record<string, unknown>);
    for (const y of Object.values(x)) nodes(y, out);
  }
  return out;
}

describe('the report headline', () => {
  it('says when demand passes capacity, the backlog, the shares within target and what the other arm buys', () => {
    const text = headlineSentences(loaded.resolved, result.summary).join(' ');
    // 50 %/y growth from about 70 % of capacity: demand passes capacity in the second calendar year.
    expect(text).toMatch(
      /In “baseline”, demand passes what the roster can read in (the \d+ days of )?20\d\d( in the run)? \(\d+\.\d% of reading capacity/,
    );
    // The run starts on 29 June 2026 (two weeks of warm-up) and ends on 28 June 2028: both are part years.
    expect(text).toContain('in the 172 days of 2026 in the run');
    expect(text).toMatch(/ and \d+\.\d% in the 179 days of 2028 in the run\./);
    expect(text).toMatch(/At the end of the run \(2\.0 years\) [\d,]+ studies are waiting to be reported\./);
    expect(text).toMatch(
      /\d+\.\d% of stat studies and \d+\.\d% of routine studies are reported within their targets \(stat 1 h and routine 7 d\)/,
    );
    expect(text).toMatch(/With “more <script>alert\(1\)<\/script>”, .*the backlog at the end is [\d,]+ \([\d,]+ fewer/);
  });

  it('says that demand stays below capacity when it does, and gives no crossing for an arm', () => {
    const summary = structuredClone(result.summary) as Summary;
    for (const arm of summary.arms)
      for (const y of Object.values(arm.by_year as Record<string, { demand_of_capacity: { mean: number } }>))
        y.demand_of_capacity.mean = 0.5;
    const text = headlineSentences(loaded.resolved, summary).join(' ');
    expect(text).toMatch(
      /demand stays below what the roster can read in every year of the run \(50\.0% of reading capacity in the 172 days of 2026 in the run, 50\.0% in the 179 days of 2028 in the run\)/,
    );
    expect(text).not.toMatch(/passes capacity/);
  });
});

describe('report.html', () => {
  it('escapes text from the scenario everywhere and folds the scenario as run', () => {
    const html = htmlReport({ scenario: loaded.resolved, summary: result.summary, charts: [] });
    expect(html).not.toContain('<script>');
    expect(html).toContain('Evil &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('more &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toMatch(/<p class="headline">In “baseline”/);
    expect(html).toMatch(/<details><summary>The scenario \(\d+ lines of YAML\)<\/summary>\n<pre>name: Evil &lt;script&gt;/);
    // The arms' swatches are the charts' colours.
    expect(html).toContain(`style="background: ${ARM_COLOURS[0]}"`);
    expect(html).toContain(`style="background: ${ARM_COLOURS[1]}"`);
    // An interval goes under its value.
    expect(html).toMatch(/<td>[\d,]+<span class="ci">\[[\d,]+, [\d,]+\]<\/span><\/td>/);
  });
});

describe('charts', () => {
  const charts = () => allCharts(ctx);

  it('draw the waits by AI call only with a triage tool', () => {
    expect(charts().map((c) => c.name)).not.toContain('waits-by-ai-call');
    const withTriage = {
      ...ctx,
      scenario: {
        ...ctx.scenario,
        ai: [{ name: 'x', kind: 'triage', finding: 'bleed', streams: ['ed-ct'], sensitivity: 0.9, specificity: 0.9 }],
      },
    } as unknown as ChartContext;
    expect(allCharts(withTriage).map((c) => c.name)).toContain('waits-by-ai-call');
  });

  it('give each arm the same colour in every chart', () => {
    const arms = loaded.resolved.arms.map((a) => a.name);
    let armScales = 0;
    for (const c of charts()) {
      for (const n of nodes(c.spec)) {
        const color = n.color as { field?: string; scale?: { domain?: string[]; range?: string[] } } | undefined;
        if (!color || typeof color !== 'object' || !('field' in color)) continue;
        if (color.field === 'arm') {
          armScales++;
          expect(color.scale?.domain, c.name).toEqual(arms);
          expect(color.scale?.range, c.name).toEqual(ARM_COLOURS.slice(0, 2));
        } else {
          // Anything else coloured by a field would use colours that mean arms elsewhere.
          expect(color.scale?.range?.some((x) => (ARM_COLOURS as readonly string[]).includes(x)) ?? false, c.name).toBe(false);
        }
      }
    }
    expect(armScales).toBeGreaterThanOrEqual(5);
  });

  it('show calendar years on every time axis when the scenario has a start date', () => {
    let axes = 0;
    for (const c of charts()) {
      for (const n of nodes(c.spec)) {
        const x = n.x as { field?: string; title?: string; type?: string; axis?: { format?: string } } | undefined;
        if (x?.field !== 't') continue;
        axes++;
        expect(x.title, c.name).toBe('year');
        expect(x.type, c.name).toBe('quantitative');
        expect(x.axis?.format, c.name).toBe('d');
      }
      const ts = (c.spec.data as { values?: { t?: unknown }[] } | undefined)?.values?.map((v) => v.t) ?? [];
      for (const t of ts) if (t !== undefined) expect(t as number, c.name).toBeGreaterThan(2026.4);
    }
    expect(axes).toBeGreaterThanOrEqual(5);
  });
});
