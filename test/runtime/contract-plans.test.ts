/**
 * The runtime validates from the plans in contract.gen.ts, never from re-reading the spec (issue 13
 * item 1), and reads no part of the spec at start-up (issue 19 item 2). The users service's router is
 * built from a copy of its contract whose plans say something openapi.json does not: what the
 * requests get is what the plans say.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import { pino } from 'pino';
import { listen } from '../support/server.js';
import { REPO } from '../support/tmp.js';

const USERS = join(REPO, 'output/users/generated');
const spec = JSON.parse(readFileSync(join(USERS, 'openapi.json'), 'utf8'));
let runtime: any;
let original: any;

beforeAll(async () => {
  runtime = await import(join(USERS, 'runtime/index.ts'));
  original = (await import(join(USERS, 'contract.gen.ts'))).contract;
});

/** listUsers echoes its validated query; getUser returns a documented 200 body. */
const handlers = {
  listUsers: (input: any) => ({
    status: 200,
    body: [{ id: 1, username: 'ann', email: 'a@b.co', dept: JSON.stringify(input.query), name: 'Ann', created_at: '2024-01-01T00:00:00Z' }],
  }),
};

async function serve(contract: unknown, apiSpec: object = spec) {
  const app = express();
  app.use(runtime.createServiceRouter(contract, apiSpec, handlers, { logger: pino({ level: 'silent' }), validateResponses: true }));
  return listen(app);
}

describe('plans in the contract are obeyed', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    const contract = structuredClone(original);
    const op = contract.operations.find((o: any) => o.name === 'listUsers');
    // openapi.json documents `limit` and `offset` (optional integers); the plan says `max` (a required integer) and `offset`
    const limit = op.validation.parameters.find((p: any) => p.name === 'limit');
    expect(limit).toBeDefined();
    limit.name = 'max';
    limit.required = true;
    op.validation.numeric = op.validation.numeric.map((n: any) => (n.name === 'limit' ? { ...n, name: 'max' } : n));
    server = await serve(contract);
  });
  afterAll(() => server?.close());

  it('a query parameter the plan does not name is unknown, even though the spec documents it', async () => {
    const res = await fetch(`${server.base}/user/?limit=5`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/limit/);
  });

  it('the parameter the plan names is accepted, parsed as the plan says, and required', async () => {
    const ok = await fetch(`${server.base}/user/?max=7`);
    expect(ok.status).toBe(200);
    expect(JSON.parse((await ok.json())[0].dept)).toEqual({ max: 7 });
    const missing = await fetch(`${server.base}/user/`);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toMatch(/max/);
    const notInteger = await fetch(`${server.base}/user/?max=0x10`);
    expect(notInteger.status).toBe(400);
  });

  it("with the untouched contract the spec's own parameter works (the change above is what made the difference)", async () => {
    const plain = await serve(original);
    try {
      const res = await fetch(`${plain.base}/user/?limit=5`);
      expect(res.status).toBe(200);
      expect(JSON.parse((await res.json())[0].dept)).toEqual({ limit: 5 });
    } finally {
      await plain.close();
    }
  });
});

describe('response plans in the contract are obeyed', () => {
  it('a documented 200 whose plan says "no content" refuses the handler\'s body (documented 500)', async () => {
    const contract = structuredClone(original);
    const op = contract.operations.find((o: any) => o.name === 'listUsers');
    const ok = op.validation.responses.find((r: any) => r.status === '200');
    ok.hasContent = false;
    ok.json = [];
    const server = await serve(contract);
    try {
      const res = await fetch(`${server.base}/user/`);
      expect(res.status).toBe(500);
    } finally {
      await server.close();
    }
  });
});

describe('start-up', () => {
  it('reads nothing of the spec but its version until a request needs a schema', async () => {
    const read = new Set<string>();
    const watched = new Proxy(spec, {
      get(target, key, receiver) {
        if (typeof key === 'string') read.add(key);
        return Reflect.get(target, key, receiver);
      },
    });
    const server = await serve(original, watched);
    try {
      expect([...read].filter((k) => k !== 'openapi')).toEqual([]);
      const res = await fetch(`${server.base}/user/?limit=2`);
      expect(res.status).toBe(200);
      // the first request copies in the schemas its plan points at, from the paths and components it reaches
      expect(read.has('paths')).toBe(true);
    } finally {
      await server.close();
    }
  });
});
