import { type CalendarPiece, DAY, WEEK } from '../engine/index.js';

/** A roster line as minutes: a shift on each of `days` (0 = Monday) from `from` for `length` minutes. */
export interface ShiftSpec {
  days: number[];
  from: number;
  length: number;
  on: number;
}

/** Where a shift overlaps another: the two line numbers (0-based) and the minute of the week. */
export interface RosterOverlap {
  first: number;
  second: number;
  minute: number;
}

/**
 * Turns roster lines into weekly calendar pieces, one per shift. A shift that runs past
 * midnight belongs to the day it starts; one that runs past Sunday midnight wraps to Monday
 * (its piece ends after the week's end, as the calendar allows).
 */
export function rosterPieces(shifts: ShiftSpec[]): { pieces: CalendarPiece[]; overlaps: RosterOverlap[] } {
  const pieces: CalendarPiece[] = [];
  const tagged: (CalendarPiece & { line: number })[] = [];
  shifts.forEach((s, line) => {
    for (const d of s.days) {
      const start = d * DAY + s.from;
      const end = start + s.length;
      pieces.push({ start, end, value: s.on });
      if (end <= WEEK) tagged.push({ start, end, value: s.on, line });
      else {
        tagged.push({ start, end: WEEK, value: s.on, line });
        tagged.push({ start: 0, end: end - WEEK, value: s.on, line });
      }
    }
  });
  tagged.sort((a, b) => a.start - b.start);
  const overlaps: RosterOverlap[] = [];
  for (let i = 1; i < tagged.length; i++) {
    const prev = tagged[i - 1];
    const cur = tagged[i];
    if (cur.start < prev.end)
      overlaps.push({ first: Math.min(prev.line, cur.line), second: Math.max(prev.line, cur.line), minute: cur.start });
  }
  return { pieces, overlaps };
}
