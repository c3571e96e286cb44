/**
 * Shared pieces of the hostile-request suites: the two example services with in-memory handlers,
 * a raw HTTP client (no URL normalisation, so `..`, `%2F` and NUL reach the server as sent), the
 * documented error schemas compiled with Ajv, and the checks every error response must pass.
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { pino } from 'pino';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApp as createUsersExpressApp } from '../../output/users/app.js';
import { createApp as createThingsExpressApp } from '../../output/things/app.js';
import * as usersExpressErrors from '../../output/users/generated/errors.gen.js';
import * as thingsExpressErrors from '../../output/things/generated/errors.gen.js';
import { generate } from '../../generator/generate.js';
import { listenServer } from '../support/server.js';
import { REPO, tempDir } from '../support/tmp.js';

export type Target = 'express' | 'fastify';
export const TARGETS: readonly Target[] = ['express', 'fastify'];

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const silent = pino({ level: 'silent' });

export interface Service {
  name: 'users' | 'things';
  base: { host: string; port: number };
  server: Server;
  errorContentType: RegExp;
  validateError: (body: unknown) => boolean;
  errors: () => string;
  /** Documented statuses per "METHOD /template" plus the service-level 404/405/413/415. */
  spec: Record<string, unknown>;
}

function errorValidator(service: 'users' | 'things'): {
  validate: (b: unknown) => boolean;
  errors: () => string;
  spec: Record<string, unknown>;
} {
  const spec = JSON.parse(readFileSync(`${ROOT}output/${service}/generated/openapi.json`, 'utf8')) as Record<string, any>;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const name = service === 'users' ? 'HTTPError' : 'Problem';
  const validate = ajv.compile({ $ref: `#/components/schemas/${name}`, components: spec.components });
  return { validate: (b) => validate(b) as boolean, errors: () => ajv.errorsText(validate.errors), spec };
}

/**
 * The example services on `target`: Express uses output/users and output/things as committed; Fastify
 * generates the same specs with `--target fastify` into a temp folder (the example apps' database
 * wiring is Express app code; every handler is replaced here anyway). Error classes come from the
 * service's own generated errors.gen.ts: each service has its own runtime, so its own HttpError.
 */
async function loadTarget(target: Target) {
  if (target === 'express') {
    return {
      createUsersApp: createUsersExpressApp as (o: object) => unknown,
      createThingsApp: createThingsExpressApp as (o: object) => unknown,
      usersErrors: usersExpressErrors as Record<string, any>,
      thingsErrors: thingsExpressErrors as Record<string, any>,
      cleanup: () => {},
    };
  }
  const dirs = { users: tempDir('hostile-fastify-users'), things: tempDir('hostile-fastify-things') };
  const load = async (name: 'users' | 'things') => {
    const result = await generate({ input: `specs/${name}.yaml`, output: dirs[name].path, cwd: REPO, client: false, target: 'fastify' });
    if (result.diagnostics.some((d) => d.severity === 'error')) throw new Error(`generate ${name} --target fastify failed`);
    const app = await import(pathToFileURL(join(dirs[name].path, 'app.ts')).href);
    const errors = await import(pathToFileURL(join(dirs[name].path, 'generated/errors.gen.ts')).href);
    return { createApp: app.createApp as (o: object) => unknown, errors: errors as Record<string, any> };
  };
  const [u, t] = [await load('users'), await load('things')];
  return {
    createUsersApp: u.createApp,
    createThingsApp: t.createApp,
    usersErrors: u.errors,
    thingsErrors: t.errors,
    cleanup: () => Object.values(dirs).forEach((d) => d.remove()),
  };
}

