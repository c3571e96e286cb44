/**
 * The generated service answers where the spec's first server puts the API (`/v2` for
 * `https://{region}.api.example.com/{version}` with version's default), on both targets: requests
 * outside it are unknown routes (the documented 404). An Express router the app mounts under its own
 * prefix is served there, `basePath: ''` serves at the root, and verify given only the origin probes
 * under the base path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import { pino } from 'pino';
import { generate } from '../../generator/generate.js';
import { loadSpec } from '../../generator/load/index.js';
import { basePathOf } from '../../generator/model/base-path.js';
import { servedUrl, verify } from '../../generator/verify/index.js';
import { withinBasePath } from '../../templates/runtime/base-path.js';
import { send } from '../support/contract.js';
import { listen } from '../support/server.js';
import { REPO, tempDir } from '../support/tmp.js';

describe('basePathOf', () => {
  it.each([
    [undefined, ''],
    [[], ''],
    [[{ url: 'http://localhost:8000' }], ''],
    [[{ url: 'https://api.yelp.com/v3' }], '/v3'],
    [[{ url: 'https://mandrillapp.com/api/1.0/' }], '/api/1.0'],
    [[{ url: '/v1' }], '/v1'],
    [[{ url: 'v1' }], '/v1'],
    [[{ url: '/' }], ''],
    [[{ url: 'https://{host}/{v}', variables: { host: { default: 'a.b' }, v: { enum: ['v9'] } } }], '/v9'],
    [[{ url: 'https://a.b/{v}' }], ''],
    [[{ url: 'https://a.b/{constructor}' }], ''],
    [[{ url: 'https://a.b/v1' }, { url: 'https://a.b/v2' }], '/v1'],
  ])('%j -> %j', (servers, want) => {
    expect(basePathOf(servers)).toBe(want);
  });
});

describe('withinBasePath and servedUrl', () => {
  it.each([
    ['/v2/items/1', '/v2', '/items/1'],
    ['/v2', '/v2', '/'],
    ['/v2/', '/v2', '/'],
    ['/v2x/items', '/v2', undefined],
    ['/items/1', '/v2', undefined],
    ['/items/1', '', '/items/1'],
  ])('%s under %j -> %j', (path, base, want) => {
    expect(withinBasePath(path, base)).toBe(want);
  });

  it.each([
    ['http://127.0.0.1:8000', '/v2', 'http://127.0.0.1:8000/v2'],
    ['http://127.0.0.1:8000/', '/v2', 'http://127.0.0.1:8000/v2'],
    ['http://127.0.0.1:8000/v2', '/v2', 'http://127.0.0.1:8000/v2'],
    ['http://127.0.0.1:8000/elsewhere', '/v2', 'http://127.0.0.1:8000/elsewhere'],
    ['http://127.0.0.1:8000', '', 'http://127.0.0.1:8000'],
  ])('verify --url %s with base %j probes %s', (url, base, want) => {
    expect(servedUrl(url, base)).toBe(want);
  });
});

describe.each(['express', 'fastify'] as const)('served under the base path (%s)', (target) => {
  const dir = tempDir(`base-path-${target}`);
  let createApp: (options: object) => never;
  let server: Awaited<ReturnType<typeof listen>>;
  const handlers = { getItem: async ({ params }: { params: { id: number } }) => ({ status: 200, body: { id: params.id } }) };
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    const result = await generate({ input: 'test/fixtures/service/base-path.yaml', output: dir.path, cwd: REPO, client: false, target });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(readFileSync(join(dir.path, 'generated/contract.gen.ts'), 'utf8')).toContain('"basePath": "/v2"');
    // generate's summary says where the service answers (commands/generate.ts prints it)
    expect(result.stats.basePath).toBe('/v2');
    ({ createApp } = await import(join(dir.path, 'app.ts')));
    server = await listen(createApp({ logger, handlers }));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    dir.remove();
  });

  it('GET /v2/items/7 reaches the handler', async () => {
    const reply = await send(server.base, 'GET', '/v2/items/7');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual({ id: 7 });
  });

  it('validation still applies under the base path, query string included', async () => {
    expect((await send(server.base, 'GET', '/v2/items/seven')).status).toBe(400);
    const unknown = await send(server.base, 'GET', '/v2/items/7?x=1');
    expect(unknown.status).toBe(400);
    expect(unknown.text).toMatch(/x/);
  });

  it.each(['/items/7', '/v2x/items/7', '/v1/items/7', '/v2'])('%s is an unknown route: the documented 404', async (path) => {
    const reply = await send(server.base, 'GET', path);
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.text)).toEqual({ message: 'No operation matches this path.' });
  });

  it("basePath: '' serves the operations at the root", async () => {
    const root = await listen(createApp({ logger, handlers, basePath: '' }));
    try {
      expect((await send(root.base, 'GET', '/items/7')).status).toBe(200);
      expect((await send(root.base, 'GET', '/v2/items/7')).status).toBe(404);
    } finally {
      await root.close();
    }
  });

  it('another basePath in the options moves the service there', async () => {
    const other = await listen(createApp({ logger, handlers, basePath: '/other' }));
    try {
      expect((await send(other.base, 'GET', '/other/items/7')).status).toBe(200);
      expect((await send(other.base, 'GET', '/v2/items/7')).status).toBe(404);
    } finally {
      await other.close();
    }
  });

  it(`${target === 'express' ? 'a router the app mounts under its own prefix' : 'a Fastify service'} is served where it is mounted`, async () => {
    // Express: the app mounts the generated router itself; Fastify services are whole apps, mounted at the root
    const app = target === 'express' ? express() : undefined;
    if (app) app.use('/mounted', (await import(join(dir.path, 'generated/router.gen.ts'))).createRouter(handlers, { logger }));
    const running = await listen(app ?? createApp({ logger, handlers }));
    const prefix = app ? '/mounted' : '/v2';
    try {
      expect((await send(running.base, 'GET', `${prefix}/items/7`)).status).toBe(200);
      expect((await send(running.base, 'GET', `${prefix}/v2/items/7`)).status).toBe(404);
    } finally {
      await running.close();
    }
  });

  it('verify given only the origin probes under the base path and finds nothing', async () => {
    const { document } = loadSpec(join(REPO, 'test/fixtures/service/base-path.yaml'));
    const report = await verify({ document: document!, baseUrl: server.base, maxRequests: 60 });
    expect(report.baseUrl).toBe(`${server.base}/v2`);
    expect(report.findings).toEqual([]);
    const [getItem] = report.coverage;
    expect(getItem?.observedErrors).toContain('400');
    expect(getItem?.requests).toBeGreaterThan(0);
  });
});
