/**
 * The hostile spec corpus (issue 8). Every case builds its spec folder at test time (the 50 MB spec
 * and the 10,000-deep `$ref` chain are generated, never committed) and states its expected outcome:
 * - 'ok': output that compiles under `tsc --strict`, where every injected marker stands only in
 *   string-literal or comment tokens, and whose modules import without setting the canary;
 * - 'diagnostic': exit 1 with a pointer, nothing written.
 *
 * Payloads carry a marker `~PWNED_<n>~`: tildes are not identifier characters, so a marker that the
 * generator mangled into an identifier disappears, while one that escaped into code becomes three
 * tokens (`~`, `PWNED_1`, `~`) and is caught by the scanner check.
 */
import { mkdirSync, writeFileSync, createWriteStream, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type Outcome = 'ok' | 'diagnostic';

export interface CaseContext {
  /** Base URL of a local HTTP server that must never receive a request. */
  url: string;
}

export interface HostileCase {
  id: string;
  family: string;
  expect: Outcome;
  /** Diagnostic codes that must appear (expect: 'diagnostic'). */
  codes?: string[];
  /** Generate the @hey-api client too (slow-ish; a few cases only). */
  client?: boolean;
  /** Run in its own child process (big or slow cases). */
  isolate?: boolean;
  /** Pre-create out/ with a file; a diagnostic must leave it untouched. */
  existingOut?: boolean;
  /**
   * A defect outside the files this suite's owner may fix, reported to their owner: generation is
   * checked as usual, but compiling/importing the output is expected to fail until it is fixed.
   */
  knownDefect?: string;
  /** Writes the spec folder; returns the root spec's file name (default spec.yaml). */
  // biome-ignore lint/suspicious/noConfusingVoidType: a case's build may return nothing at all
  build(specDir: string, ctx: CaseContext): string | void | Promise<string | void>;
}

// ---------------------------------------------------------------------------------------------
// Payloads

let counter = 0;
export const marker = () => `~PWNED_${++counter}~`;
export const MARKER_RE = /~PWNED_\d+~/g;
const CODE = 'globalThis.__PWNED__ = 1;';

/** Strings that would run CODE if pasted into a comment, a string, a template literal or code. */
export function payloads(): string[] {
  return [
    `*/ ${CODE} ${marker()} /*`,
    `x\n${CODE} ${marker()} //`,
    `x\r${CODE} ${marker()} //`,
    `x\r\n*/ ${CODE} ${marker()} /*`,
    `x\u2028${CODE} ${marker()} //`,
    `x\u2029${CODE} ${marker()} //`,
    `"; ${CODE} "${marker()}`,
    `'; ${CODE} '${marker()}`,
    `\`; ${CODE} \`${marker()}`,
    `\${${CODE.slice(0, -1)}}${marker()}`,
    `\u202e ${marker()} ${CODE} \u2066`,
    `${marker()} </script><!-- ${CODE}`,
    `${marker()}\\`,
  ];
}
const one = (i: number) => payloads()[i % 13];

// ---------------------------------------------------------------------------------------------
// Spec helpers

type Obj = Record<string, unknown>;

const ERR = { type: 'object', required: ['message'], properties: { message: { type: 'string' } } };
const errorResponses = (): Obj => ({
  '400': { description: 'Bad request', content: { 'application/json': { schema: { $ref: '#/components/schemas/Err' } } } },
});

export function spec(paths: Obj, schemas: Obj = {}, extra: Obj = {}): Obj {
  return {
    openapi: '3.1.0',
    info: { title: 'Hostile', version: '1.0.0' },
    paths,
    components: { schemas: { Err: ERR, ...schemas } },
    ...extra,
  };
}

export function op(extra: Obj = {}, okSchema: Obj = { type: 'string' }): Obj {
  return {
    responses: { '200': { description: 'ok', content: { 'application/json': { schema: okSchema } } }, ...errorResponses() },
    ...extra,
  };
}

export function write(dir: string, name: string, content: string | Obj): void {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 1));
}

const json = (doc: Obj) => (dir: string) => {
  write(dir, 'spec.json', doc);
  return 'spec.json';
};
const yaml = (text: string) => (dir: string) => {
  write(dir, 'spec.yaml', text);
  return 'spec.yaml';
};

/** A valid YAML header for raw-YAML cases. */
const YAML_HEAD = `openapi: 3.1.0
info: { title: Hostile, version: 1.0.0 }
`;
const YAML_PATHS = `paths:
  /a:
    get:
      responses:
        '200': { description: ok }
`;

// ---------------------------------------------------------------------------------------------
// Cases

