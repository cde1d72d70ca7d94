/** The work estimate a run is checked against before it starts. */
import { describe, expect, it } from 'vitest';
import { checkWorkLimits } from '../../src/cli/commands/work-limits.js';
import { estimateWork, workTooBig } from '../../src/experiment/work-estimate.js';
import { parseScenarioText, validateScenario } from '../../src/scenario/load-scenario.js';

const load = (volume: string, horizon: string, backlog = 0) =>
  validateScenario(
    'x.yaml',
    parseScenarioText(
      'x.yaml',
      `name: p\nhorizon: ${horizon}\nreplications: 2\nstreams:\n  - { name: s, volume: ${volume}, backlog: ${backlog}, readTime: { dist: exponential, mean: 10m } }\nreaders:\n  - { name: r, count: 5 }\n`,
    ),
  );

describe('work estimate', () => {
  it('counts arrivals and backlog per run, times replications', () => {
    const e = estimateWork([load('40/day', '10w', 100)], { jobs: 1 });
    expect(e.runs).toBe(2);
    expect(e.studiesPerRun).toBeCloseTo(40 * 70 + 100, 6);
    expect(e.studies).toBeCloseTo(2 * (40 * 70 + 100), 6);
    expect(workTooBig(e)).toBeNull();
  });

  it('refuses billions of studies, and a backlog that needs more memory than the limit', () => {
    expect(workTooBig(estimateWork([load('1000000/day', '10y')], { jobs: 1 }))).toMatch(
      /about 7\.30 billion studies \(2 runs of up to 3\.65 billion\), more than the limit of 2\.00 billion/,
    );
    const memory = workTooBig(estimateWork([load('40/day', '2w', 50_000_000)], { jobs: 2 }));
    expect(memory).toMatch(/about 7\.45 GB of memory \(a backlog of up to 50,000,000 studies/);
    // One run at a time needs half.
    expect(estimateWork([load('40/day', '2w', 50_000_000)], { jobs: 1 }).memory).toBeCloseTo(50_000_000 * 80, -3);
  });

  it('counts the memory of parts, not whole departments, when a department falls into parts', () => {
    // Two regions whose readers read only their own: each part holds about half the backlog.
    const regions = validateScenario(
      'x.yaml',
      parseScenarioText(
        'x.yaml',
        [
          'name: regions',
          'horizon: 2w',
          'replications: 1',
          'streams:',
          '  - { name: a, modality: CT-A, volume: 40/day, backlog: 30000000, readTime: { dist: exponential, mean: 10m } }',
          '  - { name: b, modality: CT-B, volume: 40/day, backlog: 30000000, readTime: { dist: exponential, mean: 10m } }',
          'readers:',
          '  - { name: ra, count: 5, modalities: [CT-A] }',
          '  - { name: rb, count: 5, modalities: [CT-B] }',
        ].join('\n'),
      ),
    );
    const e = estimateWork([regions], { jobs: 2 });
    expect(e.runs).toBe(1);
    expect(e.peakBacklog).toBe(60_000_000);
    // Two parts at once on two threads, each half: the whole backlog once, not twice as for two whole runs.
    expect(e.memory / 80).toBeCloseTo(60_000_000, -3);
    expect(estimateWork([regions], { jobs: 1 }).memory / 80).toBeCloseTo(30_000_000, -3);
  });

  it("bounds the memory by every study waiting at once (backlog: 'all'), and asks the fluid estimate only when that bound is too big", () => {
    // 60 M studies in a year (114 a minute), read as they come (5 readers, 1 s a read): the
    // fluid backlog is nil, but if every study waited at once two runs would need 9.6 GB.
    const stable = validateScenario(
      'x.yaml',
      parseScenarioText(
        'x.yaml',
        'name: p\nhorizon: 1y\nreplications: 2\nstreams:\n  - { name: s, volume: 60000000/y, readTime: { dist: exponential, mean: 1s } }\nreaders:\n  - { name: r, count: 5 }\n',
      ),
    );
    const bound = estimateWork([stable], { jobs: 2, backlog: 'all' });
    const fluid = estimateWork([stable], { jobs: 2 });
    expect(bound.memory).toBeCloseTo(2 * 60_000_000 * 80, -4);
    expect(fluid.memory).toBeLessThan(bound.memory / 100);
    expect(workTooBig(bound)).toMatch(/GB of memory/);
    expect(workTooBig(fluid)).toBeNull();
    // So the check passes it (it looked at the fluid estimate) ...
    expect(() => checkWorkLimits(stable, { jobs: 2, force: false })).not.toThrow();
    // ... and still refuses what the fluid estimate refuses.
    expect(() => checkWorkLimits(load('40/day', '2w', 50_000_000), { jobs: 2, force: false })).toThrow(/7\.45 GB of memory/);
  });
});
