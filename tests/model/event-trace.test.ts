// The optional event trace (model/event-trace.ts): it changes nothing in the results, it is
// bounded, and it tells a consistent story (reads start after arrival, end after start; the
// readers busy never exceed those on duty except for reads finished after a shift's end).
import { describe, expect, it } from 'vitest';
import { DAY } from '../../src/engine/index.js';
import { simulateDepartment } from '../../src/model/department.js';
import { TRACE, TraceRecorder } from '../../src/model/event-trace.js';
import { validateScenario } from '../../src/scenario/load-scenario.js';
import { BLEED_TRIAGE, scenario } from '../support/scenarios.js';

function department() {
  const loaded = validateScenario(
    'trace.yaml',
    scenario({ ai: [BLEED_TRIAGE], arms: [{ name: 'triage', ai: ['bleed-triage'] }] }),
  );
  return loaded.departments[0];
}

describe('event trace', () => {
  it('leaves the results exactly as they are without it', () => {
    const plain = simulateDepartment(department(), { seed: 3, replication: 1 });
    const trace = new TraceRecorder({ from: 7 * DAY, to: 9 * DAY });
    const traced = simulateDepartment(department(), { seed: 3, replication: 1, trace });
    expect(traced).toEqual(plain);
    expect(trace.events.length).toBeGreaterThan(100);
  });

  it('keeps only its window and at most its limit', () => {
    const trace = new TraceRecorder({ from: 7 * DAY, to: 8 * DAY, limit: 50 });
    simulateDepartment(department(), { seed: 3, replication: 0, trace });
    expect(trace.events).toHaveLength(50);
    expect(trace.truncated).toBe(true);
    for (const e of trace.events) expect(e.time >= 7 * DAY && e.time < 8 * DAY).toBe(true);
  });

  it('tells a consistent story: arrival, then start, then completion; flagged studies one level up', () => {
    const dept = department();
    const trace = new TraceRecorder();
    simulateDepartment({ ...dept, horizon: 14 * DAY }, { seed: 5, replication: 0, trace });
    const state = new Map<number, 'waiting' | 'reading'>();
    let starts = 0;
    let completes = 0;
    let shifts = 0;
    let flaggedUp = 0;
    for (const e of trace.events) {
      if (e.kind === TRACE.arrival) {
        expect(state.has(e.id)).toBe(false);
        if (!(e.c & 4)) state.set(e.id, 'waiting');
        const base = dept.streams[e.a].priority + 1;
        if (e.c & 1) {
          expect(e.b).toBe(base - 1);
          flaggedUp++;
        } else expect(e.b).toBe(base);
      } else if (e.kind === TRACE.start) {
        expect(state.get(e.id)).toBe('waiting');
        state.set(e.id, 'reading');
        expect(e.b).toBeLessThanOrEqual(e.c);
        starts++;
      } else if (e.kind === TRACE.complete) {
        expect(state.get(e.id)).toBe('reading');
        state.delete(e.id); // one read per study in this scenario
        completes++;
      } else if (e.kind === TRACE.shift) {
        expect(e.id).toBe(-1);
        shifts++;
      } else throw new Error(`no hand-over expected with shiftEnd: finish, found ${JSON.stringify(e)}`);
    }
    expect(starts).toBeGreaterThan(500);
    expect(completes).toBeGreaterThan(500);
    expect(shifts).toBeGreaterThan(10);
    expect(flaggedUp).toBeGreaterThan(5);
  });

  it('tells every change of readers on duty, off shift as well as on, and every read handed back at a shift end', () => {
    const loaded = validateScenario(
      'trace.yaml',
      scenario({
        readers: [
          {
            name: 'general',
            count: 5,
            shiftEnd: 'handover',
            roster: [
              { days: 'Mon-Fri', from: '08:00', to: '18:00', on: 4 },
              { days: 'Sat-Sun', from: '08:00', to: '18:00', on: 2 },
              { days: 'all', from: '18:00', to: '08:00', on: 1 },
            ],
          },
        ],
      }),
    );
    const dept = { ...loaded.departments[0], horizon: 14 * DAY };
    const trace = new TraceRecorder();
    simulateDepartment(dept, { seed: 7, replication: 0, trace });
    // Replayed as the day view does: the readers on duty come from shift events alone, and must
    // be what every read's event says at once (not corrected only at the next read).
    let onDuty = -1;
    const state = new Map<number, 'waiting' | 'reading'>();
    const offShift: number[] = [];
    let handovers = 0;
    for (const e of trace.events) {
      if (e.kind === TRACE.shift) {
        if (e.c < onDuty) offShift.push(e.time);
        onDuty = e.c;
        expect(e.b).toBeLessThanOrEqual(e.c);
      } else if (e.kind === TRACE.arrival) {
        if (!(e.c & 4)) state.set(e.id, 'waiting');
      } else {
        expect(e.c, `readers on duty at ${JSON.stringify(e)}`).toBe(onDuty);
        if (e.kind === TRACE.start) {
          expect(state.get(e.id)).toBe('waiting');
          state.set(e.id, 'reading');
        } else if (e.kind === TRACE.complete) {
          expect(state.get(e.id)).toBe('reading');
          state.delete(e.id);
        } else {
          expect(state.get(e.id)).toBe('reading');
          state.set(e.id, 'waiting');
          handovers++;
        }
      }
    }
    // Every evening at 18:00 (4 or 2 readers down to 1): 14 times in two weeks.
    expect(offShift.length).toBe(14);
    for (const t of offShift) expect(t % DAY).toBe(18 * 60);
    expect(handovers).toBeGreaterThan(0);
  });
});
