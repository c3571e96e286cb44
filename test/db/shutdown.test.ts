/**
 * The services as processes: `npm start` answers the README's curl twice with 201 then 409, and
 * SIGTERM stops accepting connections, lets the request in flight finish, closes the database and
 * exits 0. The data written before and during shutdown is on disk afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../output/infra/db/index.js';
import { usersMigrations } from '../../output/infra/db/migrations/users.js';
import { expectDocumented } from './support/contract.js';
import { send } from './support/http.js';
import { signalGroup, startService, type ServiceProcess } from './support/child.js';

const pam = { email: 'pam@dm.com', dept: 'Accounting', password: 'jimjim', name: 'Pam Besly', username: 'pam' };
let dir: string;
const running: ServiceProcess[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'faultline-shutdown-'));
});
afterAll(() => {
  for (const service of running) signalGroup(service, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('serves users: the curl of the README gives 201, then the documented 409', async () => {
    const service = await startService('npm', ['start', '--silent'], { PORT: '0', DATABASE_URL: path.join(dir, 'users') });
    running.push(service);
    expectDocumented('users', 'POST', '/user/', 201, await send(service.base, 'POST', '/user/', pam));
    const again = expectDocumented('users', 'POST', '/user/', 409, await send(service.base, 'POST', '/user/', pam));
    expect(again).toEqual({ detail: 'Username already taken' });
    signalGroup(service, 'SIGTERM');
    await service.waitFor(/^database closed$/, 15_000);
    await service.exited;
  });
});

describe('SIGTERM', () => {
  it('stops accepting, drains the request in flight, closes the database, exits 0', async () => {
    const service = await startService(process.execPath, ['--import', 'tsx', 'output/users/server.ts'], {
      PORT: '0',
      DATABASE_URL: path.join(dir, 'users'),
    });
    running.push(service);
    // A request whose body is still arriving is certainly in flight when the signal comes.
    const body = JSON.stringify({ ...pam, username: 'oscar' });
    const inFlight = startSlowRequest(service.base, body);
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(service.child.pid!, 'SIGTERM');
    await service.waitFor(/^shutting down/);
    await expect(send(service.base, 'GET', '/user/pam', undefined, 2_000)).rejects.toThrow();
    const reply = await inFlight.finish();
    expect(reply.status).toBe(201);
    await service.waitFor(/^database closed$/);
    expect(await service.exited).toBe(0);
    // Closed cleanly: the data folder opens again and holds both users.
    const db = await openDatabase({ service: 'users', migrations: usersMigrations, url: path.join(dir, 'users') });
    const rows = await db.query<{ username: string }>('SELECT username FROM users ORDER BY id');
    await db.close();
    expect(rows.map((r) => r.username)).toEqual(['pam', 'oscar']);
  });
});

/** Sends the headers and half the body now; finish() sends the rest and resolves with the reply. */
function startSlowRequest(base: string, body: string) {
  const req = http.request(`${base}/user/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const result = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
  });
  req.write(body.slice(0, 20));
  return {
    finish: () => {
      req.end(body.slice(20));
      return result;
    },
  };
}
