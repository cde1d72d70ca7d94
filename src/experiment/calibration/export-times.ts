import { DateTime, IANAZone } from 'luxon';

/**
 * Reading a timestamp cell of an export into an instant (milliseconds since 1970 UTC) and its
 * local wall-clock reading in the department's IANA time zone (Luxon). Accepted forms: ISO 8601
 * (`2026-03-29T02:30`, `2026-03-29 02:30:00`, with or without an offset), a stated Luxon format
 * (`--date-format dd/MM/yyyy HH:mm`), and Excel serial dates (days since 1899-12-30, the time as
 * the fraction: 46113.5 = 2026-04-01 12:00).
 *
 * Daylight saving: a wall time without an offset is read in the zone. A time in the
 * spring-forward gap (02:30 on the night the clocks go from 02:00 to 03:00) cannot have been
 * read off a clock that had changed, so it is read as standard time (the offset before the
 * change: 02:30 CET = 03:30 CEST). A time in the repeated autumn hour is read as its first
 * occurrence and carries its second as `alt`, for the caller to use when the first would put a
 * report before its request.
 */
export interface ReadTime {
  /** The instant, ms since 1970-01-01T00:00Z. */
  ms: number;
  /** The same wall time one clock change later (repeated autumn hour only). */
  alt?: number;
  /** The wall time fell in the spring-forward gap. */
  gap?: boolean;
}

export type TimeCell = ReadTime | 'missing' | 'unparseable';

const OFFSET_RE = /(Z|[+-]\d{2}(:?\d{2})?)$/i;
const EXCEL_RE = /^\d{4,6}(\.\d+)?$/;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const HOUR_MS = 3_600_000;
const WALL_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/** True when `zone` names an IANA time zone Luxon knows (e.g. Europe/Paris, UTC). */
export function isKnownZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

export interface TimeReaderOptions {
  /** IANA zone of wall times without an offset. */
  zone: string;
  /** A Luxon format (e.g. `dd/MM/yyyy HH:mm`); absent: ISO 8601 or Excel serial. */
  format?: string;
}

/** Returns a function that reads one timestamp cell. */
export function timeReader(options: TimeReaderOptions): (text: string) => TimeCell {
  const { zone, format } = options;
  const inZone = (wall: DateTime): ReadTime => {
    const local = DateTime.fromObject(
      {
        year: wall.year,
        month: wall.month,
        day: wall.day,
        hour: wall.hour,
        minute: wall.minute,
        second: wall.second,
        millisecond: wall.millisecond,
      },
      { zone },
    );
    const ms = local.toMillis();
    if (local.hour !== wall.hour || local.minute !== wall.minute || local.day !== wall.day) {
      // In the gap Luxon moves the wall time forward by the shift: the same instant as standard time.
      return { ms, gap: true };
    }
    // Luxon takes the later offset for a repeated wall time: look one hour earlier for the first.
    const earlier = DateTime.fromMillis(ms - HOUR_MS, { zone });
    if (earlier.hour === wall.hour && earlier.minute === wall.minute && earlier.day === wall.day) {
      return { ms: ms - HOUR_MS, alt: ms };
    }
    return { ms };
  };
  // Clock changes happen on the hour: one zone look-up per local hour serves every time in it.
  const hours = new Map<string, ReadTime>();
  const fast = (m: RegExpExecArray): TimeCell => {
    const key = `${m[1]}-${m[2]}-${m[3]}T${m[4]}`;
    let h = hours.get(key);
    if (!h) {
      const wall = DateTime.fromISO(`${key}:00`, { zone: 'UTC' });
      if (!wall.isValid) return 'unparseable';
      h = inZone(wall);
      hours.set(key, h);
    }
    const minute = Number(m[5]);
    const second = m[6] ? Number(m[6]) : 0;
    if (minute > 59 || second > 59) return 'unparseable';
    const within = (minute * 60 + second) * 1000 + (m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0);
    return { ms: h.ms + within, ...(h.alt !== undefined ? { alt: h.alt + within } : {}), ...(h.gap ? { gap: true } : {}) };
  };
  return (raw: string): TimeCell => {
    const text = raw.trim();
    if (text === '' || /^(null|na|n\/a|none|-)$/i.test(text)) return 'missing';
    if (!format) {
      const m = WALL_RE.exec(text);
      if (m) return fast(m);
    }
    if (format) {
      const wall = DateTime.fromFormat(text, format, { zone: 'UTC' });
      return wall.isValid ? inZone(wall) : 'unparseable';
    }
    if (EXCEL_RE.test(text)) {
      const serial = Number(text);
      // 1 = 1900-01-01 ... 2958465 = 9999-12-31; below 20000 (1954) is more likely an id than a date.
      if (!(serial >= 20000 && serial < 2958466)) return 'unparseable';
      const wallMs = Math.round((EXCEL_EPOCH_MS + serial * 86_400_000) / 1000) * 1000;
      return inZone(DateTime.fromMillis(wallMs, { zone: 'UTC' }));
    }
    const iso = text.replace(/^(\d{4}-\d{2}-\d{2})[ T]/, '$1T');
    if (OFFSET_RE.test(iso) && /T/.test(iso)) {
      const t = DateTime.fromISO(iso, { setZone: true });
      return t.isValid ? { ms: t.toMillis() } : 'unparseable';
    }
    const wall = DateTime.fromISO(iso, { zone: 'UTC' });
    return wall.isValid ? inZone(wall) : 'unparseable';
  };
}

/** The local wall-clock reading of an instant: what the hour-of-week pattern and the months use. */
export interface LocalTime {
  /** 0 = Monday 00:00-01:00 ... 167 = Sunday 23:00-24:00. */
  hourOfWeek: number;
  hourOfDay: number;
  /** "2026-03" */
  month: string;
  /** "2026-03-29" */
  date: string;
}

const localCache = new Map<string, LocalTime>();

export function localTime(ms: number, zone: string): LocalTime {
  const key = `${zone}\u0000${Math.floor(ms / HOUR_MS)}`;
  const hit = localCache.get(key);
  if (hit) return hit;
  if (localCache.size > 200_000) localCache.clear();
  const t = DateTime.fromMillis(ms, { zone });
  const out = {
    hourOfWeek: (t.weekday - 1) * 24 + t.hour,
    hourOfDay: t.hour,
    month: t.toFormat('yyyy-MM'),
    date: t.toFormat('yyyy-MM-dd'),
  };
  localCache.set(key, out);
  return out;
}
