import { describe, expect, it } from 'vitest';
import { mapColumns } from '../../src/experiment/calibration/column-mapping.js';
import { REMARKS, readStudies } from '../../src/experiment/calibration/export-studies.js';
import { parseExport } from '../../src/experiment/calibration/export-table.js';

const HEADER = 'Modality,Priority,Requested,Reported';

function tats(zone: string, rows: string[]) {
  const text = [HEADER, ...rows].join('\n');
  const table = parseExport('dst.csv', text);
  const d = readStudies(table, mapColumns('dst.csv', table.header, {}), { zone, mapping: {} });
  return {
    minutes: d.studies.map((s) => ((s.reported as number) - s.requested) / 60000),
    remarks: d.accounting.remarks,
    excluded: d.accounting.excluded,
  };
}

/** Wall times across the clock changes: turnaround must be real elapsed time, not the difference of the wall clocks. */
describe.each([
  // Europe/Paris: 2026-03-29 02:00 CET -> 03:00 CEST; 2026-10-25 03:00 CEST -> 02:00 CET.
  { zone: 'Europe/Paris', spring: '2026-03-29', gapHour: '02', autumn: '2026-10-25', repeated: '02' },
  // America/New_York: 2026-03-08 02:00 EST -> 03:00 EDT; 2026-11-01 02:00 EDT -> 01:00 EST.
  { zone: 'America/New_York', spring: '2026-03-08', gapHour: '02', autumn: '2026-11-01', repeated: '01' },
])('daylight saving in $zone', ({ zone, spring, gapHour, autumn, repeated }) => {
  it('spring forward: requested 01:50, reported 03:10 is 20 minutes, not 80', () => {
    const r = tats(zone, [`CT,ED,${spring} 01:50,${spring} 03:10`]);
    expect(r.minutes[0]).toBeCloseTo(20, 6);
  });

  it(`a request at ${gapHour}:30 in the missing hour is read as standard time, with a remark`, () => {
    const r = tats(zone, [`CT,ED,${spring} ${gapHour}:30,${spring} 03:40`]);
    expect(r.excluded).toEqual([]);
    expect(r.minutes[0]).toBeCloseTo(10, 6);
    expect(r.remarks.map((x) => x.reason)).toContain(REMARKS.gap);
  });

  it('fall back: requested in the first repeated hour, reported in the second, is 20 minutes and kept', () => {
    const r = tats(zone, [`CT,ED,${autumn} ${repeated}:50,${autumn} ${repeated}:10`]);
    expect(r.excluded).toEqual([]);
    expect(r.minutes[0]).toBeCloseTo(20, 6);
    expect(r.remarks.map((x) => x.reason)).toContain(REMARKS.repeated);
  });

  it('an explicit offset wins over the zone', () => {
    const r = tats(zone, [`CT,ED,${spring}T01:50:00Z,${spring}T02:10:00Z`]);
    expect(r.minutes[0]).toBeCloseTo(20, 6);
  });
});
