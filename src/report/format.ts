/** Number formatting shared by the text tables and the HTML report. */

/** A readable number: thousands separators, few decimals, "-" for nothing. */
export function fmt(x: number | null | undefined, decimals?: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '-';
  const d = decimals ?? (Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2);
  return x.toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
}

/** Minutes as the unit that reads best: "42 min", "5.3 h", "12.0 d". */
export function fmtMinutes(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '-';
  const a = Math.abs(x);
  if (a < 120) return `${fmt(x, a < 10 ? 1 : 0)} min`;
  if (a < 72 * 60) return `${fmt(x / 60, 1)} h`;
  return `${fmt(x / 1440, 1)} d`;
}

export function fmtShare(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '-' : `${fmt(x * 100, 1)}%`;
}
