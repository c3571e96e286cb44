/**
 * mutualTLS over a real TLS server on 127.0.0.1: the verifier gets the peer certificate and whether
 * the TLS layer trusted it. A trusted client certificate reaches the handler with its CN as the
 * principal; no certificate, or one the server's CA list does not trust, is the documented 401.
 * Certificates are made per run with the openssl command line. Both targets: an Express app served by
 * node's https server, and a Fastify service given Fastify's own `https` option.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import https from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { echoHandlers, fixtureVerifiers, generateFixture, OPERATIONS, TARGETS } from './support.js';

function makeCert(dir: string, name: string, cn: string): { key: Buffer; cert: Buffer } {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.crt`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      `/CN=${cn}`,
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

function get(port: number, path: string, client?: { key: Buffer; cert: Buffer }, ca?: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request({ host: '127.0.0.1', port, path, method: 'GET', ca, ...(client ?? {}) }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe.each(TARGETS)('mutualTLS (%s)', (target) => {
  let dir: Awaited<ReturnType<typeof generateFixture>>;
  let certs: string;
  let server: https.Server;
  let fastify: { close(): Promise<unknown> } | undefined;
  let port: number;
  let serverCert: { key: Buffer; cert: Buffer };
  let trusted: { key: Buffer; cert: Buffer };
  let stranger: { key: Buffer; cert: Buffer };

  beforeAll(async () => {
    dir = await generateFixture(`security-mtls-${target}`, target);
    certs = mkdtempSync(join(tmpdir(), 'faultline-mtls-'));
    serverCert = makeCert(certs, 'server', '127.0.0.1');
    trusted = makeCert(certs, 'client', 'faultline-client');
    stranger = makeCert(certs, 'stranger', 'stranger');
    const generated = await import(join(dir.path, 'generated/router.gen.ts'));
    const { createLogger } = await import(join(dir.path, 'generated/runtime/index.ts'));
    const { verifiers } = await fixtureVerifiers(dir.path);
    const options = { security: verifiers, logger: createLogger({ level: 'silent' }) };
    // requestCert without rejectUnauthorized: the verifier, not the handshake, decides (and answers 401)
    const tls = { ...serverCert, requestCert: true, rejectUnauthorized: false, ca: [trusted.cert] };
    if (target === 'fastify') {
      const app = generated.createService(echoHandlers(OPERATIONS).handlers, { ...options, fastify: { https: tls } });
      await app.listen({ port: 0, host: '127.0.0.1' });
      fastify = app;
      server = app.server;
    } else {
      const app = express();
      app.use(generated.createRouter(echoHandlers(OPERATIONS).handlers, options));
      server = https.createServer(tls, app);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    }
    port = (server.address() as AddressInfo).port;
  }, 120_000);
  afterAll(async () => {
    server?.closeAllConnections();
    if (fastify) await fastify.close();
    else await new Promise((resolve) => server?.close(resolve));
    dir?.remove();
    if (certs) rmSync(certs, { recursive: true, force: true });
  });

  it('a trusted client certificate reaches the handler with its CN', async () => {
    const reply = await get(port, '/mtls', trusted, serverCert.cert);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual({ requirement: 0, principals: { mtls: { cn: 'faultline-client' } } });
  });

  it('no client certificate -> 401', async () => {
    const reply = await get(port, '/mtls', undefined, serverCert.cert);
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.text)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('an untrusted client certificate -> 401 (the verifier sees authorized: false)', async () => {
    const reply = await get(port, '/mtls', stranger, serverCert.cert);
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.text)).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
  });
});
