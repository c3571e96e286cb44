/**
 * New inputs, end to end: specs the generator used to refuse or whose client broke the build now
 * generate a service and a @hey-api client that compile under `tsc --strict` (one program), and the
 * OpenAPI 3.2 service serves QUERY and an additional operation (COPY) on a real port, typed.
 * - payments-deep-object.yaml: array query parameters with `style: deepObject` (Stripe's `expand`);
 * - unsafe names: schema names `__proto__` and `../../x`, reserved words, as operation and schema names;
 * - openapi-32.yaml, schema-ids.yaml, extension-refs.yaml.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate, type GenerateResult } from '../../generator/generate.js';
import { clientOrProblem, startClientWorker } from '../../generator/emit/client.js';
import { formatDiagnostic } from '../../generator/diagnostics.js';
import { REPO, tempDir } from '../support/tmp.js';
import { tsc } from '../support/run.js';
import { listen } from '../support/server.js';

const FIXTURES = join(REPO, 'test/fixtures/specs16');
const NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'prototype',
  'class',
  'delete',
  'default',
  'await',
  'eval',
  'then',
  'Symbol',
  '../../x',
  'null',
];

function unsafeNamesSpec(): string {
  const esc = (n: string) => n.replace(/~/g, '~0').replace(/\//g, '~1');
  const schemas = NAMES.map((n) => `${JSON.stringify(n)}: {"type": "object", "properties": {"a": {"type": "string"}}}`).join(', ');
  const paths = NAMES.map(
    (n, i) =>
      `"/r${i}": {"get": {"operationId": ${JSON.stringify(n)}, "responses": {"200": {"description": "ok", "content": ` +
      `{"application/json": {"schema": {"$ref": "#/components/schemas/${esc(n)}"}}}}, "400": {"description": "bad", "content": ` +
      `{"application/json": {"schema": {"$ref": "#/components/schemas/Err"}}}}}}}`,
  ).join(', ');
  // by hand: an object literal with a __proto__ key would set the prototype instead
  return (
    `{"openapi": "3.1.0", "info": {"title": "Names", "version": "1"}, "paths": {${paths}}, "components": {"schemas": ` +
    `{${schemas}, "Err": {"type": "object", "properties": {"message": {"type": "string"}}}}}}`
  );
}

/**
 * Hostile but legal names in every other place a name goes: tags, query/header parameter names (`__proto__`
 * crashes hey-api there), property names and enum values, and the names of parameter, requestBody and
 * response components (a parameter component named `constructor` crashed Redocly's structural check).
 */
const PLACES = ['__proto__', 'constructor', 'toString', 'prototype', 'class', 'default', 'then', '../../x', '$ref', 'a b', '123abc'];

