/**
 * The Express router as one middleware (templates/runtime/router.ts) on the users example's generated
 * runtime, over real HTTP: handlers are found however the object provides them (a class instance's
 * methods), a thrown step or result still ends in the documented 500 and never in Express's own
 * handler or a later middleware, and the issues remembered per validator item (issues.ts) are handed
 * out as copies, so a validationProblem hook that changes them does not change the next answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import { pino } from 'pino';
import { createServiceRouter, type HandlerResult, type Issue } from '../../output/users/generated/runtime/index.js';
import { contract } from '../../output/users/generated/contract.gen.js';
import { apiSpec } from '../../output/users/generated/router.gen.js';
import { listen } from '../support/server.js';

const user = { id: 1, username: 'pam', email: 'pam@example.com', name: 'Pam', dept: 'Sales', created_at: '2026-01-01T00:00:00.000Z' };

/** Methods on the prototype, not own properties. */
class UserHandlers {
  getUser(input: { params: Record<string, unknown> }): HandlerResult {
    if (input.params.username === 'big') return { status: 200, body: { ...user, id: 10n } };
    return { status: 200, body: { ...user, username: String(input.params.username) } };
  }
}

let base: string;
let close: () => Promise<void>;
let laterMiddlewareRan = 0;

beforeAll(async () => {
  const app = express();
  app.use(
    createServiceRouter(contract, apiSpec, new UserHandlers(), {
      logger: pino({ level: 'silent' }),
      // a hook that changes what it receives, as user code may
      validationProblem: (issues: Issue[]) => {
        for (const issue of issues) {
          issue.message = 'changed by the hook';
          issue.path.push('changed');
        }
        return {};
      },
    }),
  );
  app.use((_req, res) => {
    laterMiddlewareRan++;
    res.status(418).end();
  });
  ({ base, close } = await listen(app));
});

afterAll(() => close());

describe('router as one middleware', () => {
  it('calls a handler that is a method of a class instance', async () => {
    const res = await fetch(`${base}/user/pam`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { username: string }).username).toBe('pam');
  });

  it('answers a result that cannot be serialized with the documented 500, not Express’s error page', async () => {
    const res = await fetch(`${base}/user/big`);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect(await res.text()).not.toMatch(/BigInt|<html|at /);
  });

  it('never passes a request on to a later middleware', async () => {
    const before = laterMiddlewareRan;
    const answers = await Promise.all([
      fetch(`${base}/nothing/here`),
      fetch(`${base}/user/pam`, { method: 'PUT' }),
      fetch(`${base}/user/`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }),
    ]);
    // the wrong media type: POST /user/ documents no 415, so its documented 400
    expect(answers.map((r) => r.status)).toEqual([404, 405, 400]);
    expect(laterMiddlewareRan).toBe(before);
  });

  it('gives every request its own copy of remembered issues', async () => {
    const send = () =>
      fetch(`${base}/user/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'not-an-email', password: 'x', username: 'bad name!', extra: true }),
      });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(400);
    const [a, b] = [await first.json(), await second.json()];
    // the hook's change shows in each answer once (it ran once per request), never accumulated
    expect(JSON.stringify(a)).toMatch(/changed/);
    expect(b).toEqual(a);
  });
});
