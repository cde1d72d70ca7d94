// A day in the reading room: one simulated day of the bleed-triage scenario, drawn from the
// model's own event trace. Studies arrive as marks by priority, flagged ones go up the worklist,
// readers come on and off shift and take studies; beside it the waits of flagged, missed and
// unflagged studies that day.
import { DAY } from '../engine/index.js';
import { TRACE, type TraceEvent } from '../model/event-trace.js';
import { parseScenarioText, validateScenario } from '../scenario/scenario-text.js';
import type { BrowserPool } from './browser-pool.js';
import { bundled } from './bundled.js';
import { el, replace, table } from './dom.js';

export const dayStatus = { frames: 0, events: 0, clock: '', playing: false };

const COLORS = ['#d62728', '#ff7f0e', '#1f77b4'];
const W = 640;
const H = 380;

interface Study {
  id: number;
  stream: number;
  level: number;
  flags: number;
  arrival: number;
  priority: number;
}

export function renderDay(root: HTMLElement, pool: BrowserPool): void {
  const raw = parseScenarioText('ed-head-ct-triage.yaml', bundled('ed-head-ct-triage').text);
  const loaded = validateScenario('ed-head-ct-triage.yaml', raw);
  const arms = loaded.resolved.arms.map((a) => a.name);
  const priorities = loaded.resolved.priorities.map((p) => p.name);
  const streamPriority = loaded.departments[0].streams.map((s) => s.priority);

  const canvas = el('canvas', { width: W, height: H, role: 'img', 'aria-label': 'the worklist and the readers, animated' });
  const armSel = el(
    'select',
    { id: 'day-arm' },
    ...arms.map((a, i) => el('option', { value: i, selected: i === arms.length - 1 }, a)),
  );
  const daySel = el('input', { type: 'number', id: 'day-number', min: 29, max: 360, value: 31 });
  const play = el('button', { type: 'button', id: 'day-play' }, 'Play');
  const speed = el(
    'select',
    { id: 'day-speed' },
    ...[
      ['30', '30 min a second'],
      ['60', '1 hour a second'],
      ['180', '3 hours a second'],
      ['15', '15 min a second'],
    ].map(([v, t]) => el('option', { value: v }, t)),
  );
  const slider = el('input', {
    type: 'range',
    id: 'day-time',
    min: 0,
    max: 1440,
    step: 1,
    value: 0,
    'aria-label': 'time of day',
  });
  const clock = el('output', { class: 'clock', 'aria-live': 'off' }, '00:00');
  const waits = el('div', { class: 'day-waits' });
  const note = el('p', { class: 'caption' });

  replace(
    root,
    el('h2', { tabindex: -1 }, 'A day in the reading room'),
    el(
      'p',
      {},
      'One simulated day of the head-CT bleed-triage department, drawn from the simulation’s own event trace: what you see is what was computed. Compare the arms: the flagged bleeds jump the worklist; the studies behind them wait longer.',
    ),
    el(
      'div',
      { class: 'day-controls' },
      el('label', { for: 'day-arm' }, 'Arm '),
      armSel,
      el('label', { for: 'day-number' }, ' Day '),
      daySel,
      ' ',
      play,
      ' ',
      el('label', { for: 'day-speed' }, 'Speed '),
      speed,
    ),
    el('div', { class: 'day' }, el('div', {}, canvas, el('div', { class: 'day-clock' }, slider, clock)), el('div', {}, waits)),
    note,
  );

  let events: TraceEvent[] = [];
  let from = 0;
  let t = 0;
  let playing = false;
  let last = 0;
  let cursor = 0;
  const live = new Map<number, Study>();
  const reading = new Map<number, Study>();
  let onDuty = 0;
  let busy = 0;
  /** The last change of readers on duty (from the trace's shift events) and reads handed back then. */
  let change = { time: Number.NEGATIVE_INFINITY, from: 0, to: 0, handedBack: 0 };

  /** The worklist level of a study's priority before any AI moved it. */
  const streamLevel = (s: Study) => s.priority + 1;

  function reset(): void {
    live.clear();
    reading.clear();
    cursor = 0;
    onDuty = 0;
    busy = 0;
    change = { time: Number.NEGATIVE_INFINITY, from: 0, to: 0, handedBack: 0 };
  }

  function advanceTo(minute: number): void {
    if (minute < t) reset();
    t = minute;
    const until = from + minute;
    while (cursor < events.length && events[cursor].time <= until) {
      const e = events[cursor++];
      if (e.kind === TRACE.arrival) {
        if (e.c & 4) continue;
        live.set(e.id, { id: e.id, stream: e.a, level: e.b, flags: e.c, arrival: e.time, priority: streamPriority[e.a] });
      } else if (e.kind === TRACE.start) {
        const s = live.get(e.id);
        if (s) reading.set(e.id, s);
        busy = e.b;
        onDuty = e.c;
      } else if (e.kind === TRACE.complete) {
        reading.delete(e.id);
        live.delete(e.id);
        busy = e.b;
        onDuty = e.c;
      } else if (e.kind === TRACE.handover) {
        // The shift ended mid-read: the study waits again, in its old place.
        reading.delete(e.id);
        busy = e.b;
        onDuty = e.c;
        if (e.time === change.time) change.handedBack++;
      } else {
        // Readers come on or go off shift (the first event of the day only sets the count).
        if (cursor > 1 && e.c !== onDuty) change = { time: e.time, from: onDuty, to: e.c, handedBack: 0 };
        busy = e.b;
        onDuty = e.c;
      }
    }
  }

  function draw(): void {
    const g = canvas.getContext('2d');
    if (!g) return;
    dayStatus.frames++;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, W, H);
    g.font = '13px "DejaVu Sans", sans-serif';
    g.fillStyle = '#222';
    g.fillText('Worklist (most urgent at the top)', 10, 18);
    const levels = ['flagged by AI (moved up)', ...priorities];
    const waiting = [...live.values()].filter((s) => !reading.has(s.id)).sort((a, b) => a.arrival - b.arrival);
    levels.forEach((name, level) => {
      const y = 40 + level * 62;
      g.fillStyle = '#f3f3f3';
      g.fillRect(10, y, 400, 46);
      g.fillStyle = '#333';
      g.fillText(name, 14, y + 14);
      const here = waiting.filter((s) => s.level === level);
      here.slice(0, 36).forEach((s, i) => {
        const x = 20 + i * 11;
        g.beginPath();
        g.arc(x, y + 32, 4.5, 0, 2 * Math.PI);
        g.fillStyle = COLORS[s.priority] ?? '#777';
        g.fill();
        if (s.flags & 1) {
          g.strokeStyle = '#000';
          g.lineWidth = 2;
          g.stroke();
          const age = from + t - s.arrival;
          if (s.level < streamLevel(s) && age < 45) {
            // Just flagged: an arrow from the study's own priority up to where the AI put it.
            const y0 = 40 + streamLevel(s) * 62 + 32;
            g.beginPath();
            g.moveTo(x, y0);
            g.lineTo(x, y + 38);
            g.lineTo(x - 4, y + 44);
            g.moveTo(x, y + 38);
            g.lineTo(x + 4, y + 44);
            g.strokeStyle = `rgba(0,0,0,${(1 - age / 45).toFixed(2)})`;
            g.stroke();
          }
        }
      });
      if (here.length > 36) {
        g.fillStyle = '#333';
        g.fillText(`+${here.length - 36}`, 370, y + 36);
      }
    });
    g.fillStyle = '#222';
    g.fillText(`Readers: ${onDuty} on duty, ${busy} reading`, 430, 18);
    const shown = Math.max(onDuty, busy, reading.size);
    const readingNow = [...reading.values()];
    for (let r = 0; r < shown; r++) {
      const y = 40 + r * 50;
      const s = readingNow[r];
      g.strokeStyle = r < onDuty ? '#333' : '#bbb';
      g.lineWidth = 1.5;
      g.strokeRect(430, y, 190, 40);
      g.fillStyle = r < onDuty ? '#222' : '#999';
      g.fillText(r < onDuty ? `reader ${r + 1}` : 'finishing (overtime)', 438, y + 16);
      if (s) {
        g.beginPath();
        g.arc(600, y + 20, 7, 0, 2 * Math.PI);
        g.fillStyle = COLORS[s.priority] ?? '#777';
        g.fill();
        g.fillStyle = '#222';
        g.fillText(`reading ${priorities[s.priority]}`, 438, y + 32);
      }
    }
    const sinceChange = from + t - change.time;
    if (sinceChange < 60) {
      // A shift change, shown for an hour of the day: who came or went, and reads handed back.
      const at = change.time - from;
      const when = `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(Math.floor(at % 60)).padStart(2, '0')}`;
      const n = Math.abs(change.to - change.from);
      const what = `${n} reader${n === 1 ? '' : 's'} ${change.to > change.from ? 'came on' : 'went off'} shift`;
      g.fillStyle = change.to > change.from ? '#1a7f37' : '#b35900';
      g.fillText(`${when}: ${what}`, 430, H - 58);
      if (change.handedBack > 0)
        g.fillText(`${change.handedBack} read${change.handedBack === 1 ? '' : 's'} handed back to the worklist`, 430, H - 40);
    }
    const legendY = H - 20;
    priorities.forEach((p, i) => {
      g.beginPath();
      g.arc(20 + i * 130, legendY, 5, 0, 2 * Math.PI);
      g.fillStyle = COLORS[i];
      g.fill();
      g.fillStyle = '#222';
      g.fillText(p, 30 + i * 130, legendY + 4);
    });
    g.beginPath();
    g.arc(420, legendY, 5, 0, 2 * Math.PI);
    g.strokeStyle = '#000';
    g.lineWidth = 2;
    g.stroke();
    g.fillText('flagged by the AI', 430, legendY + 4);
    const hh = Math.floor(t / 60);
    const mm = Math.floor(t % 60);
    clock.textContent = `${String(Math.min(hh, 24)).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
    dayStatus.clock = clock.textContent;
    slider.value = String(Math.floor(t));
  }

  function frame(now: number): void {
    if (!playing) return;
    const dt = (now - last) / 1000;
    last = now;
    const next = Math.min(1440, t + dt * Number(speed.value));
    advanceTo(next);
    draw();
    if (next >= 1440) stop();
    else requestAnimationFrame(frame);
  }

  function stop(): void {
    playing = false;
    dayStatus.playing = false;
    play.textContent = 'Play';
  }

  play.addEventListener('click', () => {
    if (playing) return stop();
    if (t >= 1440) advanceTo(0);
    playing = true;
    dayStatus.playing = true;
    play.textContent = 'Pause';
    last = performance.now();
    requestAnimationFrame(frame);
  });
  slider.addEventListener('input', () => {
    advanceTo(Number(slider.value));
    draw();
  });

  /** The day's waits by AI call, from the trace itself. */
  function showWaits(): void {
    const arrived = new Map<number, { flags: number; arrival: number; stream: number }>();
    const groups: Record<string, number[]> = {
      'flagged bleeds': [],
      'false alarms': [],
      'missed bleeds': [],
      'unflagged, no bleed': [],
    };
    const triaged = new Set(loaded.departments[0].tools.flatMap((tool) => tool.streams));
    for (const e of events) {
      if (e.kind === TRACE.arrival && !(e.c & 4)) arrived.set(e.id, { flags: e.c, arrival: e.time, stream: e.a });
      else if (e.kind === TRACE.start) {
        const s = arrived.get(e.id);
        if (!s) continue;
        arrived.delete(e.id);
        if (!triaged.has(s.stream) || s.arrival < from) continue;
        const flagged = (s.flags & 1) !== 0;
        const bleed = (s.flags & 2) !== 0;
        const key = flagged ? (bleed ? 'flagged bleeds' : 'false alarms') : bleed ? 'missed bleeds' : 'unflagged, no bleed';
        groups[key].push(e.time - s.arrival);
      }
    }
    const rows = [['head CT that day', 'studies', 'mean wait (min)']];
    for (const [k, w] of Object.entries(groups)) {
      rows.push([k, String(w.length), w.length ? (w.reduce((a, b) => a + b, 0) / w.length).toFixed(0) : '–']);
    }
    replace(
      waits,
      el('h3', {}, 'Waits that day'),
      table(rows),
      el(
        'p',
        { class: 'caption' },
        'Wait: from arrival to the start of the first read, for the head CTs that arrived that day and were read within it. The AI calls are drawn in every arm, so the arm without AI shows who it would have flagged.',
      ),
    );
  }

  async function load(): Promise<void> {
    stop();
    const arm = Number(armSel.value);
    const day = Math.max(1, Math.min(360, Math.floor(Number(daySel.value) || 31)));
    from = day * DAY;
    const dept = { ...loaded.departments[arm], horizon: from + 2 * DAY };
    note.textContent = 'simulating…';
    const r = await pool.trace(dept, {
      seed: loaded.resolved.seed,
      replication: 0,
      from: from - DAY,
      to: from + DAY,
      limit: 50_000,
    });
    // Start from the state at midnight: replay the day before without drawing.
    events = r.events;
    dayStatus.events = events.length;
    from = from - DAY;
    reset();
    t = 0;
    advanceTo(1440);
    const midnight = cursor;
    const before = { live: new Map(live), reading: new Map(reading), onDuty, busy };
    from += DAY;
    events = events.slice(midnight);
    const carry = [...before.live.values()].map((s) => ({
      kind: TRACE.arrival,
      time: s.arrival,
      id: s.id,
      a: s.stream,
      b: s.level,
      c: s.flags,
    }));
    const carryStarts = [...before.reading.values()].map((s) => ({
      kind: TRACE.start,
      time: from,
      id: s.id,
      a: 0,
      b: before.busy,
      c: before.onDuty,
    }));
    events = [...carry, ...carryStarts, ...events] as TraceEvent[];
    reset();
    t = 0;
    advanceTo(0);
    showWaits();
    note.textContent = `Arm “${arms[arm]}”, day ${day} of the first replication (seed ${loaded.resolved.seed}): ${events.length.toLocaleString('en')} events.${r.truncated ? ' The trace was cut at its limit.' : ''}`;
    draw();
  }
  armSel.addEventListener('change', () => void load());
  daySel.addEventListener('change', () => void load());
  void load();
}
