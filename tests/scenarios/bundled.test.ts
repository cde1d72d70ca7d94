/**
 * The bundled scenarios: each is valid, names its sources, runs briefly through the real model,
 * and shows what it is there to teach (checked on the analytic companion where a long run
 * would be needed).
 */
import { describe, expect, it } from 'vitest';
import { explainScenario } from '../../src/experiment/analytic-companion.js';
import { runExperiment } from '../../src/experiment/experiment.js';
import { yearsToSaturation } from '../../src/formulas/queueing-formulas.js';
import { listBundledScenarios } from '../../src/scenario/bundled-scenarios.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';

const EXPECTED = [
  'ai-speed-sensitivity',
  'autonomous-normal-cxr',
  'breast-screening',
  'ctpa-pe-triage',
  'ed-head-ct-triage',
  'outsourcing-levers',
  'widening-gap',
];

describe('bundled scenarios', () => {
  it('are the seven the teaching walkthrough uses', () => {
    expect(listBundledScenarios().map((s) => s.name)).toEqual(EXPECTED);
  });

  for (const name of EXPECTED) {
    it(`${name}: valid, described, sourced, and runs`, async () => {
      const s = loadScenario(`scenarios/${name}.yaml`, { set: ['horizon=6w', 'warmup=1w'] });
      expect(s.resolved.description.length).toBeGreaterThan(200);
      expect(s.resolved.sources.length).toBeGreaterThanOrEqual(3);
      const r = await runExperiment(s, { replications: 2, jobs: 1 });
      for (const arm of r.summary.arms) {
        const studies = arm.studies as Record<string, { mean: number }>;
        expect(studies.arrived.mean).toBeGreaterThan(100);
        // Studies still with an external provider at the end are unreported (a few hours' worth here).
        expect(studies.reported.mean + studies.cleared_by_ai.mean).toBeGreaterThan(0.8 * studies.arrived.mean);
      }
    });
  }
});

describe('what the scenarios teach (analytic companion)', () => {
  it('widening gap: demand passes capacity in about 5 years, later with each arm', () => {
    const e = explainScenario(loadScenario('scenarios/widening-gap.yaml'));
    const [base, assist, autonomous, readers, images] = e.arms;
    expect(base.crossing).toBeGreaterThan(4);
    expect(base.crossing).toBeLessThan(6);
    expect(base.years[9].fluidBacklog).toBeGreaterThan(50_000);
    // A 10% faster read buys more time than clearing half the normal X-rays, which take a minute.
    expect(assist.yearsBought as number).toBeGreaterThan(1.5);
    expect(autonomous.yearsBought as number).toBeGreaterThan(0);
    expect(autonomous.yearsBought as number).toBeLessThan(assist.yearsBought as number);
    expect(readers.yearsBought as number).toBeGreaterThan(1);
    // Growing images per study: the crossing comes earlier than study growth alone says.
    const cg = images.crossingByGrowth;
    expect(cg?.studiesOnly).toBeCloseTo(base.crossing as number, 6);
    expect(cg?.both).toBeLessThan((base.crossing as number) - 1);
    expect(cg?.workOnly).toBeGreaterThan(cg?.studiesOnly as number);
  });

  it('outsourcing levers: night CT outsourcing removes load as the nights pattern says, and costs per study', () => {
    const e = explainScenario(loadScenario('scenarios/outsourcing-levers.yaml'));
    const [inHouse, nights] = e.arms;
    expect(inHouse.crossing).toBeGreaterThan(2);
    expect(inHouse.crossing).toBeLessThan(4);
    expect(nights.yearsBought as number).toBeGreaterThan(1);
    const edCt = nights.streams.find((s) => s.name === 'ed-ct');
    expect(edCt?.outsourcedShare).toBeGreaterThan(0.2);
    expect(edCt?.outsourcedShare).toBeLessThan(0.6);
    expect(nights.streams.find((s) => s.name === 'outpatient-mr')?.outsourcedShare).toBe(0);
  });

  it('ai speed sensitivity: the crossing follows ln(1/rho0)/ln(1+g) when every stream grows alike', () => {
    const e = explainScenario(loadScenario('scenarios/ai-speed-sensitivity.yaml'));
    const base = e.arms[0];
    expect(base.crossing).toBeCloseTo(yearsToSaturation(base.years[0].rho / 1.05 ** 0.5, 0.05), 1);
    const slower = explainScenario(
      loadScenario('scenarios/ai-speed-sensitivity.yaml', { set: ['ai.reading-assist.readTimeFactor=1.18'] }),
    );
    expect(slower.arms[1].crossing).toBe(0);
  });

  it('triage buys no capacity: the explanation says so and the crossing does not move', () => {
    const e = explainScenario(loadScenario('scenarios/ed-head-ct-triage.yaml'));
    expect(e.tools.find((t) => t.tool === 'ich-triage')?.yearsBought).toBe(0);
    expect(e.arms.map((a) => a.years[0].rho)).toEqual([e.arms[0].years[0].rho, e.arms[0].years[0].rho, e.arms[0].years[0].rho]);
  });

  it('breast screening: both AI arms cut human reads by 40-50%', () => {
    const e = explainScenario(loadScenario('scenarios/breast-screening.yaml'));
    const reads = e.arms.map((a) => a.streams[0].readsPerStudy);
    expect(reads[0]).toBeGreaterThan(2);
    for (const r of reads.slice(1)) {
      expect(1 - r / reads[0]).toBeGreaterThan(0.4);
      expect(1 - r / reads[0]).toBeLessThan(0.5);
    }
  });
});
