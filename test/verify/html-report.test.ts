/**
 * The HTML report in a real browser: Debian's headless chromium (never a downloaded one) renders the
 * report of the broken fixture; the matrix must show each planted violation, no request may leave
 * the page (it is self-contained), and a screenshot goes to test-output/verify-report.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { loadSpec } from '../../generator/load/index.js';
import { verify } from '../../generator/verify/index.js';
import { renderHtml } from '../../generator/verify/format-html.js';
import { createBrokenApp } from './broken-server.js';
import { serve } from './serve.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = fileURLToPath(new URL('../../test-output/', import.meta.url));
const profile = mkdtempSync(join(tmpdir(), 'faultline-chromium-'));
let browser: BrowserContext;
let reportFile: string;

describe.skipIf(!existsSync(CHROMIUM))('verify HTML report in chromium', () => {
  beforeAll(async () => {
    const running = await serve(createBrokenApp({ defects: true }));
    const report = await verify({
      document: loadSpec(fileURLToPath(new URL('./broken.yaml', import.meta.url))).document!,
      baseUrl: running.url,
    });
    await running.close();
    mkdirSync(OUT, { recursive: true });
    reportFile = join(OUT, 'verify-report.html');
    writeFileSync(reportFile, renderHtml(report));
    // A persistent context is how playwright takes a --user-data-dir: a fresh folder per run.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1200, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('shows the planted violations in the matrix and loads nothing from outside', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) outside.push(r.url());
    });
    await page.goto(pathToFileURL(reportFile).href);
    const cell = (op: string, status: string) => page.locator(`#matrix tr[data-operation="${op}"] td[data-status="${status}"]`).innerText();
    expect(await cell('GET /stats', '500')).toMatch(/^violated 1\/1$/);
    expect(await cell('DELETE /items/{id}', '410')).toMatch(/^violated/);
    expect(await cell('GET /items/{id}', '404')).toMatch(/^violated/);
    expect(await cell('POST /items', '201')).toMatch(/^violated/);
    expect(await cell('GET /items', '200')).toMatch(/^violated/);
    expect(await cell('* /items/{id}', '405')).toMatch(/^violated/);
    expect(await cell('* /items', '405')).toMatch(/^observed/);
    expect(await cell('GET /items/{id}', '500')).toBe('documented');
    const violated = await page.locator('#matrix td[data-state="violated"]').count();
    expect(violated).toBe(6);
    expect(await page.locator('#verdict').innerText()).toBe('6 findings');
    const curls = await page.locator('.finding .curl').allInnerTexts();
    expect(curls).toHaveLength(6);
    expect(curls.some((c) => c.startsWith("curl -sS -i -X GET 'http://127.0.0.1:") && c.includes('/stats'))).toBe(true);
    // The leaked stack is shown as text, escaped, not interpreted.
    expect(await page.locator('.finding[data-check="no_leaks"] details pre').nth(1).textContent()).toContain('TypeError');
    await page.screenshot({ path: join(OUT, 'verify-report.png'), fullPage: true });
    expect(outside).toEqual([]);
    await page.close();
  });
});
