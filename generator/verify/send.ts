/**
 * Sends probes with node:http rather than fetch: fetch refuses bodies on GET, rewrites some headers
 * and hides the raw status line, and a verifier has to send exactly what the plan says. A server may
 * answer an oversized body early and close the socket while we are still writing; the answer counts,
 * the write error after it does not.
 */
import http from 'node:http';
import https from 'node:https';
import { BODY_LIMIT, type Exchange, type Probe, type ResponseSummary } from './types.js';

export interface SendOptions {
  timeoutMs: number;
  concurrency: number;
  /** Called after each exchange (live progress). */
  onExchange?: (exchange: Exchange, done: number) => void;
}

/** Sends every probe, at most `concurrency` at a time; results come back in plan order. */
export async function sendAll(probes: Probe[], options: SendOptions): Promise<Exchange[]> {
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  const results: Exchange[] = new Array(probes.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < probes.length) {
      const probe = probes[next++];
      results[probe.index] = await sendOne(probe, options.timeoutMs, agents);
      options.onExchange?.(results[probe.index], ++done);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, probes.length)) }, worker));
  } finally {
    agents.http.destroy();
    agents.https.destroy();
  }
  return results;
}

export async function sendOne(probe: Probe, timeoutMs: number, agents?: { http: http.Agent; https: https.Agent }): Promise<Exchange> {
  const first = await attempt(probe, timeoutMs, agents);
  // A kept-alive socket the server closed as idle (Node's keepAliveTimeout is 5 s) while this request
  // went out on it: the request never reached the service. Node's documented remedy is to send it again
  // on a new connection; the service is not blamed for the race.
  if (first.staleSocket) return attempt(probe, timeoutMs, undefined);
  return first;
}

function attempt(
  probe: Probe,
  timeoutMs: number,
  agents?: { http: http.Agent; https: https.Agent },
): Promise<Exchange & { staleSocket?: boolean }> {
  const { method, url, headers, body } = probe.request;
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (exchange: Omit<Exchange, 'probe'> & { staleSocket?: boolean }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ probe, ...exchange });
    };
    const sendHeaders: Record<string, string | number> = { ...headers };
    if (body !== undefined) sendHeaders['Content-Length'] = Buffer.byteLength(body);
    const req = client.request(
      target,
      { method, headers: sendHeaders, agent: target.protocol === 'https:' ? agents?.https : agents?.http },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (err) => finish({ error: `response aborted: ${err.message}` }));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          finish({ response: summarize(res, text, performance.now() - started), fullBody: text });
        });
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish({ error: `no response within ${timeoutMs} ms` });
    }, timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (req.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE'))
        return finish({ error: `${err.code}: ${err.message}`, staleSocket: true });
      // Give an early answer a moment to arrive before calling the exchange failed.
      setTimeout(() => finish({ error: `${err.code ?? 'ERROR'}: ${err.message}` }), 50);
    });
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function summarize(res: http.IncomingMessage, text: string, durationMs: number): ResponseSummary {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers))
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  const type = headers['content-type']?.split(';')[0].trim().toLowerCase();
  return {
    status: res.statusCode ?? 0,
    contentType: type || undefined,
    headers,
    body: text.length > BODY_LIMIT ? `${text.slice(0, BODY_LIMIT)}… (${text.length} characters)` : text,
    bodyBytes: Buffer.byteLength(text),
    durationMs: Math.round(durationMs),
  };
}

/** A first request to the base URL: a refused or unresolvable host is a usage error, not a finding. */
export async function checkReachable(baseUrl: string, timeoutMs: number, headers: Record<string, string>): Promise<string | undefined> {
  const probe: Probe = { index: 0, operation: '', kind: 'valid', label: 'reachability', request: { method: 'GET', url: baseUrl, headers } };
  const exchange = await sendOne(probe, timeoutMs);
  return exchange.error;
}
