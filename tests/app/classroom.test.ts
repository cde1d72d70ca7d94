/**
 * The classroom app in real Chromium: the exported file opened from disk with every network
 * request blocked and counted; lessons stepped through; a control moved and the chart redrawn;
 * the day animation played; a bundled scenario run in the playground with the same summary.json
 * as the command line; scenario text shown as text; keyboard alone; nothing cut off at 1024x768.
 * Screenshots go to a temporary folder (printed) to be looked at.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, readsim } from '../support/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const EVIL = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
let dir = '';
let shots = '';
let html = '';
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];
const network: string[] = [];

type Status = {
  lessonStatus: { runs: number; analyticDraws: number; lesson: string };
  dayStatus: { frames: number; events: number; clock: string; playing: boolean };
  playgroundStatus: { runs: number; summaryJson: string; charts: number; error: string };
};
const status = () => page.evaluate(() => (globalThis as unknown as { readsim: Status }).readsim);

/** Nothing wider than the window: the page does not scroll sideways. */
async function fitsWidth(): Promise<number> {
  return page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
  );
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'readsim-app-'));
  shots = join(dir, 'screenshots');
  mkdirSync(shots);
  await build({ configFile: 'vite.config.ts', logLevel: 'error' });
  const r = readsim(['app', '--export', join(dir, 'classroom.html')]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  html = readFileSync(join(dir, 'classroom.html'), 'utf8');
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: .ci/run installs Debian's chromium`).toBe(true);
  context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1024, height: 768 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-sync',
    ],
  });
  // Every request that is not the file itself (or data/blob the page made) is blocked and counted.
  await context.route(/^(?!file:|data:|blob:)/, (route) => {
    network.push(route.request().url());
    return route.abort();
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('request', (req) => {
    if (!/^(file|data|blob):/.test(req.url())) network.push(req.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('dialog', (d) => {
    consoleErrors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`${pathToFileURL(join(dir, 'classroom.html')).href}#lesson-1`);
  process.stdout.write(`classroom screenshots: ${shots}\n`);
}, 180_000);

afterAll(async () => {
  await context?.close();
  // Keep the screenshots when asked (READSIM_KEEP_SHOTS=1), else clean up.
  if (dir && !process.env.READSIM_KEEP_SHOTS) rmSync(dir, { recursive: true, force: true });
});

describe('readsim app --export', () => {
  it('writes one self-contained file: scripts inline, nothing fetched', () => {
    expect(html).toContain('<meta name="generator" content="readsim app" />');
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link[^>]*\shref=/i);
    expect(html).toContain('DejaVu Sans');
  });

  it('refuses to overwrite a file readsim did not write', () => {
    const other = join(dir, 'notes.html');
    writeFileSync(other, 'my notes');
    const r = readsim(['app', '--export', other]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/readsim did not write/);
    expect(readFileSync(other, 'utf8')).toBe('my notes');
  });
});

describe('the classroom in Chromium, from disk, offline', () => {
  it('lesson 1 draws the formula at once and the simulation replication by replication', async () => {
    await page.waitForFunction(() => (globalThis as unknown as { readsim?: Status }).readsim?.lessonStatus.runs === 1, null, {
      timeout: 120_000,
    });
    await shot('lesson-1');
    expect(await fitsWidth()).toBeLessThanOrEqual(1024);
    const chart = page.locator('.chart canvas').first();
    const before = await chart.screenshot();
    const draws = (await status()).lessonStatus.analyticDraws;
    // Keyboard: focus the growth control and raise it.
    await page.focus('#ctl-crossing-growth');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (n) => (globalThis as unknown as { readsim: Status }).readsim.lessonStatus.analyticDraws >= n + 6,
      draws,
    );
    await expect.poll(async () => Buffer.compare(await chart.screenshot(), before) !== 0).toBe(true);
    expect(await page.locator('output[for="ctl-crossing-growth"]').textContent()).toBe('8 %/y');
    // The simulation starts again and shows its progress.
    await page.waitForSelector('.progress-text:text-matches("simulating: [1-8] of 8")', { timeout: 120_000 });
    await shot('lesson-1-growth-8');
  });

  it('steps through the five lessons with the keyboard', async () => {
    const titles: string[] = [];
    for (let i = 1; i <= 4; i++) {
      const next = page.getByRole('button', { name: 'next →' });
      await next.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (h) => (globalThis as unknown as { location: { hash: string } }).location.hash === h,
        `#lesson-${i + 1}`,
      );
      // The hash changes before the lesson is drawn: wait for its heading, not a moment.
      await page.locator('h2', { hasText: new RegExp(`^${i + 1}\\. `) }).waitFor();
      titles.push((await page.locator('h2').textContent()) ?? '');
      await page.waitForSelector('.chart canvas');
      expect(await fitsWidth()).toBeLessThanOrEqual(1024);
    }
    expect(titles).toEqual([
      '2. Then the backlog grows without limit',
      '3. The work per radiologist',
      '4. What each answer buys',
      '5. Triage buys no capacity',
    ]);
    await page.waitForFunction(() => (globalThis as unknown as { readsim: Status }).readsim.lessonStatus.lesson === 'triage');
    await shot('lesson-5');
  });

  it('plays a day in the reading room from the simulation’s trace', async () => {
    await page.focus('nav.site a[href="#day"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (globalThis as unknown as { readsim: Status }).readsim.dayStatus.events > 0);
    const frames = (await status()).dayStatus.frames;
    await page.focus('#day-play');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => {
      const d = (globalThis as unknown as { readsim: Status }).readsim.dayStatus;
      return d.frames > n + 20 && d.clock !== '00:00';
    }, frames);
    await shot('day');
    await page.keyboard.press('Enter'); // pause
    expect((await status()).dayStatus.playing).toBe(false);
    expect(await page.locator('.day-waits table tbody tr').count()).toBe(4);
    expect(await fitsWidth()).toBeLessThanOrEqual(1024);
  });

  it('runs a bundled scenario in the playground: summary.json byte-identical to readsim run', async () => {
    await page.focus('nav.site a[href="#playground"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.cm-editor');
    await page.selectOption('#pg-bundled', 'ed-head-ct-triage');
    await page.fill('#pg-f-replications', '2');
    await page.press('#pg-f-replications', 'Tab');
    await page.focus('#pg-run');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (globalThis as unknown as { readsim: Status }).readsim.playgroundStatus.runs === 1, null, {
      timeout: 120_000,
    });
    await page.waitForFunction(() => (globalThis as unknown as { readsim: Status }).readsim.playgroundStatus.charts >= 6);
    await shot('playground-run');
    expect(await fitsWidth()).toBeLessThanOrEqual(1024);
    const browser = (await status()).playgroundStatus.summaryJson;
    const cli = readsim([
      'run',
      'scenarios/ed-head-ct-triage.yaml',
      '-r',
      '2',
      '--jobs',
      '1',
      '--format',
      'json',
      '-o',
      join(dir, 'cli-out'),
    ]);
    expect(cli.code).toBe(0);
    expect(browser).toBe(cli.stdout);
  });

  it('downloads summary.json as shown, completes field names from the schema, opens a YAML file', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'summary.json' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('summary.json');
    expect(readFileSync(await download.path(), 'utf8')).toBe((await status()).playgroundStatus.summaryJson);
    // Completion: a new top-level line, the start of a field name, Ctrl-Space.
    await page.click('.cm-content');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('war');
    await page.keyboard.press('Control+Space');
    await page.waitForSelector('.cm-tooltip-autocomplete');
    expect(await page.locator('.cm-tooltip-autocomplete').textContent()).toContain('warmup');
    await page.keyboard.press('Escape');
    // Open a file (as the file picker or a drop gives it).
    const mine = readFileSync('scenarios/ed-head-ct-triage.yaml', 'utf8').replace(
      'name: ED head CT - bleed triage',
      'name: Our own list',
    );
    await page.setInputFiles('#pg-file', { name: 'our-list.yaml', mimeType: 'text/yaml', buffer: Buffer.from(mine) });
    await expect.poll(() => page.inputValue('#pg-f-name')).toBe('Our own list');
    await page.fill('#pg-f-replications', '2');
    await page.press('#pg-f-replications', 'Tab');
  });

  it('shows the command line’s message for a bad field, inline and on run', async () => {
    await page.fill('#pg-f-replications', '-2');
    await page.press('#pg-f-replications', 'Tab');
    await page.waitForSelector('.cm-lintRange-error');
    await page.click('#pg-run');
    await page.waitForSelector('#pg-error:not([hidden])');
    const shown = await page.locator('#pg-error').textContent();
    expect(shown).toMatch(/^our-list\.yaml:\d+:\d+: replications: expected/);
    await page.fill('#pg-f-replications', '2');
    await page.press('#pg-f-replications', 'Tab');
  });

  it('shows scenario text as text: a name with markup runs nothing', async () => {
    await page.fill('#pg-f-name', `ED ${EVIL}`);
    await page.press('#pg-f-name', 'Tab');
    await page.fill('#pg-f-arms-1-name', `flag ${EVIL}`);
    await page.press('#pg-f-arms-1-name', 'Tab');
    await page.click('#pg-run');
    await page.waitForFunction(() => (globalThis as unknown as { readsim: Status }).readsim.playgroundStatus.runs === 2, null, {
      timeout: 120_000,
    });
    await page.waitForFunction(() => (globalThis as unknown as { readsim: Status }).readsim.playgroundStatus.charts >= 6);
    expect(await page.locator('#pg-results h3').first().textContent()).toContain('<script>window.__pwned = 1</script>');
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#pg-results script, #pg-results img').count()).toBe(0);
    await shot('playground-markup');
  });

  it('made no network request and logged no error', () => {
    expect(network).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

describe('readsim app (serving)', () => {
  it('serves the same file on 127.0.0.1 and prints the address', async () => {
    const child = spawn(process.execPath, [CLI, 'app', '--port', '0'], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    const address = await new Promise<string>((ok, fail) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) ok(m[0]);
      });
      child.on('exit', (code) => fail(new Error(`readsim app exited with ${code}`)));
    });
    const served = await (await fetch(address)).text();
    expect(served).toBe(readFileSync('dist/app/index.html', 'utf8'));
    expect((await fetch(`${address}nothing-here`)).status).toBe(404);
    const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
