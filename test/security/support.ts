/**
 * Shared by the security tests: the fixture service (test/fixtures/security/schemes.yaml) generated
 * once into a temp folder, verifiers with known secrets, handlers that echo `auth`, and a raw HTTP
 * client that sends headers exactly as given.
 */
import http from 'node:http';
import { join } from 'node:path';
import express from 'express';
import { generate } from '../../generator/generate.js';
import { listen } from '../support/server.js';
import { REPO, tempDir } from '../support/tmp.js';

export const SECRETS = {
  bearer: 'good-bearer',
  basic: { username: 'aladdin', password: 'open sesame' },
  headerKey: 'hk',
  queryKey: 'qk',
  cookieKey: 'ck',
} as const;
export const BASIC_VALID = `Basic ${Buffer.from('aladdin:open sesame').toString('base64')}`;

export type Target = 'express' | 'fastify';
export const TARGETS: readonly Target[] = ['express', 'fastify'];

export async function generateFixture(prefix: string, target: Target = 'express') {
  const dir = tempDir(prefix);
  const result = await generate({
    input: join(REPO, 'test/fixtures/security/schemes.yaml'),
    output: dir.path,
    cwd: REPO,
    client: false,
    target,
  });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((d) => d.message).join('\n'));
  return dir;
}

/** Verifiers that accept only SECRETS; `calls` counts verifier calls per scheme. */
export async function fixtureVerifiers(dir: string) {
  const rt = await import(join(dir, 'generated/runtime/index.ts'));
  const calls: Record<string, number> = {};
  /** The last context each scheme's verifier got (its `req` is the target's native request). */
  const contexts: Record<string, any> = {};
  const count = (name: string) => (calls[name] = (calls[name] ?? 0) + 1);
  const verifiers: Record<string, (credential: any, context: any) => unknown> = {
    bearerAuth: (token: string, context: unknown) => (
      (contexts.bearerAuth = context),
      count('bearerAuth'),
      token === 'forbidden-bearer' ? Promise.reject(rt.forbidden()) : rt.safeEqual(token, SECRETS.bearer) ? { name: 'bearer-user' } : null
    ),
    basicAuth: ({ username, password }: { username: string; password: string }) => (
      count('basicAuth'), username === SECRETS.basic.username && rt.safeEqual(password, SECRETS.basic.password) ? { name: username } : null
    ),
    digestAuth: (raw: string) => (count('digestAuth'), raw.startsWith('Digest username="d"') ? { name: 'digest' } : null),
    headerKey: (key: string) => (count('headerKey'), rt.safeEqual(key, SECRETS.headerKey) ? { name: 'header' } : null),
    queryKey: (key: string) => (count('queryKey'), rt.safeEqual(key, SECRETS.queryKey) ? { name: 'query' } : null),
    cookieKey: (key: string) => (count('cookieKey'), rt.safeEqual(key, SECRETS.cookieKey) ? { name: 'cookie' } : null),
    oauth: async (token: string) => (count('oauth'), token === 'rw' ? { scope: 'read write' } : token === 'r' ? { scope: 'read' } : null),
    oidc: async (token: string) => (count('oidc'), token === 'admin' ? { scopes: ['admin'] } : token === 'user' ? { scopes: [] } : null),
    mtls: ({ certificate, authorized }: { certificate: { subject: { CN: string } }; authorized: boolean }) => (
      count('mtls'), authorized ? { cn: certificate.subject.CN } : null
    ),
    crashKey: async () => {
      count('crashKey');
      throw new Error('verifier exploded while holding secret-abc');
    },
  };
  return { verifiers, calls, contexts };
}

/**
 * The fixture service of `target` with these handlers and options, listening on 127.0.0.1:0: an
 * Express app using createRouter, or the Fastify instance createService returns.
 */
export async function startFixture(dir: string, target: Target, handlers: object, options: object) {
  if (target === 'fastify') {
    const { createService } = await import(join(dir, 'generated/router.gen.ts'));
    return listen(createService(handlers, options));
  }
  const { createRouter } = await import(join(dir, 'generated/router.gen.ts'));
  const app = express();
  app.use(createRouter(handlers, options));
  return listen(app);
}

/** Handlers that answer 200 with the auth they got; `reached` counts calls per operation. */
export function echoHandlers(names: string[]) {
  const reached: Record<string, number> = {};
  const handlers: Record<string, (input: { auth: unknown }) => unknown> = {};
  for (const name of names) {
    handlers[name] = ({ auth }: { auth: any }) => {
      reached[name] = (reached[name] ?? 0) + 1;
      return { status: 200, body: { requirement: auth?.requirement ?? null, principals: auth?.principals ?? {} } };
    };
  }
  return { handlers, reached };
}

export const OPERATIONS = [
  'bearerOnly',
  'publicOp',
  'basicOnly',
  'digestOnly',
  'headerKeyOnly',
  'queryKeyOnly',
  'cookieKeyOnly',
  'bothKeys',
  'eitherWay',
  'oauthWrite',
  'oidcAdmin',
  'optionalAuth',
  'optionalCrashing',
  'mtlsOnly',
  'crashing',
  'unregistered',
  'postBody',
  'noUnauthorized',
  'noForbidden',
];

export interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export function raw(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      base + path,
      { method, headers: body !== undefined ? { 'content-length': String(Buffer.byteLength(body)), ...headers } : headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
