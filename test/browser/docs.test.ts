/**
 * The docs page in a real browser: headless Debian chromium (apt-get install chromium; never a
 * downloaded browser) opens /docs of the running users service, and the 409 response of
 * POST /user/ is on the page. The page must load nothing from other hosts (no CDN). The
 * screenshot goes to test-output/ (gitignored). Without /usr/bin/chromium the test is skipped
 * locally and fails in CI.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { signalGroup, startService, type ServiceProcess } from '../db/support/child.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const outDir = new URL('../../test-output/', import.meta.url).pathname;
const inCI = process.env.CI === 'true' || process.env.CI === '1';

const have = existsSync(CHROMIUM);
if (!have && !inCI) console.warn(`[test/browser] skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);

describe.skipIf(!have && !inCI)('API docs in chromium', () => {
  let service: ServiceProcess | undefined;
  let profile: string | undefined;
  afterAll(() => {
    if (service) signalGroup(service, 'SIGKILL');
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('GET /docs shows POST /user/ with its 409 response, all served by the service itself', async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is required in CI (.ci/run installs it)`).toBe(true);
    service = await startService(process.execPath, ['--import', 'tsx', 'output/users/server.ts'], {
      PORT: '0',
      DATABASE_URL: 'memory://',
    });
    profile = mkdtempSync(path.join(tmpdir(), 'faultline-chromium-'));
    // A persistent context is how Playwright takes a fresh --user-data-dir of our choosing.
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const foreign: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).origin !== new URL(service!.base).origin) foreign.push(request.url());
      });
      // deepLinking opens the operation, so its responses table is rendered.
      await page.goto(`${service.base}/docs/#/users/createUser`, { waitUntil: 'load' });
      const row = page.locator('#operations-users-createUser tr.response[data-code="409"]');
      await row.waitFor({ state: 'visible', timeout: 120_000 }); // a hang guard: chromium on a busy 2-core machine is slow
      expect(await row.innerText()).toContain('Username already taken');
      mkdirSync(outDir, { recursive: true });
      await page.screenshot({ path: path.join(outDir, 'docs-users.png'), fullPage: true });
      expect(foreign).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