export function buildCases(): HostileCase[] {
  counter = 0;
  const cases: HostileCase[] = [];
  const add = (c: HostileCase) => cases.push(c);

  // --- Comment and line-break breakouts in free text ------------------------------------------
  add({
    id: 'text-breakouts',
    family: 'comment/line-break breakouts in descriptions, summaries, titles',
    expect: 'ok',
    client: true,
    build: json(
      spec(
        {
          '/things': {
            summary: one(0),
            description: one(1),
            get: op(
              {
                summary: one(2),
                description: one(3),
                operationId: 'listThings',
                tags: [one(4)],
                parameters: [
                  { name: 'q', in: 'query', description: one(5), schema: { type: 'string', description: one(6), title: one(7) } },
                ],
              },
              {
                type: 'object',
                title: one(8),
                description: one(9),
                properties: { a: { type: 'string', description: one(10), title: one(11) } },
              },
            ),
            post: op({
              summary: one(12),
              operationId: 'makeThing',
              requestBody: { description: one(0), content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
              responses: {
                '201': { description: one(1) },
                '409': { description: one(2), content: { 'application/json': { schema: { $ref: '#/components/schemas/Err' } } } },
              },
            }),
          },
        },
        {
          Thing: {
            type: 'object',
            title: one(3),
            description: one(4),
            properties: { name: { type: 'string', description: one(5), deprecated: true } },
          },
        },
        {
          info: {
            title: one(6),
            version: one(7),
            description: one(8),
            summary: one(9),
            contact: { name: one(10), url: 'https://x.test/' },
            license: { name: one(11) },
          },
          tags: [{ name: one(12), description: one(0) }],
          externalDocs: { url: 'https://x.test', description: one(1) },
        },
      ),
    ),
  });

  for (const [i, text] of payloads().entries()) {
    add({
      id: `title-payload-${i}`,
      family: 'comment/line-break breakouts in descriptions, summaries, titles',
      expect: 'ok',
      build: json(
        spec(
          { '/a': { get: op({ summary: text, description: text, operationId: `op${i}` }) } },
          { S: { type: 'string', description: text } },
          { info: { title: text, version: '1' } },
        ),
      ),
    });
  }

  // --- Quotes, backticks and ${} in code-adjacent strings --------------------------------------
  add({
    id: 'quotes-in-paths',
    family: 'quotes, backticks, ${} in paths, parameter names, enums, defaults, examples, servers, media types, header names',
    expect: 'ok',
    client: true,
    build: json(
      spec({
        [`/q'"\`\${x}${marker()}/{id}`]: {
          get: op({ parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] }),
        },
        [`/b\\${marker()}\`'`]: { get: op() },
      }),
    ),
  });
  add({
    id: 'quotes-in-params',
    family: 'quotes, backticks, ${} in paths, parameter names, enums, defaults, examples, servers, media types, header names',
    expect: 'ok',
    build: json(
      spec({
        [`/p/{${`a'"\`\${b}${marker()}`}}`]: {
          get: op({
            operationId: 'params',
            parameters: [
              { name: `a'"\`\${b}${marker()}`, in: 'path', required: true, schema: { type: 'string' } },
              { name: `q'"\`\${c}${marker()}`, in: 'query', schema: { type: 'string' } },
              { name: `X-H'"\`\${d}${marker()}`, in: 'header', schema: { type: 'string' } },
              { name: `c'"${marker()}`, in: 'cookie', schema: { type: 'string' } },
            ],
          }),
        },
      }),
    ),
  });
  add({
    id: 'quotes-in-values',
    family: 'quotes, backticks, ${} in paths, parameter names, enums, defaults, examples, servers, media types, header names',
    expect: 'ok',
    client: true,
    build: json(
      spec(
        {
          '/v': {
            get: op(
              {
                operationId: 'values',
                parameters: [
                  { name: 'kind', in: 'query', schema: { type: 'string', enum: payloads().slice(0, 6), default: one(6), example: one(7) } },
                ],
              },
              { $ref: '#/components/schemas/V' },
            ),
          },
        },
        {
          V: {
            type: 'object',
            properties: {
              e: { type: 'string', enum: payloads(), default: one(8), examples: payloads().slice(0, 3), const: undefined },
              c: { const: one(9) },
              n: { type: 'integer', enum: [1, 2], default: 1 },
              backslash: { type: 'string', default: `ends in a backslash ${marker()}\\` },
              backslash2: { type: 'string', default: '\\', enum: ['\\', '\\\\', `${marker()}\\`] },
            },
            example: { e: one(10), backslash: '\\' },
          },
        },
        { servers: [{ url: `https://x.test/${one(11)}`, description: one(12), variables: { v: { default: one(0), enum: [one(0)] } } }] },
      ),
    ),
  });
  add({
    id: 'quotes-in-media-and-headers',
    family: 'quotes, backticks, ${} in paths, parameter names, enums, defaults, examples, servers, media types, header names',
    expect: 'ok',
    build: json(
      spec({
        '/m': {
          post: {
            operationId: 'media',
            requestBody: {
              content: {
                [`application/json; x="'\`\${y}${marker()}`]: { schema: { type: 'object' } },
                [`text/${marker()}"'`]: { schema: { type: 'string' } },
              },
            },
            responses: {
              '200': {
                description: 'ok',
                headers: { [`X-R'"\`\${z}${marker()}`]: { schema: { type: 'string' } } },
                content: { [`application/x"'\`${marker()}+json`]: { schema: { type: 'object' } } },
              },
              '400': {
                description: 'bad',
                headers: { [`X-E'"${marker()}`]: { required: true, schema: { type: 'string' } } },
                content: { [`application/problem+json;q="${marker()}"`]: { schema: { $ref: '#/components/schemas/Err' } } },
              },
            },
          },
        },
      }),
    ),
  });

  // --- Reserved words and prototype names ------------------------------------------------------
  const protoNames = [
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'prototype',
    'class',
    'delete',
    'default',
    'await',
    'eval',
    'arguments',
    'globalThis',
    'valueOf',
    'then',
  ];
  add({
    id: 'reserved-operation-ids',
    family: 'reserved words and __proto__/constructor/toString as names',
    expect: 'ok',
    client: true,
    build: json(
      spec(Object.fromEntries(protoNames.filter((n) => n !== 'then').map((n, i) => [`/r${i}`, { get: op({ operationId: n }) }]))),
    ),
  });
  add({
    id: 'then-operation-id-client',
    family: 'reserved words and __proto__/constructor/toString as names',
    expect: 'ok',
    client: true,
    build: json(spec({ '/t': { get: op({ operationId: 'then' }) } })),
  });
  add({
    id: 'constructor-property-in-error-schema',
    family: 'reserved words and __proto__/constructor/toString as names',
    expect: 'ok',
    build: json(
      spec(
        { '/c': { get: op({ operationId: 'c' }) } },
        { Err: { type: 'object', required: ['constructor'], properties: { constructor: { type: 'string' } } } },
      ),
    ),
  });
  add({
    id: 'prototype-method-keys',
    family: 'reserved words and __proto__/constructor/toString as names',
    expect: 'diagnostic',
    codes: ['INVALID_STRUCTURE'],
    build: json(
      spec(
        {
          '/x': {
            get: op(
              { operationId: 'x' },
              { type: 'object', properties: { hasOwnProperty: { type: 'string' }, valueOf: { type: 'string' } } },
            ),
          },
        },
        { isPrototypeOf: { type: 'string' } },
        { 'x-ext': { toLocaleString: 1 } },
      ),
    ),
  });
  add({
    id: 'reserved-schema-and-property-names',
    family: 'reserved words and __proto__/constructor/toString as names',
    expect: 'ok',
    build: (dir) => {
      // Written by hand: JSON.stringify drops nothing, but an object literal with __proto__ would set the prototype.
      const protoNames = [
        '__proto__',
        'constructor',
        'toString',
        'prototype',
        'class',
        'delete',
        'default',
        'await',
        'eval',
        'arguments',
        'globalThis',
        'then',
        'Symbol',
      ];
      const props = protoNames.map((n) => `${JSON.stringify(n)}: {"type": "string"}`).join(', ');
      const schemas = protoNames
        .map(
          (n) =>
            `${JSON.stringify(n)}: {"type": "object", "properties": {${props}}, "required": ${JSON.stringify(protoNames.slice(0, 3))}}`,
        )
        .join(', ');
      const params = protoNames.map((n) => `{"name": ${JSON.stringify(n)}, "in": "query", "schema": {"type": "string"}}`).join(', ');
      const responses = `{"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/__proto__"}}}}, "400": {"description": "bad", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Err"}}}}}`;
      write(
        dir,
        'spec.json',
        `{"openapi": "3.1.0", "info": {"title": "T", "version": "1"},
        "paths": {"/x/{__proto__}": {"get": {"operationId": "x", "parameters": [{"name": "__proto__", "in": "path", "required": true, "schema": {"type": "string"}}, ${params}], "responses": ${responses}},
                  "post": {"operationId": "y", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/toString"}}}}, "responses": ${responses}}}},
        "components": {"schemas": {${schemas}, "Err": {"type": "object", "properties": {"message": {"type": "string"}}}}, "responses": {"__proto__": {"description": "p"}, "constructor": {"description": "c"}}}}`,
      );
      return 'spec.json';
    },
  });

  // --- Collisions after mangling -----------------------------------------------------------------
  add({
    id: 'mangling-collisions',
    family: 'names colliding after mangling (user-id, user_id, userId)',
    expect: 'ok',
    client: true,
    build: json(
      spec(
        {
          '/u1': { get: op({ operationId: 'user-id' }, { $ref: '#/components/schemas/user-id' }) },
          '/u2': { get: op({ operationId: 'user_id' }, { $ref: '#/components/schemas/user_id' }) },
          '/u3': { get: op({ operationId: 'userId' }, { $ref: '#/components/schemas/userId' }) },
          '/u4': { get: op({ operationId: 'UserId' }, { $ref: '#/components/schemas/UserId' }) },
          '/u5': { get: op({ operationId: 'user id' }) },
          '/u6/{user-id}/{user_id}': {
            get: op({
              operationId: 'USER_ID',
              parameters: [
                { name: 'user-id', in: 'path', required: true, schema: { type: 'string' } },
                { name: 'user_id', in: 'path', required: true, schema: { type: 'string' } },
                { name: 'userId', in: 'query', schema: { type: 'string' } },
                { name: 'user-Id', in: 'query', schema: { type: 'string' } },
              ],
            }),
          },
        },
        {
          'user-id': {
            type: 'object',
            properties: { 'user-id': { type: 'string' }, user_id: { type: 'string' }, userId: { type: 'string' } },
          },
          user_id: { type: 'string' },
          userId: { type: 'integer' },
          UserId: { type: 'boolean' },
          'User.Id': { type: 'string' },
        },
        {
          components: {
            schemas: {
              Err: ERR,
              'user-id': { type: 'string' },
              user_id: { type: 'string' },
              userId: { type: 'integer' },
              UserId: { type: 'boolean' },
              'User.Id': { type: 'string' },
            },
            responses: {
              'Not-Found': { description: 'a', content: { 'application/json': { schema: { $ref: '#/components/schemas/Err' } } } },
              Not_Found: { description: 'b', content: { 'application/json': { schema: { $ref: '#/components/schemas/Err' } } } },
            },
          },
        },
      ),
    ),
  });
  add({
    id: 'mangling-collisions-error-classes',
    family: 'names colliding after mangling (user-id, user_id, userId)',
    expect: 'ok',
    build: json(
      spec(
        {
          '/e': {
            get: {
              operationId: 'e',
              responses: {
                '200': { description: 'ok' },
                '404': { $ref: '#/components/responses/Not-Found' },
                '409': { $ref: '#/components/responses/Not_Found' },
                '410': { $ref: '#/components/responses/NotFound' },
                '400': { $ref: '#/components/responses/HttpError' },
                '422': { $ref: '#/components/responses/Error' },
              },
            },
          },
        },
        {},
        {
          components: {
            schemas: { Err: ERR },
            responses: Object.fromEntries(
              ['Not-Found', 'Not_Found', 'NotFound', 'HttpError', 'Error'].map((n) => [
                n,
                { description: `${n} ${one(0)}`, content: { 'application/json': { schema: { $ref: '#/components/schemas/Err' } } } },
              ]),
            ),
          },
        },
      ),
    ),
  });

  // --- Names that would be bad file names ---------------------------------------------------------
  add({
    id: 'file-name-schemas',
    family: 'schema names ../../x, CON, 300 bytes',
    expect: 'ok',
    build: json(
      spec(
        {
          '/f': { get: op({ operationId: '../../x' }, { $ref: '#/components/schemas/..~1..~1x' }) },
          '/con': { get: op({ operationId: 'CON' }, { $ref: '#/components/schemas/CON' }) },
          '/nul': { get: op({ operationId: 'nul.txt' }) },
          '/long': { get: op({ operationId: 'x'.repeat(300) }, { $ref: `#/components/schemas/${'L'.repeat(300)}` }) },
          '/long2': { get: op({ operationId: `${'x'.repeat(299)}y` }) },
          '/abs': { get: op({ operationId: '/etc/passwd' }) },
          '/win': { get: op({ operationId: '..\\..\\win' }) },
        },
        {
          '../../x': { type: 'string' },
          CON: { type: 'string' },
          [`${'L'.repeat(300)}`]: { type: 'string' },
          [`${'é'.repeat(150)}`]: { type: 'string' },
        },
      ),
    ),
  });

  // --- Express syntax in paths ----------------------------------------------------------------------
  add({
    id: 'express-syntax-paths',
    family: 'Express pattern syntax in paths',
    expect: 'ok',
    client: true,
    build: json(
      spec(
        Object.fromEntries(
          [
            '/files:upload',
            '/a(b)',
            '/c*',
            '/d+',
            '/e?',
            '/:id',
            '/f/{a}-{b}',
            '/g/{a}.{b}',
            '/h/{x}:{y}',
            '/i/[j]',
            '/k|l',
            '/m/\\d+',
            '/n/{p}*',
          ].map((p, i) => [
            p,
            {
              get: op({
                operationId: `route${i}`,
                parameters: [...p.matchAll(/\{([^}]+)\}/g)].map((m) => ({
                  name: m[1],
                  in: 'path',
                  required: true,
                  schema: { type: 'string' },
                })),
              }),
            },
          ]),
        ),
      ),
    ),
  });

  // --- Circular schemas -------------------------------------------------------------------------------
  add({
    id: 'circular-schemas',
    family: 'circular schemas',
    expect: 'ok',
    build: json(
      spec(
        {
          '/tree': {
            get: op({ operationId: 'tree' }, { $ref: '#/components/schemas/Node' }),
            post: op({
              operationId: 'plant',
              requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } },
            }),
          },
        },
        {
          Node: {
            type: 'object',
            properties: {
              children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
              parent: { $ref: '#/components/schemas/Node' },
            },
          },
          A: { type: 'object', properties: { b: { $ref: '#/components/schemas/B' } } },
          B: { type: 'object', properties: { a: { $ref: '#/components/schemas/A' } }, allOf: [{ $ref: '#/components/schemas/A' }] },
          Err: {
            type: 'object',
            required: ['message'],
            properties: { message: { type: 'string' }, cause: { $ref: '#/components/schemas/Err' } },
          },
        },
      ),
    ),
  });
  add({
    id: 'circular-error-schema-required',
    family: 'circular schemas',
    expect: 'diagnostic',
    codes: ['NO_ERROR_BODY'],
    build: json(
      spec(
        { '/x': { get: op({ operationId: 'x' }) } },
        { Err: { type: 'object', required: ['self'], properties: { self: { $ref: '#/components/schemas/Err' } } } },
      ),
    ),
  });
  add({
    id: 'ref-cycle',
    family: 'circular schemas',
    expect: 'diagnostic',
    codes: ['REF_CYCLE'],
    build: json(
      spec(
        { '/x': { get: op({ operationId: 'x' }, { $ref: '#/components/schemas/A' }) } },
        { A: { $ref: '#/components/schemas/B' }, B: { $ref: '#/components/schemas/A' } },
      ),
    ),
  });
  add({
    id: 'external-file-cycle',
    family: 'circular schemas',
    expect: 'ok',
    build: (dir) => {
      write(dir, 'a.json', { A: { type: 'object', properties: { b: { $ref: 'b.json#/B' } } } });
      write(dir, 'b.json', { B: { type: 'object', properties: { a: { $ref: 'a.json#/A' } } } });
      write(dir, 'spec.json', spec({ '/x': { get: op({ operationId: 'x' }, { $ref: 'a.json#/A' }) } }));
      return 'spec.json';
    },
  });

  // --- Deep $ref chains (generated) --------------------------------------------------------------------
  add({
    id: 'ref-chain-10000-local',
    family: '10,000-deep $ref chain',
    expect: 'diagnostic',
    codes: ['REF_TOO_DEEP'],
    isolate: true,
    build: (dir) => {
      const schemas: Obj = {};
      for (let i = 0; i < 10_000; i++) schemas[`S${i}`] = { $ref: `#/components/schemas/S${i + 1}` };
      schemas.S10000 = { type: 'string' };
      write(dir, 'spec.json', spec({ '/x': { get: op({ operationId: 'x' }, { $ref: '#/components/schemas/S0' }) } }, schemas));
      return 'spec.json';
    },
  });
  add({
    id: 'ref-chain-10000-files',
    family: '10,000-deep $ref chain',
    expect: 'diagnostic',
    codes: ['TOO_LARGE'],
    isolate: true,
    existingOut: true,
    build: (dir) => {
      for (let i = 0; i < 10_000; i++) write(dir, `c/${i}.json`, { $ref: `${i + 1}.json` });
      write(dir, 'c/10000.json', { type: 'string' });
      write(dir, 'spec.json', spec({ '/x': { get: op({ operationId: 'x' }, { $ref: 'c/0.json' }) } }));
      return 'spec.json';
    },
  });
  add({
    id: 'ref-chain-10000-nested-schema',
    family: '10,000-deep $ref chain',
    expect: 'diagnostic',
    codes: ['TOO_LARGE'],
    isolate: true,
    build: (dir) => {
      // Each schema nests the next one: a 10,000-deep structure once refs are followed.
      const schemas: Obj = {};
      for (let i = 0; i < 10_000; i++) schemas[`N${i}`] = { type: 'object', properties: { next: { $ref: `n.json#/N${i + 1}` } } };
      schemas.N10000 = { type: 'string' };
      write(dir, 'n.json', schemas);
      write(dir, 'spec.json', spec({ '/x': { get: op({ operationId: 'x' }, { $ref: 'n.json#/N0' }) } }));
      return 'spec.json';
    },
  });

  // --- Dangling and malformed pointers -------------------------------------------------------------------
  const refCase = (id: string, ref: string, codes: string[], family = 'dangling and malformed pointers') =>
    add({ id, family, expect: 'diagnostic', codes, build: json(spec({ '/x': { get: op({ operationId: 'x' }, { $ref: ref }) } })) });
  refCase('ref-dangling-local', '#/components/schemas/Nope', ['REF_DANGLING']);
  refCase('ref-malformed-fragment', '#components/schemas/Err', ['REF_DANGLING']);
  refCase('ref-malformed-escape', '#/components/schemas/~2', ['REF_DANGLING']);
  refCase('ref-malformed-percent', 'x%zz.json', ['REF_MALFORMED']);
  add({
    id: 'ref-not-a-string',
    family: 'dangling and malformed pointers',
    expect: 'diagnostic',
    codes: ['REF_MALFORMED'],
    build: json(spec({ '/x': { get: op({ operationId: 'x' }, { $ref: 42 }) } }, { W: { $ref: { $ref: '#/x' } } })),
  });
  refCase('ref-dangling-file', 'missing.json', ['REF_DANGLING']);
  refCase('ref-proto-pointer', '#/components/schemas/__proto__', ['REF_DANGLING']);
  refCase('ref-constructor-pointer', '#/constructor/prototype', ['REF_DANGLING']);
  add({
    id: 'ref-dangling-in-other-file',
    family: 'dangling and malformed pointers',
    expect: 'diagnostic',
    codes: ['REF_DANGLING'],
    existingOut: true,
    build: (dir) => {
      write(dir, 'other.json', { A: { type: 'string' } });
      write(dir, 'spec.json', spec({ '/x': { get: op({ operationId: 'x' }, { $ref: 'other.json#/B/c' }) } }));
      return 'spec.json';
    },
  });
  add({
    id: 'ref-as-a-name',
    family: 'dangling and malformed pointers',
    expect: 'ok',
    build: json(
      spec(
        { '/x': { get: op({ operationId: 'x' }, { type: 'object', properties: { $ref: { type: 'string' } } }) } },
        { $ref: { type: 'string' } },
      ),
    ),
  });

  // --- External refs: files outside the folder, file:// and network URLs ------------------------------------
  refCase('ref-etc-passwd', '/etc/passwd', ['REF_EXTERNAL'], 'external $refs (/etc/passwd, ../secret, file://, http://)');
  refCase('ref-etc-passwd-fragment', '/etc/passwd#/root', ['REF_EXTERNAL'], 'external $refs (/etc/passwd, ../secret, file://, http://)');
  refCase('ref-dotdot-secret', '../secret.txt', ['REF_EXTERNAL'], 'external $refs (/etc/passwd, ../secret, file://, http://)');
  refCase('ref-dotdot-encoded', '..%2fsecret.txt', ['REF_EXTERNAL'], 'external $refs (/etc/passwd, ../secret, file://, http://)');
  refCase(
    'ref-deep-dotdot',
    'a/../../../../../../../../etc/passwd',
    ['REF_EXTERNAL'],
    'external $refs (/etc/passwd, ../secret, file://, http://)',
  );
  refCase('ref-file-url', 'file:///etc/passwd', ['REF_EXTERNAL'], 'external $refs (/etc/passwd, ../secret, file://, http://)');
  add({
    id: 'ref-http-url',
    family: 'external $refs (/etc/passwd, ../secret, file://, http://)',
    expect: 'diagnostic',
    codes: ['REF_EXTERNAL'],
    build: (dir, ctx) =>
      json(spec({ '/x': { get: op({ operationId: 'x' }, { $ref: `${ctx.url}/schema.json` }) } }, { B: { $ref: `${ctx.url}/b.json#/B` } }))(
        dir,
      ),
  });
  add({
    id: 'ref-protocol-relative',
    family: 'external $refs (/etc/passwd, ../secret, file://, http://)',
    expect: 'diagnostic',
    codes: ['REF_EXTERNAL', 'REF_DANGLING'],
    build: (dir, ctx) =>
      json(
        spec(
          { '/x': { get: op({ operationId: 'x' }, { $ref: `//${ctx.url.replace(/^http:\/\//, '')}/schema.json` }) } },
          { P: { $ref: '//etc/passwd' } },
        ),
      )(dir),
  });
  add({
    id: 'ref-symlink-escape',
    family: 'external $refs (/etc/passwd, ../secret, file://, http://)',
    expect: 'diagnostic',
    codes: ['REF_EXTERNAL'],
    build: (dir) => {
      symlinkSync('../secret.txt', join(dir, 'inside.json'));
      symlinkSync('/etc', join(dir, 'etc'));
      write(dir, 'spec.json', spec({ '/x': { get: op({ operationId: 'x' }, { $ref: 'inside.json' }) } }, { P: { $ref: 'etc/passwd' } }));
      return 'spec.json';
    },
  });
  add({
    id: 'ref-external-from-nested-file',
    family: 'external $refs (/etc/passwd, ../secret, file://, http://)',
    expect: 'diagnostic',
    codes: ['REF_EXTERNAL'],
    build: (dir, ctx) => {
      write(dir, 'sub/a.json', {
        A: { type: 'object', properties: { s: { $ref: '../../secret.txt' }, u: { $ref: `${ctx.url}/u.json` } } },
      });
      write(dir, 'spec.json', spec({ '/x': { get: op({ operationId: 'x' }, { $ref: 'sub/a.json#/A' }) } }));
      return 'spec.json';
    },
  });
  add({
    id: 'ref-in-extensions-and-links',
    family: 'external $refs (/etc/passwd, ../secret, file://, http://)',
    expect: 'diagnostic',
    codes: ['REF_EXTERNAL'],
    build: (dir, ctx) =>
      json(
        spec(
          {
            '/x': {
              get: op({ operationId: 'x', 'x-thing': { $ref: `${ctx.url}/x.json` }, callbacks: { cb: { $ref: `${ctx.url}/cb.json` } } }),
            },
          },
          {},
          { 'x-root': { $ref: '/etc/passwd' } },
        ),
      )(dir),
  });
  add({
    id: 'url-refs-in-examples',
    family: 'URL and file $refs inside example/default/enum data (GitHub-style)',
    expect: 'ok',
    client: true,
    build: (dir, ctx) =>
      json(
        spec(
          {
            '/x': {
              get: op(
                {
                  operationId: 'x',
                  parameters: [{ name: 'q', in: 'query', schema: { type: 'string' }, example: { $ref: `${ctx.url}/param-example.json` } }],
                },
                {
                  type: 'object',
                  example: { $ref: `${ctx.url}/schema-example.json` },
                  examples: [{ $ref: `${ctx.url}/schema-examples.json` }],
                  properties: {
                    a: { type: 'object', example: { deep: [{ $ref: '../secret.txt' }] } },
                    l: { type: 'object', default: { $ref: '#/components/schemas/Err' } },
                  },
                },
              ),
              post: op({
                operationId: 'y',
                requestBody: {
                  content: {
                    'application/json': {
                      schema: { type: 'object' },
                      example: { $ref: `${ctx.url}/media-example.json` },
                      examples: {
                        one: { value: { $ref: `${ctx.url}/named-example.json` } },
                        two: { externalValue: `${ctx.url}/external-value.json` },
                        three: { externalValue: '../secret.txt' },
                        four: { $ref: '#/components/examples/E' },
                      },
                    },
                  },
                },
              }),
            },
          },
          {},
          {
            servers: [{ url: `${ctx.url}/server` }],
            externalDocs: { url: `${ctx.url}/docs` },
            info: { title: 'T', version: '1', termsOfService: `${ctx.url}/tos` },
            components: {
              schemas: { Err: ERR },
              examples: { E: { value: { $ref: '/etc/passwd' } }, F: { externalValue: `${ctx.url}/f.json` } },
            },
          },
        ),
      )(dir),
  });
  for (const [where, ref] of [
    ['default', 'url'],
    ['enum', 'url'],
    ['const', 'url'],
    ['default', '../secret.txt'],
    ['enum', '/etc/passwd'],
  ]) {
    add({
      id: `refs-in-${where}-${ref === 'url' ? 'url' : 'file'}`,
      family: 'URL and file $refs inside example/default/enum data (GitHub-style)',
      expect: 'diagnostic',
      codes: ['REF_EXTERNAL'],
      client: true,
      build: (dir, ctx) => {
        const value = { $ref: ref === 'url' ? `${ctx.url}/${where}.json` : ref };
        return json(
          spec({
            '/x': {
              get: op(
                { operationId: 'x' },
                { type: 'object', properties: { a: where === 'enum' ? { enum: [value] } : { [where]: value } } },
              ),
            },
          }),
        )(dir);
      },
    });
  }

  // --- YAML bombs and oddities ---------------------------------------------------------------------------
  add({
    id: 'yaml-alias-bomb',
    family: 'YAML alias bombs, merge-key chains, duplicate keys, deep nesting',
    expect: 'diagnostic',
    codes: ['TOO_LARGE'],
    isolate: true,
    build: (dir) => {
      let text = `${YAML_HEAD}${YAML_PATHS}x-bomb:\n  a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n`;
      for (let i = 1; i < 12; i++)
        text += `  a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]\n`;
      return yaml(text)(dir);
    },
  });
  add({
    id: 'yaml-alias-bomb-in-schema',
    family: 'YAML alias bombs, merge-key chains, duplicate keys, deep nesting',
    expect: 'diagnostic',
    codes: ['TOO_LARGE'],
    isolate: true,
    build: (dir) => {
      let text = `${YAML_HEAD}${YAML_PATHS}components:\n  schemas:\n    S0: &s0 { type: object, properties: { a: { type: string }, b: { type: string } } }\n`;
      for (let i = 1; i < 30; i++) text += `    S${i}: &s${i} { type: object, properties: { a: *s${i - 1}, b: *s${i - 1} } }\n`;
      return yaml(text)(dir);
    },
  });
  add({
    id: 'yaml-merge-key-chain',
    family: 'YAML alias bombs, merge-key chains, duplicate keys, deep nesting',
    expect: 'diagnostic',
    codes: ['SYNTAX_ERROR'],
    isolate: true,
    build: (dir) => {
      let text = `${YAML_HEAD}${YAML_PATHS}x-merge:\n  m0: &m0 { k0: ${JSON.stringify(marker())} }\n`;
      for (let i = 1; i < 2000; i++) text += `  m${i}: &m${i} { <<: *m${i - 1}, k${i}: ${i} }\n`;
      text += `  last: { <<: [${Array.from({ length: 50 }, (_, i) => `*m${1999 - i}`).join(', ')}] }\n`;
      return yaml(text)(dir);
    },
  });
  add({
    id: 'yaml-merge-key-chain-small',
    family: 'YAML alias bombs, merge-key chains, duplicate keys, deep nesting',
    expect: 'ok',
    build: (dir) => {
      let text = `${YAML_HEAD}${YAML_PATHS}x-merge:\n  m0: &m0 { k0: ${JSON.stringify(marker())} }\n`;
      for (let i = 1; i < 60; i++) text += `  m${i}: &m${i} { <<: *m${i - 1}, k${i}: ${i} }\n`;
      return yaml(text)(dir);
    },
  });
  add({
    id: 'yaml-merge-proto',
    family: 'YAML alias bombs, merge-key chains, duplicate keys, deep nesting',
    expect: 'ok',
    build: yaml(`${YAML_HEAD}paths:
  /a:
    get:
      operationId: a
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                <<: { __proto__: { polluted: yes, type: string } }
                type: object
                properties:
                  __proto__: { type: string }
                  constructor: { type: string, <<: { prototype: { polluted: 1 } } }
`),
  });
  add({
    id: 'yaml-duplicate-keys',
    family: 'YAML alias bombs, merge-key chains, duplicate keys, deep nesting',
    expect: 'diagnostic',
    codes: ['SYNTAX_ERROR'],
    build: yaml(
      `${YAML_HEAD}paths:\n  /a:\n    get:\n      responses:\n        '200': { description: ok }\n  /a:\n    get:\n      responses:\n        '200': { description: again }\n`,
    ),
  });
  add({
    id: 'json-duplicate-keys',
    family: 'YAML alias bombs, merge-key chains, duplicate keys, deep nesting',
    expect: 'ok',
    build: (dir) => {
      write(
        dir,
        'spec.json',
        `{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {"/a": {"get": {"operationId": "a", "responses": {"200": {"description": "ok"}}}}, "/a": {"get": {"operationId": "b", "summary": ${JSON.stringify(one(0))}, "responses": {"200": {"description": "ok"}}}}}}`,
      );
      return 'spec.json';
    },
  });
  add({
    id: 'yaml-nesting-5000',
    family: 'YAML alias bombs, merge-key chains, duplicate keys, deep nesting',
    expect: 'diagnostic',
    codes: ['TOO_LARGE'],
    isolate: true,
    build: yaml(`${YAML_HEAD}${YAML_PATHS}x-deep: ${'['.repeat(5000)}1${']'.repeat(5000)}\n`),
  });
  add({
    id: 'yaml-nesting-5000-block',
    family: 'YAML alias bombs, merge-key chains, duplicate keys, deep nesting',
    expect: 'diagnostic',
    codes: ['TOO_LARGE'],
    isolate: true,
    build: (dir) => {
      let text = `${YAML_HEAD}${YAML_PATHS}components:\n  schemas:\n    Deep:\n`;
      const lines: string[] = [];
      for (let i = 0; i < 5000; i++) lines.push(`${' '.repeat(6 + i)}k${i}:`);
      text += lines.join('\n') + ' 1\n';
      return yaml(text)(dir);
    },
  });
  add({
    id: 'json-nesting-5000-schema',
    family: 'YAML alias bombs, merge-key chains, duplicate keys, deep nesting',
    expect: 'diagnostic',
    codes: ['TOO_LARGE'],
    isolate: true,
    build: (dir) => {
      const deep = '{"type": "object", "properties": {"a": '.repeat(5000) + '{"type": "string"}' + '}}'.repeat(5000);
      write(
        dir,
        'spec.json',
        `{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {"/a": {"get": {"operationId": "a", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": ${deep}}}}}}}}}`,
      );
      return 'spec.json';
    },
  });
  add({
    id: 'json-nesting-100000',
    family: 'YAML alias bombs, merge-key chains, duplicate keys, deep nesting',
    expect: 'diagnostic',
    isolate: true,
    build: (dir) => {
      write(
        dir,
        'spec.json',
        `{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}, "x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      );
      return 'spec.json';
    },
  });
  add({
    id: 'yaml-custom-tags',
    family: 'YAML alias bombs, merge-key chains, duplicate keys, deep nesting',
    expect: 'diagnostic',
    codes: ['SYNTAX_ERROR'],
    build: yaml(`${YAML_HEAD}${YAML_PATHS}x-fn: !!js/function 'function () { globalThis.__PWNED__ = 1 }'\n`),
  });

  // --- Patterns ----------------------------------------------------------------------------------------------
  add({
    id: 'patterns-invalid-and-redos',
    family: 'invalid and ReDoS-prone patterns',
    expect: 'ok',
    client: true,
    build: json(
      spec(
        {
          '/p/{id}': {
            get: op(
              {
                operationId: 'p',
                parameters: [
                  { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^(a+)+$' } },
                  { name: 'q', in: 'query', schema: { type: 'string', pattern: '(' } },
                  { name: 'r', in: 'query', schema: { type: 'string', pattern: `[${marker()}` } },
                  { name: 's', in: 'query', schema: { type: 'string', pattern: '^(\\w+\\s?)*$' } },
                  { name: 't', in: 'query', schema: { type: 'string', pattern: `/${CODE}/ ${marker()} \`\${x}\`` } },
                  { name: 'u', in: 'query', schema: { type: 'string', pattern: '(?<x>a)\\k<x>\\:' } },
                ],
              },
              { $ref: '#/components/schemas/P' },
            ),
          },
        },
        {
          P: {
            type: 'object',
            properties: {
              a: { type: 'string', pattern: '(x+x+)+y' },
              b: { type: 'string', pattern: '\\' },
              c: { type: 'object', patternProperties: { '(': { type: 'string' }, '^(a|a)*$': { type: 'string' } } },
            },
          },
        },
      ),
    ),
  });

  // --- Size ------------------------------------------------------------------------------------------------------
  add({
    id: 'spec-50mb-description',
    family: '50 MB spec',
    expect: 'diagnostic',
    codes: ['TOO_LARGE'],
    isolate: true,
    existingOut: true,
    build: async (dir) => {
      const path = join(dir, 'spec.yaml');
      const out = createWriteStream(path);
      const chunk = 'lorem ipsum dolor sit amet '.repeat(4000);
      out.write(`${YAML_HEAD}${YAML_PATHS}x-big: |\n`);
      for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length + 3) out.write(`  ${chunk}\n`);
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      return 'spec.yaml';
    },
  });
  add({
    id: 'spec-50mb-paths',
    family: '50 MB spec',
    expect: 'diagnostic',
    codes: ['TOO_LARGE'],
    isolate: true,
    build: async (dir) => {
      const path = join(dir, 'spec.json');
      const out = createWriteStream(path);
      out.write('{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {');
      const pad = 'x'.repeat(400);
      let size = 0;
      for (let i = 0; size < 50 * 1024 * 1024; i++) {
        const entry = `${i ? ',' : ''}"/p${i}": {"get": {"operationId": "op${i}", "description": "${pad}", "responses": {"200": {"description": "ok"}}}}`;
        size += entry.length;
        if (!out.write(entry)) await new Promise<void>((r) => out.once('drain', () => r()));
      }
      out.write('}}');
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      return 'spec.json';
    },
  });

  // --- Not a spec ------------------------------------------------------------------------------------------------
  const notSpec = (id: string, text: string, codes: string[], name = 'spec.yaml') =>
    add({
      id,
      family: 'not an OpenAPI document',
      expect: 'diagnostic',
      codes,
      build: (dir) => {
        write(dir, name, text);
        return name;
      },
    });
  notSpec('not-an-object-array', '[1, 2, 3]', ['NOT_AN_OBJECT']);
  notSpec('not-an-object-scalar', `"${marker()}"`, ['NOT_AN_OBJECT']);
  notSpec('empty-file', '', ['NOT_AN_OBJECT']);
  notSpec('binary-garbage', '\u0000\u0001\u0002\uFFFD{{{[[[', ['SYNTAX_ERROR']);
  // Swagger 2.0 is converted to OpenAPI 3 (issue 16): its strings then travel like any spec's
  add({
    id: 'swagger-2',
    family: 'not an OpenAPI document',
    expect: 'ok',
    build: (dir) => {
      write(
        dir,
        'spec.yaml',
        `swagger: "2.0"\ninfo: { title: ${JSON.stringify(one(0))}, version: "1" }\npaths:\n  /a:\n    get:\n      operationId: ${JSON.stringify(one(2))}\n      responses: { "200": { description: ok }, "400": { description: ${JSON.stringify(one(3))} } }\n`,
      );
      return 'spec.yaml';
    },
  });
  notSpec('openapi-version-payload', `openapi: ${JSON.stringify(one(1))}\ninfo: { title: T, version: "1" }\npaths: {}\n`, [
    'OPENAPI_VERSION_UNSUPPORTED',
  ]);
  notSpec(
    'paths-proto',
    '{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {"__proto__": {"get": {"responses": {"200": {"description": "ok"}}}}}}',
    ['INVALID_STRUCTURE'],
    'spec.json',
  );
  notSpec('operation-not-object', `${YAML_HEAD}paths:\n  /a:\n    get: ${JSON.stringify(one(2))}\n`, ['INVALID_STRUCTURE']);

  // --- Identifiers from odd operationIds ------------------------------------------------------------------------
  add({
    id: 'odd-operation-ids',
    family: 'reserved words and __proto__/constructor/toString as names',
    expect: 'ok',
    build: json(
      spec(
        Object.fromEntries(
          [
            `a'; ${CODE} //`,
            `"+${CODE}+"`,
            '${x}',
            '123',
            '',
            '💥',
            'ünïcödé',
            'a\u2028b',
            `*/${CODE}/*`,
            'x'.repeat(10_000),
            '$',
            '_',
            '__',
            'then',
            'Symbol.iterator',
          ].map((id, i) => [`/o${i}`, { get: op({ operationId: id }) }]),
        ),
      ),
    ),
  });
  return cases;
}
