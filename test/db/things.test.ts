/**
 * The things service over Postgres: integer ids, the CHECK on rating_out_of_five, votes added
 * atomically in SQL (and an overflow that becomes the documented 400, not a 500).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../output/things/app.js';
import { thingsMigrations } from '../../output/infra/db/migrations/things.js';
import { eachBackend, openBackend, type Opened } from './support/backends.js';
import { DATABASE_TEXT, expectDocumented } from './support/contract.js';
import { listen, memoryLogger, type Running } from './support/http.js';

const chair = { name: 'Chair', description: 'Four legs', rating_out_of_five: 4 };

eachBackend('things on Postgres', (backend) => {
  let opened: Opened;
  let api: Running;

  beforeAll(async () => {
    opened = await openBackend(backend, 'things', thingsMigrations);
    api = await listen(createApp({ database: opened.db, logger: memoryLogger().logger }));
  });
  afterAll(async () => {
    await api?.close();
    await opened?.cleanup();
  });

  it('creates things with integer ids and lists them newest first', async () => {
    const first = expectDocumented('things', 'POST', '/api/things', 201, await api.request('POST', '/api/things', chair));
    const second = expectDocumented(
      'things',
      'POST',
      '/api/things',
      201,
      await api.request('POST', '/api/things', { ...chair, name: 'Table' }),
    );
    expect(Number.isInteger(first.thing_id) && first.thing_id > 0).toBe(true);
    expect(second.thing_id).toBeGreaterThan(first.thing_id);
    expect(first).toMatchObject({ ...chair, votes: 0 });
    const list = expectDocumented('things', 'GET', '/api/things', 200, await api.request('GET', '/api/things'));
    expect(list.map((t: { name: string }) => t.name)).toEqual(['Table', 'Chair']);
    expectDocumented('things', 'GET', '/api/things/{thing_id}', 200, await api.request('GET', `/api/things/${first.thing_id}`));
    const missing = expectDocumented('things', 'GET', '/api/things/{thing_id}', 404, await api.request('GET', '/api/things/999999'));
    expect(missing).toMatchObject({ status: 404, detail: 'No thing has this id' });
    expectDocumented('things', 'GET', '/api/things/{thing_id}', 400, await api.request('GET', '/api/things/abc'));
  });

  it('enforces rating 0..5 in the table too (CHECK), not only in the API', async () => {
    expectDocumented('things', 'POST', '/api/things', 400, await api.request('POST', '/api/things', { ...chair, rating_out_of_five: 6 }));
    const insert = opened.db.query(`INSERT INTO things (name, description, rating_out_of_five) VALUES ('x', '', 6)`);
    await expect(insert).rejects.toMatchObject({ code: '23514' });
  });

  it('adds votes atomically: 40 concurrent PATCHes lose none', async () => {
    const thing = expectDocumented('things', 'POST', '/api/things', 201, await api.request('POST', '/api/things', chair));
    const path = `/api/things/${thing.thing_id}`;
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) => api.request('PATCH', path, { increase_votes_by: i % 4 === 0 ? -1 : 2 })),
    );
    for (const reply of replies) expectDocumented('things', 'PATCH', '/api/things/{thing_id}', 200, reply);
    const after = expectDocumented('things', 'GET', '/api/things/{thing_id}', 200, await api.request('GET', path));
    expect(after.votes).toBe(10 * -1 + 30 * 2);
  });

  it('a vote past the integer range is the documented 400 (SQLSTATE 22003) and changes nothing', async () => {
    const thing = expectDocumented('things', 'POST', '/api/things', 201, await api.request('POST', '/api/things', chair));
    await opened.db.query('UPDATE things SET votes = 2147483000 WHERE thing_id = $1', [thing.thing_id]);
    const reply = await api.request('PATCH', `/api/things/${thing.thing_id}`, { increase_votes_by: 1000 });
    const problem = expectDocumented('things', 'PATCH', '/api/things/{thing_id}', 400, reply);
    expect(problem).toMatchObject({ status: 400, title: 'Bad Request' });
    expect(reply.text).not.toMatch(DATABASE_TEXT);
    const [row] = await opened.db.query<{ votes: number }>('SELECT votes FROM things WHERE thing_id = $1', [thing.thing_id]);
    expect(row.votes).toBe(2147483000);
  });

  it('deletes, then answers the documented 404', async () => {
    const thing = expectDocumented('things', 'POST', '/api/things', 201, await api.request('POST', '/api/things', chair));
    expectDocumented('things', 'DELETE', '/api/things/{thing_id}', 204, await api.request('DELETE', `/api/things/${thing.thing_id}`));
    expectDocumented('things', 'DELETE', '/api/things/{thing_id}', 404, await api.request('DELETE', `/api/things/${thing.thing_id}`));
    expectDocumented(
      'things',
      'PATCH',
      '/api/things/{thing_id}',
      404,
      await api.request('PATCH', `/api/things/${thing.thing_id}`, { increase_votes_by: 1 }),
    );
  });
});
