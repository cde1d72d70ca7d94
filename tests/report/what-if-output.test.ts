/** What-ifs never overwrite the baseline's folder; the report's assumptions fit the scenario run. */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { whatIfSuffix } from '../../src/cli/commands/run-command.js';
import { assumptions } from '../../src/report/assumptions.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { readsim } from '../support/cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('--set without --out', () => {
  it('names the folder after the change', () => {
    expect(whatIfSuffix([])).toBe('');
    expect(whatIfSuffix(['readers.radiologists.count=+2'])).toBe('--readers.radiologists.count-plus2');
    expect(whatIfSuffix(['growth=8%/y', 'x=a b'])).toBe('--growth-8pct-y--x-a-b');
  });

  it('writes a new folder and says where', () => {
    // Inside the checkout (ignored by git), so that the CLI finds its packages.
    mkdirSync('.vitest-tmp', { recursive: true });
    const dir = mkdtempSync(join(resolve('.vitest-tmp'), 'whatif-'));
    dirs.push(dir);
    copyFileSync('tests/fixtures/ed-small.yaml', join(dir, 'ed.yaml'));
    const r = readsim(['run', 'ed.yaml', '-r', '1', '-q', '--horizon', '4w', '--set', 'replications=2'], dir);
    expect(r.code).toBe(0);
    // (readsim keeps each results folder's content in a hidden folder the visible name links to)
    expect(readdirSync(join(dir, 'output')).filter((n) => !n.startsWith('.'))).toEqual(['ed--replications-2']);
    expect(r.stdout).toContain('output/ed--replications-2');
    expect(existsSync(join(dir, 'output/ed'))).toBe(false);
  }, 120_000);
});

describe('assumptions', () => {
  const text = (file: string) =>
    assumptions(loadScenario(file).resolved)
      .map((a) => a.text)
      .join('\n');
  it('breast screening: readers who miss are said to miss', () => {
    const t = text('scenarios/breast-screening.yaml');
    expect(t).not.toContain('Human readers are assumed to find what is there');
    expect(t).toContain('Human readers miss findings');
  });
  it('widening gap: readers find what is there, emergencies interrupt reads, its own efficiency and AI tools', () => {
    const t = text('scenarios/widening-gap.yaml');
    expect(t).toContain('Human readers are assumed to find what is there');
    expect(t).toContain('interrupts a less urgent read (preemption)');
    expect(t).not.toContain('no preemption');
    expect(t).toContain('(here 0.45)');
    expect(t).toContain('reading assistance (reading-assist) multiplies it');
    expect(t).toContain('an autonomous tool (xr-autonormal)');
    expect(t).toContain('the reading work per study grows by year');
    expect(t).not.toContain('Triage');
    expect(t).toContain('holidays, outsourcing');
  });
  it('every line follows the scenario: fifo, triage, escalation, outsourcing, handover', () => {
    expect(text('scenarios/ed-head-ct-triage.yaml')).toMatch(/Triage that reorders \(ich-triage\)/);
    expect(text('scenarios/ed-head-ct-triage.yaml')).toContain('no preemption');
    const out = text('scenarios/outsourcing-levers.yaml');
    expect(out).toMatch(/is an external provider|are external providers/);
    expect(out).not.toMatch(/sick leave and holidays, outsourcing/);
    expect(text('scenarios/ctpa-pe-triage.yaml')).toContain('Where an arm sets escalateAfter, escalation moves a study up');
    expect(text('scenarios/widening-gap.yaml')).not.toContain('Escalation');
  });
});
