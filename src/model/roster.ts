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
 * (its piece ends after the week's end, as the calendar allows). Days of one line that follow
 * each other without a break (00:00-24:00 on several days) are one shift: its readers stay
 * on; a line's shift meeting another line's is a shift change.
 */
export function rosterPieces(shifts: ShiftSpec[]): { pieces: CalendarPiece[]; overlaps: RosterOverlap[] } {
  const pieces: CalendarPiece[] = [];
  const tagged: (CalendarPiece & { line: number })[] = [];
  shifts.forEach((s, line) => {
    pieces.push(...joinedShifts(s));
    for (const d of s.days) {
      const start = d * DAY + s.from;
      const end = start + s.length;
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

/** A line's shifts, days that follow each other without a break joined into one. */
function joinedShifts(s: ShiftSpec): CalendarPiece[] {
  const starts = [...new Set(s.days)].map((d) => d * DAY + s.from).sort((a, b) => a - b);
  const joined: CalendarPiece[] = [];
  for (const start of starts) {
    const last = joined[joined.length - 1];
    if (last !== undefined && last.end === start) last.end = start + s.length;
    else joined.push({ start, end: start + s.length, value: s.on });
  }
  // Across the end of the week: the last shift runs on into the first.
  if (joined.length > 1) {
    const first = joined[0];
    const last = joined[joined.length - 1];
    if (last.end - WEEK === first.start) {
      last.end += first.end - first.start;
      joined.shift();
    }
  }
  for (const p of joined) {
    if (p.end - p.start >= WEEK) {
      p.start = 0;
      p.end = WEEK;
    }
  }
  return joined;
}
