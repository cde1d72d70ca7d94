import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'p-')), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1100, height: 1400 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await ctx.newPage();
await page.goto(`file://${process.argv[2]}`);
await page.screenshot({ path: process.argv[3], fullPage: process.argv[4] === 'full' });
await ctx.close();
