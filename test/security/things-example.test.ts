/**
 * The things example's admin API key (apiKey in the X-Admin-Key header, compared with
 * THINGS_ADMIN_KEY in constant time): documented 401 without it or with a wrong one, the stats with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createApp } from '../../output/things/app.js';
import { createLogger } from '../../output/things/generated/runtime/index.js';
import { contractChecker, send } from '../support/contract.js';
import { listen } from '../support/server.js';

const contract = contractChecker(JSON.parse(readFileSync(new URL('../../output/things/generated/openapi.json', import.meta.url), 'utf8')));

describe('things example: GET /api/stats needs the admin key', () => {
  let server: Awaited<ReturnType<typeof listen>>;
  const saved = process.env.THINGS_ADMIN_KEY;
  beforeAll(async () => {
    process.env.THINGS_ADMIN_KEY = 'test-admin-key';
    server = await listen(createApp({ logger: createLogger({ level: 'silent' }) }));
  });
  afterAll(async () => {
    process.env.THINGS_ADMIN_KEY = saved;
    if (saved === undefined) delete process.env.THINGS_ADMIN_KEY;
    await server.close();
  });

  it.each([
    ['no key', {}],
    ['a wrong key', { 'x-admin-key': 'test-admin-kez' }],
    ['an empty key', { 'x-admin-key': '' }],
  ])('%s -> documented 401 (problem+json, no challenge for an API key)', async (_name, headers) => {
    const reply = await send(server.base, 'GET', '/api/stats', undefined, headers);
    const body = contract.expectDocumented('GET', '/api/stats', 401, reply);
    expect(body).toMatchObject({ status: 401 });
    expect(reply.headers.get('www-authenticate')).toBeNull();
    expect(reply.text).not.toContain('test-admin');
  });

  it('the right key -> the stats', async () => {
    contract.expectDocumented(
      'POST',
      '/api/things',
      201,
      await send(server.base, 'POST', '/api/things', { name: 'lamp', description: 'a lamp', rating_out_of_five: 4 }),
    );
    const stats = contract.expectDocumented(
      'GET',
      '/api/stats',
      200,
      await send(server.base, 'GET', '/api/stats', undefined, { 'x-admin-key': 'test-admin-key' }),
    );
    expect(stats).toEqual({ things: 1, votes: 0 });
  });
});
