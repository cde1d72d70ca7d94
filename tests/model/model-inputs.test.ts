import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateDepartment } from '../../src/model/department.js';
import type { DepartmentConfig, ToolConfig } from '../../src/model/department-config.js';
import { modelInputs } from '../../src/model/model-inputs.js';
import { validateScenario } from '../../src/scenario/load-scenario.js';

/**
 * modelInputs (model/model-inputs.ts) says which settings of a tool the arm does not deploy the
 * model never reads. A sweep trusts it to simulate once two departments that differ only there
 * (experiment/shared-runs.ts), so: changing those settings must change no result, byte for byte.
 * This fails as soon as the model starts reading one of them.
 */

/** Two streams, one of each tool kind, and arms deploying each subset of them. */
function scenario(): Record<string, unknown> {
  const tools = ['triage', 'assist', 'autonomous', 'second-reader'];
  return {
    name: 'every tool kind',
    horizon: '6w',
    warmup: '1w',
    period: 'week',
    seed: 5,
    priorities: [
      { name: 'urgent', target: '1h' },
      { name: 'routine', target: '7d' },
    ],
    streams: [
      {
        name: 'ct',
        modality: 'CT',
        priority: 'urgent',
        volume: '60/day',
        pattern: 'ed',
        readTime: { dist: 'lognormal', mean: '12m', cv: 0.6 },
        findings: { bleed: { prevalence: 0.1, humanSensitivity: 0.9 } },
      },
      {
        name: 'xr',
        modality: 'XR',
        priority: 'routine',
        volume: '300/day',
        pattern: 'office-hours',
        reads: 2,
        arbitration: true,
        readTime: { dist: 'gamma', mean: '2m', cv: 0.8 },
        findings: { nodule: { prevalence: 0.3, humanSensitivity: 0.8 } },
      },
    ],
    readers: [{ name: 'rads', count: 4, roster: [{ days: 'all', from: '00:00', to: '24:00', on: 3 }] }],
    worklist: { order: 'priority' },
    ai: [
      {
        name: 'triage',
        kind: 'triage',
        finding: 'bleed',
        streams: ['ct'],
        sensitivity: 0.9,
        specificity: 0.9,
        action: 'reorder',
      },
      {
        name: 'assist',
        kind: 'assist',
        streams: ['ct'],
        readTimeFactor: { flagged: 1.2, unflagged: 0.8 },
        extraTimePerFlag: '2m',
      },
      { name: 'autonomous', kind: 'autonomous', streams: ['xr'], clears: 0.4, misses: 0.02, readsLeft: 1 },
      { name: 'second-reader', kind: 'second-reader', streams: ['xr'], sensitivity: 0.85, specificity: 0.9 },
    ],
    arms: Array.from({ length: 16 }, (_, mask) => ({
      name: `tools ${mask}`,
      ai: tools.filter((_, i) => (mask >> i) & 1),
    })),
  };
}

/** The tool with every setting modelInputs calls unread changed (inactive tools only). */
function changeUnread(tool: ToolConfig, v: { factor: number; extra: number; reads: number }): ToolConfig {
  switch (tool.kind) {
    case 'assist':
      return { ...tool, factorFlagged: v.factor, factorUnflagged: 2 - v.factor, extraTimePerFlag: v.extra };
    case 'triage':
      return { ...tool, action: tool.action === 'reorder' ? 'flag' : 'reorder' };
    case 'autonomous':
      return { ...tool, readsLeft: v.reads };
    default:
      return tool;
  }
}

const run = (d: DepartmentConfig) => JSON.stringify(simulateDepartment(d, { seed: 3, replication: 0, arm: 'x' }));

describe('modelInputs', () => {
  const departments = validateScenario('every-tool.yaml', scenario()).departments;

  it('leaves a department whose tools all act as it is', () => {
    const all = departments[15];
    expect(all.active.every((a) => a)).toBe(true);
    expect(modelInputs(all)).toBe(all);
  });

  it('fixes only what the model does not read: results stay byte-identical', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 14 }),
        fc.record({ factor: fc.constantFrom(0.5, 0.7, 1.3), extra: fc.constantFrom(1, 5), reads: fc.constantFrom(1, 2) }),
        (arm, v) => {
          const d = departments[arm];
          const changed: DepartmentConfig = { ...d, tools: d.tools.map((t, i) => (d.active[i] ? t : changeUnread(t, v))) };
          const base = run(d);
          expect(run(changed)).toBe(base);
          expect(run(modelInputs(d))).toBe(base);
          expect(JSON.stringify(modelInputs(changed))).toBe(JSON.stringify(modelInputs(d)));
        },
      ),
      { numRuns: 12, seed: 7 },
    );
  });

  it('keeps what an active tool reads: changing it changes results', () => {
    const d = departments[15];
    const slower: DepartmentConfig = { ...d, tools: d.tools.map((t) => changeUnread(t, { factor: 1.3, extra: 5, reads: 2 })) };
    expect(run(slower)).not.toBe(run(d));
  });
});
