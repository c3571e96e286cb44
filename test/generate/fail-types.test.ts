/**
 * input.fail through the compiler: on a fixture with exact statuses, ranges (4XX, 5XX), `default`, a
 * response without content and an operation without errors, tsc fails at exactly the lines marked
 * `// ERR` and nowhere else. The marks are read from the file, so the assertion is the set of lines.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '../../generator/generate.js';
import { tempDir } from '../support/tmp.js';
import { tsc } from '../support/run.js';

const SPEC = `openapi: 3.0.3
info: { title: Fail fixture, version: '1' }
paths:
  /exact:
    get:
      operationId: exact
      responses:
        '200': { description: ok }
        '404':
          description: not found
          content:
            application/json:
              schema:
                type: object
                additionalProperties: false
                required: [message, code]
                properties:
                  message: { type: string }
                  code: { type: string, enum: [NOT_FOUND, GONE] }
        4XX: { description: client, content: { application/json: { schema: { type: object, properties: { error: { type: string } } } } } }
        '500': { description: crash, content: { application/json: { schema: { type: object, properties: { error: { type: string } } } } } }
  /server:
    get:
      operationId: server
      responses:
        '200': { description: ok }
        '400': { description: bad, no content }
        5XX: { description: server, content: { application/json: { schema: { type: object, properties: { retry: { type: boolean } } } } } }
  /fallback:
    get:
      operationId: fallback
      responses:
        '200': { description: ok }
        default: { description: any, content: { application/json: { schema: { type: object, properties: { detail: { type: string } } } } } }
  /quiet:
    get:
      operationId: quiet
      responses:
        '204': { description: ok }
`;

const HANDLERS: Record<string, string> = {
  exact: `import type { Handlers } from '../generated/handlers.gen.js';

export const exact: Handlers['exact'] = async ({ query, fail }) => {
  const pick = Number((query as Record<string, unknown>).pick);
  if (pick === 1) return fail(404, 'gone', { code: 'GONE' });
  if (pick === 2) return fail(404, 'gone', { code: 'NOPE' }); // ERR: not in the enum
  if (pick === 3) return fail(404, 'gone', { error: 'x' }); // ERR: a field of the 4XX body, not of 404's
  if (pick === 4) return fail(418, 'teapot', { error: 'teapot' });
  if (pick === 5) return fail(500, 'crash', { error: 'crash' });
  if (pick === 6) return fail(503); // ERR: no 5XX documented
  if (pick === 7) return fail(200); // ERR: not an error status
  const status: number = pick;
  if (pick === 8) return fail(status); // ERR: a plain number could be anything
  return { status: 200 };
};
`,
  server: `import type { Handlers } from '../generated/handlers.gen.js';

export const server: Handlers['server'] = async ({ query, fail }) => {
  const pick = Number((query as Record<string, unknown>).pick);
  if (pick === 1) return fail(400);
  if (pick === 2) return fail(400, 'bad', { detail: 'x' }); // ERR: 400 has no body to put fields in
  if (pick === 3) return fail(503, 'busy', { retry: true }, { headers: { 'Retry-After': '5' } });
  if (pick === 4) return fail(599);
  if (pick === 5) return fail(404); // ERR: no 4XX documented
  return { status: 200 };
};
`,
  fallback: `import type { Handlers } from '../generated/handlers.gen.js';

export const fallback: Handlers['fallback'] = async ({ query, fail }) => {
  const pick = Number((query as Record<string, unknown>).pick);
  if (pick === 1) return fail(409, 'conflict', { detail: 'x' });
  if (pick === 2) return fail(503);
  if (pick === 3) return fail(302); // ERR: default covers error statuses only
  if (pick === 4) return fail(409, 'conflict', { nope: 1 }); // ERR: not a field of the schema
  return { status: 200 };
};
`,
  quiet: `import type { Handlers } from '../generated/handlers.gen.js';

export const quiet: Handlers['quiet'] = async ({ fail }) => {
  if (Date.now() < 0) return fail(500); // ERR: nothing to fail with
  return { status: 204 };
};
`,
};

describe('input.fail types', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeAll(() => {
    dir = tempDir('fail-types');
  });
  afterAll(() => dir.remove());

  it('tsc fails at exactly the lines that raise an undocumented status or a field the schema does not have', async () => {
    const out = join(dir.path, 'out');
    writeFileSync(join(dir.path, 'spec.yaml'), SPEC);
    const generated = await generate({ input: join(dir.path, 'spec.yaml'), output: out, cwd: dir.path, client: false });
    expect(generated.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const marked: string[] = [];
    for (const [name, text] of Object.entries(HANDLERS)) {
      writeFileSync(join(out, `handlers/${name}.ts`), text);
      text.split('\n').forEach((line, i) => line.includes('// ERR') && marked.push(`handlers/${name}.ts:${i + 1}`));
    }
    const ran = tsc(out);
    const errors = [
      ...new Set([...ran.stdout.matchAll(/^(?:\S*\/)?(handlers\/\w+\.ts)\((\d+),\d+\): error TS/gm)].map((m) => `${m[1]}:${m[2]}`)),
    ];
    expect(errors.sort(), ran.stdout).toEqual(marked.sort());
    expect(ran.stdout.split('\n').filter((l) => / error TS/.test(l) && !/handlers\//.test(l))).toEqual([]);
    // TypeScript prints a union in the order its literal types were first created in the program, so
    // only the message and the line are asserted here, not the order of the documented statuses
    expect(ran.stdout).toMatch(
      /handlers\/exact\.ts\(10,\d+\): error TS2345: Argument of type '503' is not assignable to parameter of type '(\d+ \| )+/,
    );
    expect(ran.stdout).toMatch(
      /handlers\/quiet\.ts\(4,\d+\): error TS2345: Argument of type '500' is not assignable to parameter of type 'never'/,
    );
  }, 600_000);
});
