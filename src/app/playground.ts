// The playground: open a bundled scenario or a YAML file, change it in a form or the YAML
// editor, run it in the browser's workers, and read the report's charts and tables; download
// the YAML, summary.json (the same bytes as `readsim run`), periods.csv and the charts.
import type { EditorView } from 'codemirror';
import { parseDocument } from 'yaml';
import { planExperiment, runPlan } from '../experiment/experiment-plan.js';
import { summaryJson } from '../experiment/summary.js';
import { allCharts } from '../report/charts/all-charts.js';
import { periodsCsv } from '../report/csv.js';
import { armTable, differenceTable } from '../report/summary-table.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import { type LoadedScenario, parseScenarioText, validateScenario } from '../scenario/scenario-text.js';
import { AbortedRun, type BrowserPool } from './browser-pool.js';
import { BUNDLED } from './bundled.js';
import { chartDownloads, drawChart } from './charts.js';
import { download, el, replace, table } from './dom.js';
import { createEditor, setEditorText } from './editor.js';

type Loose = Record<string, unknown>;

/** The mappings of a list in a scenario being edited (anything else is left to the validator). */
function list(x: unknown): Loose[] {
  return Array.isArray(x) ? x.filter((o): o is Loose => !!o && typeof o === 'object') : [];
}

/** What the page exposes for tests: runs completed and the last summary.json text. */
export const playgroundStatus = { runs: 0, summaryJson: '', charts: 0, error: '' };