export async function startServices(target: Target = 'express'): Promise<Service[]> {
  const { createUsersApp, createThingsApp, usersErrors, thingsErrors, cleanup } = await loadTarget(target);
  const { ConflictError, NotFoundError: UserNotFound } = usersErrors;
  const { NotFoundError: ThingNotFound } = thingsErrors;
  cleanups.push(cleanup);
  const users = new Map<string, Record<string, unknown>>();
  const usersApp = createUsersApp({
    logger: silent,
    handlers: {
      createUser: async ({ body }: any) => {
        if (users.has(body.username)) throw new ConflictError('Username already taken');
        const u = {
          id: users.size + 1,
          email: body.email,
          dept: body.dept,
          name: body.name,
          username: body.username,
          created_at: new Date().toISOString(),
        };
        users.set(body.username, u);
        return { status: 201, body: u as never };
      },
      listUsers: async () => ({ status: 200, body: [...users.values()] as never }),
      getUser: async ({ params }: any) => {
        const u = users.get(params.username);
        if (!u) throw new UserNotFound('No such user');
        return { status: 200, body: u as never };
      },
      updateUser: async ({ params, body }: any) => {
        const u = users.get(params.username);
        if (!u) throw new UserNotFound('No such user');
        const { password: _password, ...rest } = body as Record<string, unknown>;
        Object.assign(u, rest);
        return { status: 200, body: u as never };
      },
      // A handler that fails with database text in the message: none of it may reach the client.
      deleteUser: async () => {
        throw new Error("SELECT * FROM users WHERE username = 'x' -- syntax error at or near");
      },
    },
  });
  const things = new Map<number, Record<string, unknown>>();
  const thingsApp = createThingsApp({
    logger: silent,
    handlers: {
      listThings: async () => ({ status: 200, body: [...things.values()] as never }),
      createThing: async ({ body }: any) => {
        const t = {
          thing_id: things.size + 1,
          name: body.name,
          description: body.description,
          rating_out_of_five: body.rating_out_of_five,
          votes: 0,
          created_at: new Date().toISOString(),
        };
        things.set(t.thing_id, t);
        return { status: 201, body: t as never };
      },
      getThing: async ({ params }: any) => {
        const t = things.get(params.thing_id as number);
        if (!t) throw new ThingNotFound('No such thing');
        return { status: 200, body: t as never };
      },
      voteThing: async ({ params, body }: any) => {
        const t = things.get(params.thing_id as number);
        if (!t) throw new ThingNotFound('No such thing');
        t.votes = (t.votes as number) + body.increase_votes_by;
        return { status: 200, body: t as never };
      },
      deleteThing: async () => {
        throw Object.assign(new Error('relation "things" does not exist'), { code: '42P01' });
      },
    },
  });
  const out: Service[] = [];
  for (const [name, app] of [
    ['users', usersApp],
    ['things', thingsApp],
  ] as const) {
    const server = await listenServer(app as never);
    const v = errorValidator(name);
    out.push({
      name,
      server,
      base: { host: '127.0.0.1', port: (server.address() as AddressInfo).port },
      errorContentType: name === 'users' ? /^application\/json\b/ : /^application\/problem\+json\b/,
      validateError: v.validate,
      errors: v.errors,
      spec: v.spec,
    });
  }
  return out;
}

const cleanups: Array<() => void> = [];
/** Removes the temp folders of generated Fastify services. */
export function removeGenerated(): void {
  cleanups.splice(0).forEach((c) => c());
}

export interface Sent {
  method: string;
  path: string;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
}

export interface Got {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  ms: number;
}

/** One request on a fresh connection, path sent exactly as given. */
export function send(service: Service, req: Sent, timeoutMs = 10_000): Promise<Got> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const headers: Record<string, string | string[] | number> = { ...(req.headers ?? {}) };
    if (
      req.body !== undefined &&
      !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length' || h.toLowerCase() === 'transfer-encoding')
    ) {
      headers['content-length'] = Buffer.byteLength(req.body);
    }
    const r = httpRequest(
      {
        host: service.base.host,
        port: service.base.port,
        method: req.method,
        path: req.path,
        headers,
        agent: false,
        insecureHTTPParser: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    r.setTimeout(timeoutMs, () => r.destroy(new Error(`timeout after ${timeoutMs} ms: ${req.method} ${req.path.slice(0, 80)}`)));
    r.on('error', reject);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

const STACK = /\n\s+at [^\n]*[(:]\d+|\.ts:\d+|node_modules|\/work\/|Error: .*\n/;
const SQL =
  /\b(select|insert|update|delete)\b[\s\S]*\b(from|into|set|where)\b|\bsyntax error at or near\b|\brelation "|\b42P01\b|SQLSTATE/i;

/**
 * Checks every error response must pass; returns a list of problems (empty when fine). `echo` are
 * strings from the request that must not come back.
 */
export function errorProblems(service: Service, got: Got, echo: string[] = []): string[] {
  const problems: string[] = [];
  if (got.status < 400) return problems;
  const type = String(got.headers['content-type'] ?? '');
  if (got.status === 431 || got.status === 414) return got.text === '' ? [] : ['node answered 431/414 with a body'];
  if (got.status === 405 && !got.headers.allow) problems.push('405 without Allow');
  if (!service.errorContentType.test(type)) problems.push(`content-type ${type}`);
  let body: unknown;
  try {
    body = JSON.parse(got.text);
  } catch {
    return [...problems, `body is not JSON: ${got.text.slice(0, 200)}`];
  }
  if (!service.validateError(body))
    problems.push(`body invalid against the documented schema: ${service.errors()} ${got.text.slice(0, 300)}`);
  if (STACK.test(got.text)) problems.push(`stack or path in body: ${got.text.slice(0, 300)}`);
  if (SQL.test(got.text)) problems.push(`SQL in body: ${got.text.slice(0, 300)}`);
  for (const e of echo) if (e.length >= 6 && got.text.includes(e)) problems.push(`echoes ${JSON.stringify(e.slice(0, 60))}`);
  return problems;
}

export const prototypeSnapshot = () =>
  Object.getOwnPropertyNames(Object.prototype).sort().join(',') +
  '|' +
  JSON.stringify(Object.getOwnPropertyDescriptors(Object.prototype), (_k, v) => (typeof v === 'function' ? v.name : v));

/** Every `pattern` in a spec (schemas, parameters), with where it was found. */
export function patternsOf(spec: unknown): string[] {
  const found = new Set<string>();
  const visit = (n: unknown) => {
    if (n === null || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(visit);
    for (const [k, v] of Object.entries(n)) {
      if (k === 'pattern' && typeof v === 'string') found.add(v);
      else visit(v);
    }
  };
  visit(spec);
  return [...found];
}