function hostilePlacesSpec(): string {
  const q = JSON.stringify;
  const esc = (n: string) => n.replace(/~/g, '~0').replace(/\//g, '~1');
  const section = (f: (n: string) => string) => PLACES.map((n) => `${q(n)}: ${f(n)}`).join(', ');
  const schemas = section(
    (n) =>
      `{"type": "object", "properties": {${q(n)}: {"type": "string", "enum": [${q(n)}]}, "a": {"$ref": "#/components/schemas/${esc(n)}"}}}`,
  );
  const parameters = section((n) => `{"name": ${q(n)}, "in": "query", "schema": {"type": "string"}}`);
  const bodies = section((n) => `{"content": {"application/json": {"schema": {"$ref": "#/components/schemas/${esc(n)}"}}}}`);
  const responses = section(
    (n) => `{"description": "r", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/${esc(n)}"}}}}`,
  );
  const paths = PLACES.map(
    (n, i) =>
      `"/p${i}/{id}": {"post": {"operationId": "op${i}", "tags": [${q(n)}], "parameters": [{"$ref": "#/components/parameters/${esc(n)}"}, ` +
      `{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": ${q(n)}, "in": "header", "schema": ` +
      `{"type": "string"}}], "requestBody": {"$ref": "#/components/requestBodies/${esc(n)}"}, "responses": {"200": {"$ref": ` +
      `"#/components/responses/${esc(n)}"}, "400": {"description": "bad", "content": {"application/json": {"schema": {"type": "object"}}}}}}}`,
  ).join(', ');
  return (
    `{"openapi": "3.1.0", "info": {"title": "Places", "version": "1"}, "tags": [${PLACES.map((n) => `{"name": ${q(n)}}`).join(', ')}], ` +
    `"paths": {${paths}}, "components": {"schemas": {${schemas}}, "parameters": {${parameters}}, "requestBodies": {${bodies}}, ` +
    `"responses": {${responses}}}}`
  );
}

describe('specs that used to break the generator or its client', () => {
  const out = tempDir('new-inputs');
  const results = new Map<string, GenerateResult>();
  const folder = (name: string) => join(out.path, name);
  const specs: [string, string][] = [
    ['deep-object', join(FIXTURES, 'payments-deep-object.yaml')],
    ['openapi-32', join(FIXTURES, 'openapi-32.yaml')],
    ['schema-ids', join(FIXTURES, 'schema-ids.yaml')],
    ['schema-ids-resources', join(FIXTURES, 'schema-ids-resources.yaml')],
    ['extension-refs', join(FIXTURES, 'extension-refs.yaml')],
    ['unsafe-names', join(out.path, 'unsafe-names.json')],
    ['hostile-places', join(out.path, 'hostile-places.json')],
  ];
  let compiled: { code: number | null; stdout: string };

  beforeAll(async () => {
    writeFileSync(join(out.path, 'unsafe-names.json'), unsafeNamesSpec());
    writeFileSync(join(out.path, 'hostile-places.json'), hostilePlacesSpec());
    for (const [name, input] of specs) results.set(name, await generate({ input, output: folder(name), cwd: REPO }));
    const fastify = await generate({
      input: join(FIXTURES, 'openapi-32.yaml'),
      output: folder('openapi-32-fastify'),
      cwd: REPO,
      target: 'fastify',
    });
    results.set('openapi-32-fastify', fastify);
    writeOpenApi32Handlers(folder('openapi-32'));
    writeOpenApi32Handlers(folder('openapi-32-fastify'));
    writeFileSync(
      join(out.path, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
        },
        include: ['**/*.ts'],
      }),
    );
    compiled = tsc(out.path);
  }, 600_000);
  afterAll(() => out.remove());

  it.each(specs.map(([name]) => name))('%s generates a service and a client without errors', (name) => {
    const r = results.get(name)!;
    expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).not.toContain('CLIENT_FAILED');
    expect(r.files.has('generated/client/sdk.gen.ts')).toBe(true);
  });

  it('everything compiles under tsc --strict, including typed handlers for QUERY, COPY and event streams', () => {
    expect(compiled.stdout.split('\n').slice(0, 30).join('\n')).toBe('');
    expect(compiled.code).toBe(0);
  });

  it('deepObject arrays: the client serializes them as form (what hey-api did at run time) instead of a style its types reject', () => {
    const sdk = results.get('deep-object')!.files.get('generated/client/sdk.gen.ts')!;
    expect(sdk).not.toMatch(/style: 'deepObject'/);
    expect(sdk).toMatch(/GetCharges|getCharges/);
  });

  it('unsafe names: every operation is in the SDK', () => {
    const sdk = results.get('unsafe-names')!.files.get('generated/client/sdk.gen.ts')!;
    const exported = [...sdk.matchAll(/^export const (\w+) =/gm)].map((m) => m[1]);
    expect(exported).toHaveLength(NAMES.length);
    expect(exported).not.toContain('then');
  });

  it.each(['openapi-32', 'openapi-32-fastify'])(
    'the OpenAPI 3.2 service (%s) serves QUERY, COPY and item streams, and lists them in Allow',
    async (name) => {
      expect(
        results
          .get(name)!
          .diagnostics.filter((d) => d.severity === 'error')
          .map(formatDiagnostic),
      ).toEqual([]);
      const app = await import(join(folder(name), 'app.ts'));
      const runtime = await import(join(folder(name), 'generated/runtime/index.ts'));
      const server = await listen(app.createApp({ logger: runtime.createLogger({ level: 'silent' }) }));
      try {
        const query = await fetch(`${server.base}/items`, {
          method: 'QUERY',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text: 'bo' }),
        });
        expect(query.status).toBe(200);
        expect(await query.json()).toEqual([{ id: 'b1', name: 'bolt' }]);
        const invalid = await fetch(`${server.base}/items`, {
          method: 'QUERY',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text: '' }),
        });
        expect(invalid.status).toBe(400);
        expect(invalid.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(await invalid.json()).toMatchObject({ status: 400 });
        expect((await fetch(`${server.base}/items?to=shelf`, { method: 'COPY' })).status).toBe(204);
        expect((await fetch(`${server.base}/items`, { method: 'COPY' })).status).toBe(400);
        const wrong = await fetch(`${server.base}/items`, { method: 'DELETE' });
        expect(wrong.status).toBe(405);
        expect(wrong.headers.get('allow')?.split(/,\s*/).sort()).toEqual(['COPY', 'GET', 'HEAD', 'QUERY']);
        // itemSchema: the typed list of items is sent item by item, as JSON Lines or as server-sent events
        const lines = await fetch(`${server.base}/items/stream`, { headers: { accept: 'application/jsonl' } });
        expect(lines.status).toBe(200);
        expect(lines.headers.get('content-type')).toMatch(/^application\/jsonl/);
        expect(await lines.text()).toBe('{"id":"a1","name":"anchor"}\n{"id":"b1"}\n');
        const events = await fetch(`${server.base}/items/stream`);
        expect(events.status).toBe(200);
        expect(events.headers.get('content-type')).toMatch(/^text\/event-stream/);
        expect(await events.text()).toBe('data: {"id":"a1","name":"anchor"}\n\ndata: {"id":"b1"}\n\n');
      } finally {
        await server.close();
      }
    },
  );

  it('a hey-api failure becomes a CLIENT_FAILED warning without a stack, and the service keeps its files', async () => {
    const failed = await clientOrProblem(
      Promise.reject(new Error('@hey-api/openapi-ts failed: Symbol finalName has not been resolved yet\n    at x (file.js:1:1)')),
    );
    expect(failed.files.size).toBe(0);
    expect(failed.problem).toMatchObject({ code: 'CLIENT_FAILED', severity: 'warning' });
    expect(failed.problem!.message).not.toMatch(/\n|at x \(/);
    expect(failed.problem!.fix).toMatch(/--no-client/);
  });
  it('a real hey-api failure (a document it cannot read) is that warning too, from the worker, without a stack', async () => {
    const unreadable = {
      openapi: '3.1.0',
      info: { title: 'T', version: '1' },
      paths: { '/a': { get: { operationId: 'a', responses: { '200': { $ref: '#/components/responses/Nope' } } } } },
    };
    const failed = await clientOrProblem(startClientWorker().run(unreadable));
    expect(failed.files.size).toBe(0);
    expect(failed.problem).toMatchObject({ code: 'CLIENT_FAILED', severity: 'warning', pointer: '#' });
    expect(failed.problem!.message).toMatch(/^the typed client \(generated\/client\/\) was left out: @hey-api\/openapi-ts failed: /);
    expect(failed.problem!.message).not.toMatch(/\n|\bat \S+ \(/);
    expect(failed.problem!.fix).toMatch(/--no-client/);
  }, 120_000);
});

