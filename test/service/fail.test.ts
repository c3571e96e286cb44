/**
 * input.fail at run time, over real HTTP on the things example: it answers exactly what a thrown error
 * class answers (same status, headers and bytes), its typed fields land in the documented body, and a
 * status forced past the types (an `any` cast) is still the contract violation a thrown class would be.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createApp } from '../../output/things/app.js';
import { createLogger, mapError } from '../../output/things/generated/runtime/index.js';
import { HttpError, NotFoundError } from '../../output/things/generated/errors.gen.js';
import type { Handlers } from '../../output/things/generated/handlers.gen.js';
import { contractChecker, send } from '../support/contract.js';
import { listen } from '../support/server.js';

const spec = JSON.parse(readFileSync(new URL('../../output/things/generated/openapi.json', import.meta.url), 'utf8'));
const contract = contractChecker(spec);
const silent = createLogger({ level: 'silent' });

class ThingLocked extends Error {}

async function serve(getThing: Handlers['getThing']) {
  // a typed mapper: its status is fixed by the registration, whatever the map function returns
  const errorMappers = [mapError(ThingLocked, 404, (e) => ({ detail: e.message, ...({ status: 500 } as object) }))];
  return listen(createApp({ handlers: { getThing }, logger: silent, errorMappers }));
}

describe('input.fail', () => {
  const servers: Awaited<ReturnType<typeof listen>>[] = [];
  const reply = async (getThing: Handlers['getThing']) => {
    const server = await serve(getThing);
    servers.push(server);
    return send(server.base, 'GET', '/api/things/7', undefined, { 'x-request-id': 'fail-test-1' });
  };
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  it('answers byte for byte what a thrown error class answers', async () => {
    const failed = await reply(async ({ fail }) => fail(404, 'No thing has this id'));
    const thrown = await reply(async () => {
      throw new NotFoundError('No thing has this id');
    });
    expect(failed.status).toBe(404);
    expect(failed.text).toBe(thrown.text);
    expect(failed.headers.get('content-type')).toBe(thrown.headers.get('content-type'));
    const body = contract.expectDocumented('GET', '/api/things/{thing_id}', 404, failed);
    expect(body).toMatchObject({ status: 404, detail: 'No thing has this id' });
  });

  it('sets the documented fields it is given over the synthesized body, and the headers', async () => {
    const failed = await reply(async ({ fail }) =>
      fail(
        404,
        'No thing has this id',
        { title: 'Thing not found', type: 'https://example.com/probs/no-thing' },
        { headers: { 'Cache-Control': 'no-store' } },
      ),
    );
    const body = contract.expectDocumented('GET', '/api/things/{thing_id}', 404, failed);
    expect(body).toMatchObject({
      status: 404,
      title: 'Thing not found',
      type: 'https://example.com/probs/no-thing',
      detail: 'No thing has this id',
    });
    expect(failed.headers.get('cache-control')).toBe('no-store');
  });

  it('a typed mapper answers with the status it was registered with', async () => {
    const mapped = await reply(async () => {
      throw new ThingLocked('This thing is locked');
    });
    const body = contract.expectDocumented('GET', '/api/things/{thing_id}', 404, mapped);
    expect(body).toMatchObject({ status: 404, detail: 'This thing is locked' });
  });

  it('an undocumented status forced through `any` is answered like a thrown undocumented class: the documented 500', async () => {
    const failed = await reply(async ({ fail }) => (fail as (status: number, detail: string) => never)(409, 'Username already taken'));
    const thrown = await reply(async () => {
      throw new HttpError(409, 'Username already taken');
    });
    contract.expectDocumented('GET', '/api/things/{thing_id}', 500, failed);
    expect(failed.text).not.toContain('Username');
    expect(failed.text).toBe(thrown.text);
  });
});
