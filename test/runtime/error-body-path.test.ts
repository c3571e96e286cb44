/**
 * A `path` property in an error body (Spring Boot's `{timestamp, status, error, message, path}`) is the
 * matched operation's path template on both targets: it says which route answered without echoing the
 * raw path the client sent (which may hold anything).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { generate } from '../../generator/generate.js';
import { contractChecker, send } from '../support/contract.js';
import { listen } from '../support/server.js';
import { REPO, tempDir } from '../support/tmp.js';

const ID = '7d4f2c1e-8a9b-4c3d-9e8f-0a1b2c3d4e5f';

describe.each(['express', 'fastify'] as const)('error body path (%s)', (target) => {
  const dir = tempDir(`spring-${target}`);
  let server: Awaited<ReturnType<typeof listen>>;
  let contract: ReturnType<typeof contractChecker>;

  beforeAll(async () => {
    const input = 'test/fixtures/service/spring-errors.yaml';
    const result = await generate({ input, output: dir.path, cwd: REPO, client: false, target });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    contract = contractChecker(JSON.parse(readFileSync(join(dir.path, 'generated/openapi.json'), 'utf8')));
    const { createApp } = await import(join(dir.path, 'app.ts'));
    const handlers = { getItem: async ({ fail }: { fail: (s: number, d: string) => never }) => fail(404, 'No such item.') };
    server = await listen(createApp({ logger: pino({ level: 'silent' }), handlers }));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    dir.remove();
  });

  it.each([
    [`/items/${ID}?verbose=true`, 404, '/items/{id}'],
    ['/items/not-a-uuid?verbose=true', 400, '/items/{id}'],
    ['/items/%3Cscript%3E', 400, '/items/{id}'],
  ])('GET %s -> %i with path %s', async (url, status, path) => {
    const body = contract.expectDocumented('GET', '/items/{id}', status, await send(server.base, 'GET', url));
    expect(body.path).toBe(path);
    expect(body.status).toBe(status);
    expect(Date.parse(body.timestamp)).not.toBeNaN();
  });

  it('an unknown route matches no operation: its path is not invented and nothing is echoed', async () => {
    const reply = await send(server.base, 'GET', '/nowhere/%3Cscript%3E');
    expect(reply.status).toBe(404);
    const body = JSON.parse(reply.text);
    expect(body.path).toBe('');
    expect(reply.text).not.toMatch(/nowhere|script/i);
  });
});