function writeOpenApi32Handlers(dir: string): void {
  writeFileSync(
    join(dir, 'handlers/searchItems.ts'),
    `import type { Handlers, SearchItemsResult } from '../generated/handlers.gen.js';
const items = [{ id: 'a1', name: 'anchor' }, { id: 'b1', name: 'bolt' }];
export const searchItems: Handlers["searchItems"] = async (input): Promise<SearchItemsResult> => {
  const text: string = input.body.text;
  return { status: 200, body: items.filter((i) => i.name.startsWith(text)) };
};
`,
  );
  writeFileSync(
    join(dir, 'handlers/copyItems.ts'),
    `import type { Handlers, CopyItemsResult } from '../generated/handlers.gen.js';
export const copyItems: Handlers["copyItems"] = async (input): Promise<CopyItemsResult> => {
  const to: string = input.query.to;
  void to;
  return { status: 204 };
};
`,
  );
  writeFileSync(
    join(dir, 'handlers/streamItems.ts'),
    `import type { Handlers, StreamItemsResult } from '../generated/handlers.gen.js';
async function* items() {
  yield { id: 'a1', name: 'anchor' };
  yield { id: 'b1' };
}
export const streamItems: Handlers["streamItems"] = async (input): Promise<StreamItemsResult> => {
  if (String(input.headers.accept).includes('application/jsonl'))
    return { status: 200, contentType: 'application/jsonl', body: [{ id: 'a1', name: 'anchor' }, { id: 'b1' }] };
  return { status: 200, contentType: 'text/event-stream', body: items() };
};
`,
  );
  writeFileSync(
    join(dir, 'usage.ts'),
    `import type { SearchItemsResult, StreamItemsResult, CopyItemsInput } from './generated/handlers.gen.js';
// @ts-expect-error QUERY /items documents no 201
export const undocumented: SearchItemsResult = { status: 201, body: [] };
// @ts-expect-error an Item needs an id
export const missingId: SearchItemsResult = { status: 200, body: [{ name: 'x' }] };
// a sequential media type is typed as the list of its items (itemSchema)
export const stream: StreamItemsResult = { status: 200, contentType: 'application/jsonl', body: [{ id: 'a' }] };
// @ts-expect-error items of the stream are Items
export const badStream: StreamItemsResult = { status: 200, body: [{ nope: 1 }] };
// @ts-expect-error a stream is its items, not one JSON document (the runtime would answer 500)
export const notAStream: StreamItemsResult = { status: 200, contentType: 'text/event-stream', body: { id: 'a' } };
// @ts-expect-error the COPY operation's query parameter is a string
export const badQuery: CopyItemsInput['query'] = { to: 1 };
`,
  );
}
