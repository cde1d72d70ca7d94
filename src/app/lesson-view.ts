// A lesson page: its chart, its controls, the teacher's sentences. A control redraws the
// formula's curves at once and restarts the simulation, whose replications fill in one by one.
import type { Result } from 'vega-embed';
import { planExperiment } from '../experiment/experiment-plan.js';
import type { RunResult } from '../model/run-result.js';
import { AbortedRun, type BrowserPool } from './browser-pool.js';
import { drawChart } from './charts.js';
import { el, replace } from './dom.js';
import { LESSONS, type Lesson, meanRows, type Row, type Values } from './lessons.js';

export interface LessonTimes {
  /** Milliseconds from the start of the run to the first simulated curve drawn, and to the last. */
  firstCurve: number | null;
  complete: number | null;
}

/** What the page exposes for tests and the benchmark. */
export const lessonStatus: {
  runs: number;
  lesson: string;
  times: LessonTimes;
  analyticDraws: number;
  /** Milliseconds from a control's move to the formula's curves redrawn (the last move). */
  analyticMs: number | null;
  /** Milliseconds from the page's start to the first simulated curve of the first lesson shown. */
  firstCurveSinceLoad: number | null;
} = {
  runs: 0,
  lesson: '',
  times: { firstCurve: null, complete: null },
  analyticDraws: 0,
  analyticMs: null,
  firstCurveSinceLoad: null,
};

export function renderLesson(root: HTMLElement, index: number, pool: BrowserPool, go: (i: number) => void): void {
  const lesson = LESSONS[index];
  lessonStatus.lesson = lesson.id;
  const values: Values = Object.fromEntries(lesson.controls.map((c) => [c.id, c.value]));
  const chartBox = el('div', { class: 'chart', role: 'img', 'aria-label': lesson.title });
  const progress = el('progress', { max: lesson.replications, value: 0, 'aria-label': 'replications simulated' });
  const progressText = el('span', { class: 'progress-text', 'aria-live': 'polite' }, '');
  const error = el('p', { class: 'error', role: 'alert', hidden: true });
  let view: Result | null = null;
  let runId = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const controls = lesson.controls.map((c) => {
    const id = `ctl-${lesson.id}-${c.id}`;
    const input = el('input', { type: 'range', id, min: c.min, max: c.max, step: c.step, value: c.value });
    const out = el('output', { for: id }, `${c.value}${c.unit ? ` ${c.unit}` : ''}`);
    input.addEventListener('input', () => {
      values[c.id] = Number(input.value);
      out.textContent = `${input.value}${c.unit ? ` ${c.unit}` : ''}`;
      void update(performance.now());
    });
    return el('div', { class: 'control' }, el('label', { for: id }, c.label), input, out);
  });

  const prev = el('button', { type: 'button', disabled: index === 0 }, '← previous');
  const next = el('button', { type: 'button', disabled: index === LESSONS.length - 1 }, 'next →');
  prev.addEventListener('click', () => go(index - 1));
  next.addEventListener('click', () => go(index + 1));

  replace(
    root,
    el('h2', { id: 'lesson-title', tabindex: -1 }, lesson.title),
    el(
      'div',
      { class: 'lesson-top' },
      el('fieldset', { class: 'controls' }, el('legend', {}, 'Try'), ...controls),
      el('div', { class: 'progress' }, progress, ' ', progressText),
    ),
    error,
    el(
      'div',
      { class: 'lesson' },
      el('div', { class: 'lesson-chart' }, chartBox, el('p', { class: 'caption' }, lesson.caption)),
      el(
        'div',
        { class: 'lesson-side' },
        el('h3', {}, 'What to say'),
        el('ul', { class: 'say' }, ...lesson.say.map((s) => el('li', {}, s))),
      ),
    ),
    el('nav', { class: 'pager', 'aria-label': 'lessons' }, prev, ' ', `${index + 1} of ${LESSONS.length}`, ' ', next),
  );

  const series = (loaded: ReturnType<Lesson['scenario']>) => {
    if (lesson.id === 'crossing' || lesson.id === 'backlog')
      return ['formula (analytic companion)', 'simulation (mean of replications)'];
    if (lesson.id === 'per-radiologist') return ['studies per radiologist per day', 'what one radiologist can report per day'];
    return loaded.resolved.arms.map((a) => a.name);
  };

  const setData = async (name: string, rows: Row[]) => {
    if (!view) return;
    view.view.data(name, rows);
    await view.view.runAsync();
  };

  async function update(moved?: number): Promise<void> {
    const id = ++runId;
    let loaded: ReturnType<Lesson['scenario']>;
    try {
      loaded = lesson.scenario(values);
      error.hidden = true;
    } catch (e) {
      error.hidden = false;
      error.textContent = (e as Error).message;
      return;
    }
    if (!view) {
      view = await drawChart(chartBox, lesson.spec(series(loaded)));
      if (id !== runId) return;
    }
    // The formula: at once.
    await setData('analytic', lesson.analytic(loaded, values));
    lessonStatus.analyticDraws++;
    if (moved !== undefined) lessonStatus.analyticMs = performance.now() - moved;
    // The simulation: after the control rests a moment, replication by replication.
    clearTimeout(timer);
    pool.cancelAll();
    timer = setTimeout(() => simulate(id, loaded), 150);
  }

  async function simulate(id: number, loaded: ReturnType<Lesson['scenario']>): Promise<void> {
    if (id !== runId) return;
    // Every run simulated (no reuse): the view takes each run's result as it comes, arm by arm.
    const plan = planExperiment(loaded, { replications: lesson.replications, reuse: false });
    const runs: Row[] = [];
    const t0 = performance.now();
    lessonStatus.times = { firstCurve: null, complete: null };
    progress.max = plan.tasks.length;
    progress.value = 0;
    progressText.textContent = `simulating: 0 of ${lesson.replications} replications`;
    await setData('runs', []);
    await setData('mean', []);
    try {
      await pool.runTasks(plan.tasks, (_i: number, run: RunResult, done: number) => {
        if (id !== runId) return;
        runs.push(...lesson.simulated(run, loaded, values));
        progress.value = done;
        const arms = loaded.departments.length;
        progressText.textContent = `simulating: ${Math.floor(done / arms)} of ${lesson.replications} replications`;
        void setData('runs', runs)
          .then(() => setData('mean', meanRows(runs)))
          .then(() => {
            if (lessonStatus.times.firstCurve === null) lessonStatus.times.firstCurve = performance.now() - t0;
            lessonStatus.firstCurveSinceLoad ??= performance.now();
          });
      });
      if (id !== runId) return;
      lessonStatus.times.complete = performance.now() - t0;
      lessonStatus.runs++;
      progressText.textContent = `done: ${lesson.replications} replications`;
    } catch (e) {
      if (e instanceof AbortedRun || id !== runId) return;
      error.hidden = false;
      error.textContent = (e as Error).message;
    }
  }

  void update();
}
