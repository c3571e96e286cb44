/** Reproducing curl commands, HTML escaping and the terminal summary: hostile text stays inert. */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { curlCommand, shellQuote } from '../../generator/verify/curl.js';
import { escapeHtml, renderHtml } from '../../generator/verify/format-html.js';
import { formatSummary, oneLine } from '../../generator/verify/format-text.js';
import { OVERSIZED_BYTES } from '../../generator/verify/plan.js';
import { CHECKS, type CheckName, type Probe, type Report } from '../../generator/verify/types.js';

const probe = (request: Probe['request'], curlBody?: string): Probe => ({
  index: 0,
  operation: 'POST /a',
  kind: 'invalid',
  label: 'x',
  request,
  curlBody,
});

describe('curlCommand', () => {
  it.each([
    ['GET without body', { method: 'GET', url: 'http://h/a?x=1&y=2', headers: {} }, "curl -sS -i -X GET 'http://h/a?x=1&y=2'"],
    [
      'body and headers',
      {
        method: 'POST',
        url: 'http://h/a',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t' },
        body: '{"a":"it\'s"}',
      },
      `curl -sS -i -X POST 'http://h/a' -H 'Content-Type: application/json' -H 'Authorization: Bearer t' --data-binary '{"a":"it'\\''s"}'`,
    ],
  ])('%s', (_name, request, want) => {
    expect(curlCommand(probe(request))).toBe(want);
  });

  it('regenerates an oversized body instead of printing it', () => {
    const body = `{"faultline":"${'x'.repeat(OVERSIZED_BYTES)}"}`;
    const cmd = curlCommand(probe({ method: 'POST', url: 'http://h/a', headers: {}, body }, '{"faultline":"<2 MB of x>"}'));
    expect(cmd.length).toBeLessThan(300);
    expect(cmd).toMatch(/^printf .* \| curl .* --data-binary @-$/);
  });

  it('quotes so a shell gives back exactly the text', () => {
    const text = `'; rm -rf / #$(id)\`x\`\n"`;
    expect(execFileSync('sh', ['-c', `printf %s ${shellQuote(text)}`]).toString()).toBe(text);
  });
});

const hostile = '<img src=x onerror=alert(1)>"\'&`';
function report(): Report {
  const checks = Object.fromEntries(Object.keys(CHECKS).map((c) => [c, 0])) as Record<CheckName, number>;
  checks.no_leaks = 1;
  return {
    tool: 'faultline verify',
    spec: { title: hostile, version: '1', openapi: '3.1.0' },
    baseUrl: 'http://h',
    seed: 1,
    requests: 1,
    planned: 1,
    durationMs: 5,
    checks,
    findings: [
      {
        check: 'no_leaks',
        operation: `GET /${hostile}`,
        status: 500,
        message: `leak ${hostile}\u001b[2J`,
        probe: { kind: 'valid', label: hostile },
        request: { method: 'GET', url: 'http://h/', headers: { 'X-A': hostile } },
        response: {
          status: 500,
          contentType: 'text/html',
          headers: {},
          body: `</pre><script>alert(1)</script>`,
          bodyBytes: 10,
          durationMs: 1,
        },
        curl: `curl '${hostile}'`,
        occurrences: 1,
      },
    ],
    coverage: [
      {
        operation: `GET /${hostile}`,
        documentedErrors: ['500'],
        observedErrors: ['500'],
        neverObserved: [],
        undocumented: [],
        requests: 1,
      },
    ],
    matrix: {
      columns: ['500', hostile],
      rows: [{ operation: `GET /${hostile}`, cells: { '500': { documented: true, observed: 1, violations: 1, state: 'violated' } } }],
    },
  };
}

describe('renderHtml', () => {
  it('escapes every spec and response string', () => {
    const html = renderHtml(report());
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain(escapeHtml(hostile));
    expect(escapeHtml(hostile)).toBe('&#60;img src=x onerror=alert(1)&#62;&#34;&#39;&#38;&#96;');
  });

  it('is self-contained and forbids scripts', () => {
    const html = renderHtml(report());
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<link|<script|https?:\/\/(?!h\b)/);
  });
});

describe('formatSummary', () => {
  it('never lets response text drive the terminal', () => {
    expect(formatSummary(report())).not.toContain('\u001b');
    expect(oneLine('a\nb\u2028c\u202ed')).toBe('a b c d');
  });
});
