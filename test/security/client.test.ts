/**
 * The generated typed client (hey-api) passes credentials: its SDK functions carry each operation's
 * security, and the client's `auth` callback supplies the value per scheme. Login with HTTP Basic,
 * then GET /me with the bearer token, against the users example on PGlite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../output/users/app.js';
import { createClient } from '../../output/users/generated/client/client/index.js';
import * as sdk from '../../output/users/generated/client/sdk.gen.js';
import { createLogger } from '../../output/users/generated/runtime/index.js';
import { listen } from '../support/server.js';

describe('the typed client passes credentials', () => {
  let server: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    server = await listen(createApp({ logger: createLogger({ level: 'silent' }) }));
  });
  afterAll(() => server.close());

  it('basic for login, bearer for /me; without auth the documented 401 comes back as the typed error', async () => {
    let token = '';
    const asked: string[] = [];
    const client = createClient({
      baseUrl: server.base,
      auth: (auth) => {
        asked.push(`${auth.type}:${auth.scheme}`);
        return auth.scheme === 'basic' ? 'kevin:cookies1' : token;
      },
    });
    const created = await sdk.createUser({
      client,
      body: { email: 'kevin@dm.com', dept: 'Accounting', password: 'cookies1', name: 'Kevin', username: 'kevin' },
    });
    expect(created.response.status).toBe(201);
    const login = await sdk.login({ client, query: { scope: 'users:read' } });
    expect(login.response.status).toBe(200);
    token = login.data!.access_token;
    const me = await sdk.getMe({ client });
    expect(me.response.status).toBe(200);
    expect(me.data?.username).toBe('kevin');
    expect(asked).toEqual(['http:basic', 'http:bearer']);

    const anonymous = await sdk.getMe({ client: createClient({ baseUrl: server.base }) });
    expect(anonymous.response.status).toBe(401);
    expect(anonymous.error).toEqual({ detail: 'This operation requires authentication.' });
  });
});
