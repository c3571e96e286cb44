/**
 * `faultline verify` as a command: exit codes, the summary, report files, usage errors and an
 * unreachable URL. Runs through cli.ts `main` with a recording io, against real servers on port 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../generator/cli.js';
import type { CommandIO } from '../../generator/commands/io.js';
import { createBrokenApp } from './broken-server.js';
import { serve, type Running } from './serve.js';

const SPEC = fileURLToPath(new URL('./broken.yaml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'faultline-verify-'));
let broken: Running;
let clean: Running;

function recorder(isTTY = false) {
  const out = { stdout: '', stderr: '' };
  const io: CommandIO = { cwd: dir, isTTY, env: {}, stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t) };
  return { io, out };
}

beforeAll(async () => {
  broken = await serve(createBrokenApp({ defects: true }));
  clean = await serve(createBrokenApp({ defects: false }));
});
afterAll(async () => {
  await broken.close();
  await clean.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('faultline verify', () => {
  it('exits 1 with a summary and writes both reports when it finds problems', async () => {
    const { io, out } = recorder();
    const code = await main(
      ['verify', SPEC, '--url', broken.url, '--report', 'json', 'r/report.json', '--report', 'html', 'r/report.html', '--seed', '3'],
      io,
    );
    expect(code).toBe(1);
    expect(out.stdout).toMatch(
      /^faultline verify http:\/\/127\.0\.0\.1:\d+: Broken items 1\.0\.0 \(OpenAPI 3\.0\.3\)\n\d+ requests in [\d.]+ s, seed 3\n/,
    );
    expect(out.stdout).toContain('✖ allow_header  * /items/{id}  → 405  (3 requests)');
    expect(out.stdout).toMatch(/DELETE \/items\/\{id\}\s+6\s+400 404 500\s+400\s+404 500\s+410/);
    expect(out.stdout).toContain('6 findings: ');
    expect(out.stdout).not.toContain('\r');
    const json = JSON.parse(readFileSync(join(dir, 'r/report.json'), 'utf8'));
    expect(json).toMatchObject({ tool: 'faultline verify', seed: 3, spec: { title: 'Broken items' } });
    expect(json.findings).toHaveLength(6);
    expect(json.notes).toBeUndefined();
    const html = readFileSync(join(dir, 'r/report.html'), 'utf8');
    expect(html).toContain('<table id="matrix">');
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i);
  });

  it('exits 0 for a service that keeps its contract, with live progress on a terminal', async () => {
    const { io, out } = recorder(true);
    const code = await main(['verify', SPEC, '--url', clean.url, '--header', 'Authorization: Bearer t0ken', '--concurrency', '2'], io);
    expect(code).toBe(0);
    expect(out.stdout).toMatch(/\r\x1b\[2Kverify \d+\/\d+ requests, 0 failing/);
    expect(out.stdout).toContain('no findings: every response kept the documented contract');
  });

  it('exits 2 with a clear message when the URL cannot be reached', async () => {
    const { io, out } = recorder();
    const code = await main(['verify', SPEC, '--url', 'http://127.0.0.1:9', '--timeout', '2000'], io);
    expect(code).toBe(2);
    expect(out.stderr).toMatch(/^faultline verify: cannot reach http:\/\/127\.0\.0\.1:9: ECONNREFUSED/);
    expect(out.stderr).toContain('Is the service running, and is --url right?');
  });

  it.each([
    ['no --url', [SPEC], /--url is required/],
    ['two specs', [SPEC, SPEC, '--url', 'http://x'], /expected one spec file, got 2/],
    ['bad url', [SPEC, '--url', 'localhost:3000'], /is not a URL|must be http or https/],
    ['bad number', [SPEC, '--url', 'http://x', '--max-requests', '0'], /--max-requests must be an integer >= 1, got "0"/],
    ['bad header', [SPEC, '--url', 'http://x', '--header', 'no colon'], /--header "no colon" is not "Name: value"/],
    ['bad report', [SPEC, '--url', 'http://x', '--report', 'xml', 'a.xml'], /--report takes json or html, got "xml"/],
    ['report without file', [SPEC, '--url', 'http://x', '--report', 'json'], /--report json needs a file name/],
    ['unknown option', [SPEC, '--url', 'http://x', '--bogus'], /unknown option '--bogus'/],
  ])('exits 2 for a usage error: %s', async (_name, args, message) => {
    const { io, out } = recorder();
    expect(await main(['verify', ...(args as string[])], io)).toBe(2);
    expect(out.stderr).toMatch(message as RegExp);
  });

  it('exits 2 and prints diagnostics for a spec that does not load', async () => {
    const { io, out } = recorder();
    expect(await main(['verify', 'missing.yaml', '--url', clean.url], io)).toBe(2);
    expect(out.stderr).toMatch(/^error missing\.yaml #: the spec file does not exist/);
  });
});
