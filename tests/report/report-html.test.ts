/**
 * report.html opens in headless Chromium with no network, draws every chart, logs no errors,
 * and shows text from the scenario as text (a name with <script> does not run).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiment/experiment.js';
import { writeResults } from '../../src/report/results-folder.js';
import { validateScenario } from '../../src/scenario/load-scenario.js';
import { BLEED_TRIAGE, scenario } from '../support/scenarios.js';

const CHROMIUM = '/usr/bin/chromium';
const EVIL = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'readsim-report-'));
  const raw = scenario({
    name: `ED ${EVIL}`,
    description: `Teaching ${EVIL} & more`,
    horizon: '12w',
    ai: [BLEED_TRIAGE],
    arms: [{ name: 'without AI' }, { name: `triage ${EVIL}`, ai: ['bleed-triage'] }],
  });
  const result = await runExperiment(validateScenario('evil.yaml', raw), { replications: 2, jobs: 1 });
  await writeResults(result, join(dir, 'out'));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('report.html', () => {
  it('is one file that needs nothing from the network', () => {
    const html = readFileSync(join(dir, 'out/report.html'), 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="https?:/i);
    expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
  });

  it('draws every chart in Chromium, logs no errors and runs no text from the scenario', async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: .ci/run installs Debian's chromium`).toBe(true);
    const profile = mkdtempSync(join(tmpdir(), 'readsim-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      const network: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
        network.push(url);
        return route.abort();
      });
      await page.goto(pathToFileURL(join(dir, 'out/report.html')).href, { waitUntil: 'load' });
      const charts = await page.$$eval('img.chart', (imgs) =>
        imgs.map((i) => {
          const img = i as unknown as { complete: boolean; naturalWidth: number; alt: string };
          return { ok: img.complete && img.naturalWidth > 200, alt: img.alt };
        }),
      );
      expect(charts.length).toBe(7); // six, and the turnaround by hour of the week
      for (const c of charts) expect(c.ok, `chart "${c.alt}" was not drawn`).toBe(true);
      const captions = await page.$$eval('figcaption', (f) => f.map((x) => x.textContent ?? ''));
      expect(captions.every((c) => c.length > 80)).toBe(true);
      expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.textContent('h1')).toContain('<script>window.__pwned = 1</script>');
      expect(await page.$$eval('table.summary tbody tr', (r) => r.length)).toBeGreaterThan(4);
      // On a projector (1024 px wide): no table and nothing else spills past the width.
      await page.setViewportSize({ width: 1024, height: 768 });
      const pageWidth = await page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement
            .scrollWidth,
      );
      expect(pageWidth).toBeLessThanOrEqual(1024);
      const tables = await page.$$eval('table', (ts) =>
        ts.map((t) => ({ cls: t.className, width: t.scrollWidth, box: t.parentElement?.clientWidth ?? 0 })),
      );
      expect(tables.length).toBeGreaterThanOrEqual(2);
      for (const t of tables) {
        expect(t.width, `table ${t.cls}`).toBeLessThanOrEqual(t.box);
        expect(t.box, `table ${t.cls}`).toBeLessThanOrEqual(1024);
      }
      expect(await page.textContent('p.headline')).toMatch(/^In “without AI”, demand is [\d.]+% of what the roster can read\./);
      // The scenario as run is folded away: in a closed <details>, not shown until opened.
      expect(await page.$eval('pre', (p) => p.closest('details')?.open === false && !p.checkVisibility())).toBe(true);
      expect(problems).toEqual([]);
      expect(network).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }, 60_000);
});