export function renderPlayground(root: HTMLElement, pool: BrowserPool): void {
  let fileName = 'widening-gap.yaml';
  let text = BUNDLED.find((b) => b.name === 'widening-gap')?.text ?? BUNDLED[0].text;
  let editor: EditorView;
  let fromForm = false;

  const pick = el(
    'select',
    { id: 'pg-bundled' },
    ...BUNDLED.map((b) => el('option', { value: b.name, selected: b.file === fileName }, b.file)),
  );
  const fileInput = el('input', { type: 'file', id: 'pg-file', accept: '.yaml,.yml,.json' });
  const form = el('form', { class: 'pg-form', 'aria-label': 'common fields' });
  const editorBox = el('div', { class: 'pg-editor' });
  const runBtn = el('button', { type: 'button', id: 'pg-run', class: 'primary' }, 'Run');
  const cancelBtn = el('button', { type: 'button', id: 'pg-cancel', disabled: true }, 'Cancel');
  const progress = el('progress', { value: 0, max: 1, 'aria-label': 'runs done' });
  const status = el('span', { class: 'progress-text', 'aria-live': 'polite', id: 'pg-status' });
  const message = el('pre', { class: 'error', role: 'alert', hidden: true, id: 'pg-error' });
  const results = el('div', { class: 'pg-results', id: 'pg-results' });
  const yamlBtn = el('button', { type: 'button' }, 'Download YAML');
  yamlBtn.addEventListener('click', () => download(fileName, text, 'text/yaml'));

  replace(
    root,
    el('h2', { tabindex: -1 }, 'Playground'),
    el(
      'div',
      { class: 'pg-open' },
      el('label', { for: 'pg-bundled' }, 'Bundled scenario '),
      pick,
      ' ',
      el('label', { for: 'pg-file' }, 'or open a YAML file (or drop one on the editor) '),
      fileInput,
    ),
    el(
      'div',
      { class: 'pg-edit' },
      el('div', {}, el('h3', {}, 'Common fields'), form),
      el('div', {}, el('h3', {}, 'Scenario (YAML)'), editorBox, yamlBtn),
    ),
    el('div', { class: 'pg-run' }, runBtn, ' ', cancelBtn, ' ', progress, ' ', status),
    message,
    results,
  );

  const open = (name: string, content: string) => {
    fileName = name;
    text = content;
    setEditorText(editor, content);
    renderForm();
  };
  pick.addEventListener('change', () => {
    const b = BUNDLED.find((x) => x.name === pick.value);
    if (b) open(b.file, b.text);
  });
  const readFile = async (f: File) => open(f.name, await f.text());
  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    if (f) void readFile(f);
  });
  editorBox.addEventListener('dragover', (e) => e.preventDefault());
  editorBox.addEventListener('drop', (e) => {
    e.preventDefault();
    const f = e.dataTransfer?.files?.[0];
    if (f) void readFile(f);
  });

  editor = createEditor(
    editorBox,
    text,
    () => fileName,
    (t) => {
      text = t;
      if (!fromForm) renderForm();
    },
  );

  /** A number field bound to a path of the YAML document (comments and layout kept). */
  function field(label: string, path: (string | number)[], value: unknown, kind: 'number' | 'text' = 'text'): HTMLElement {
    const id = `pg-f-${path.join('-')}`;
    const input = el('input', {
      id,
      type: kind,
      value: value === undefined ? '' : String(value),
      step: kind === 'number' ? 'any' : undefined,
    });
    input.addEventListener('change', () => {
      const doc = parseDocument(text);
      // An emptied field leaves the YAML without it (the default applies).
      if (input.value.trim() === '') doc.deleteIn(path);
      else doc.setIn(path, kind === 'number' ? Number(input.value) : input.value);
      fromForm = true;
      setEditorText(editor, doc.toString({ lineWidth: 0 }));
      fromForm = false;
    });
    return el('div', { class: 'field' }, el('label', { for: id }, label), input);
  }

  function renderForm(): void {
    let raw: Loose;
    try {
      raw = parseScenarioText(fileName, text);
    } catch {
      replace(form, el('p', {}, 'The YAML cannot be read; fix it in the editor.'));
      return;
    }
    const parts: HTMLElement[] = [
      field('Name', ['name'], raw.name),
      field('Horizon', ['horizon'], raw.horizon),
      field('Replications', ['replications'], raw.replications, 'number'),
      field('Seed', ['seed'], raw.seed, 'number'),
    ];
    if (list(raw.streams).length) {
      parts.push(el('h4', {}, 'Streams'));
      list(raw.streams).forEach((s, i) => {
        parts.push(
          el(
            'div',
            { class: 'row' },
            el('span', { class: 'row-name' }, String(s.name ?? `stream ${i + 1}`)),
            field('volume', ['streams', i, 'volume'], s.volume),
            field('growth', ['streams', i, 'growth'], s.growth),
          ),
        );
      });
    }
    if (list(raw.readers).length) {
      parts.push(el('h4', {}, 'Readers'));
      list(raw.readers).forEach((g, i) => {
        parts.push(
          el(
            'div',
            { class: 'row' },
            el('span', { class: 'row-name' }, String(g.name ?? `group ${i + 1}`)),
            field('headcount', ['readers', i, 'count'], g.count, 'number'),
            field('efficiency', ['readers', i, 'efficiency'], g.efficiency),
          ),
        );
        list(g.roster).forEach((shift, j) => {
          const when = `${String(shift.days ?? '')} ${String(shift.from ?? '')}-${String(shift.to ?? '')}`;
          parts.push(
            el('div', { class: 'row shift' }, field(`on duty ${when}`, ['readers', i, 'roster', j, 'on'], shift.on, 'number')),
          );
        });
      });
    }
    if (list(raw.ai).length) {
      parts.push(el('h4', {}, 'AI tools'));
      list(raw.ai).forEach((t, i) => {
        const keys = ['sensitivity', 'specificity', 'readTimeFactor', 'clears', 'misses', 'action'].filter(
          (k) => t?.[k] !== undefined,
        );
        parts.push(
          el(
            'div',
            { class: 'row' },
            el('span', { class: 'row-name' }, `${String(t.name ?? `tool ${i + 1}`)} (${String(t.kind ?? '')})`),
            ...keys.map((k) => field(k, ['ai', i, k], t[k])),
          ),
        );
      });
    }
    if (list(raw.arms).length) {
      parts.push(el('h4', {}, 'Arms'));
      list(raw.arms).forEach((a, i) => {
        parts.push(el('div', { class: 'row' }, field(`arm ${i + 1}`, ['arms', i, 'name'], a.name)));
      });
    }
    replace(form, ...parts);
  }
  renderForm();

  let running = false;
  cancelBtn.addEventListener('click', () => pool.cancelAll());
  runBtn.addEventListener('click', () => void run());

  async function run(): Promise<void> {
    if (running) return;
    message.hidden = true;
    let loaded: LoadedScenario;
    try {
      loaded = validateScenario(fileName, parseScenarioText(fileName, text));
    } catch (e) {
      message.hidden = false;
      message.textContent = e instanceof ScenarioError ? e.message : String(e);
      playgroundStatus.error = message.textContent;
      return;
    }
    running = true;
    runBtn.disabled = true;
    cancelBtn.disabled = false;
    const plan = planExperiment(loaded);
    progress.max = plan.tasks.length;
    progress.value = 0;
    status.textContent = `running ${plan.tasks.length} runs (arms x replications)…`;
    try {
      const result = await runPlan(plan, (tasks) =>
        pool.runTasks(tasks, (_i, _r, done) => {
          progress.value = done;
          status.textContent = `${done} of ${plan.tasks.length} runs done`;
        }),
      );
      status.textContent = `done: ${result.summary.arms.length} arm(s) x ${result.summary.replications} replication(s)`;
      await showResults(loaded, result);
      playgroundStatus.summaryJson = summaryJson(result.summary);
      playgroundStatus.runs++;
    } catch (e) {
      status.textContent = e instanceof AbortedRun ? 'cancelled' : 'failed';
      if (!(e instanceof AbortedRun)) {
        message.hidden = false;
        message.textContent = (e as Error).message;
      }
    } finally {
      running = false;
      runBtn.disabled = false;
      cancelBtn.disabled = true;
    }
  }

  async function showResults(
    loaded: LoadedScenario,
    result: ReturnType<ReturnType<typeof planExperiment>['assemble']>,
  ): Promise<void> {
    const s = result.summary;
    const scenario = loaded.resolved;
    const stem = loaded.stem;
    const sumBtn = el('button', { type: 'button' }, 'summary.json');
    sumBtn.addEventListener('click', () => download('summary.json', summaryJson(s), 'application/json'));
    const csvBtn = el('button', { type: 'button' }, 'periods.csv');
    csvBtn.addEventListener('click', () => download('periods.csv', periodsCsv(result.runs), 'text/csv'));
    const diff = differenceTable(s, scenario);
    const chartsBox = el('div', { class: 'pg-charts' });
    replace(
      results,
      el(
        'h3',
        {},
        `${s.scenario}: ${s.arms.length} arm(s) x ${s.replications} replication(s), ${s.horizon_days} days, seed ${s.seed}`,
      ),
      el('div', { class: 'downloads' }, 'Download: ', sumBtn, ' ', csvBtn),
      el('div', { class: 'table-wrap' }, table(armTable(s, scenario, true), 'Summary (mean [95% interval])')),
      diff.length
        ? el('div', { class: 'table-wrap' }, table(diff, `Differences from “${s.arms[0].name}”, paired by replication`))
        : null,
      chartsBox,
    );
    playgroundStatus.charts = 0;
    for (const chart of allCharts({ scenario, runs: result.runs, summary: s })) {
      const box = el('div', { class: 'chart' });
      const fig = el('figure', {}, box, el('figcaption', {}, chart.caption));
      chartsBox.append(fig);
      const drawn = await drawChart(box, chart.spec);
      fig.append(chartDownloads(drawn, `${stem}-${chart.name}`));
      playgroundStatus.charts++;
    }
  }
}
