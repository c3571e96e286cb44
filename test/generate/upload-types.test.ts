/**
 * Request body types through the compiler (issue 14 item 6): on test/fixtures/uploads, multipart file
 * fields (`format: binary` in 3.0, `contentMediaType`/`contentEncoding` without a type in 3.1, through
 * `$ref`, `allOf` and arrays, under hostile names) are UploadedFile in the handler's input, other
 * fields keep their types, octet-stream and image bodies are Buffers, text/plain a string. tsc fails at
 * exactly the lines marked `// ERR` and nowhere else; the marks are read from the handler files. The
 * Fastify target's runtime exports the same types.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '../../generator/generate.js';
import { REPO, tempDir } from '../support/tmp.js';
import { tsc } from '../support/run.js';

const HEAD = `import type { Handlers } from '../generated/handlers.gen.js';
import type { UploadedFile } from '../generated/runtime/index.js';
`;

const V30: Record<string, string> = {
  saveProfile: `${HEAD}
export const saveProfile: Handlers['saveProfile'] = async ({ body }) => {
  const size: number = body.avatar.size;
  const bytes: Buffer = body.avatar.buffer;
  const file: UploadedFile = body.avatar;
  const name: string = body.name;
  const age: number | undefined = body.age;
  const many: UploadedFile[] | undefined = body.attachments;
  const first: string | undefined = body.attachments?.[0]?.mimeType;
  body.avatar.toUpperCase(); // ERR: a file is not a string
  const text: string = body.avatar; // ERR: nor assignable to one
  body.attachments?.[0]?.toUpperCase(); // ERR: each of a list of files is a file
  void [size, bytes, file, name, age, many, first, text];
  return { status: 201, body: {} };
};
`,
  addAlbum: `${HEAD}
export const addAlbum: Handlers['addAlbum'] = async ({ body }) => {
  if (!body) return { status: 201, body: {} };
  const sizes: number[] = body.photos.map((p) => p.size);
  const cover: Buffer | undefined = body.cover?.buffer;
  const name: string = body.name;
  body.photos.toUpperCase(); // ERR: a list of files
  body.cover?.toUpperCase(); // ERR: a file through allOf
  void [sizes, cover, name];
  return { status: 201, body: {} };
};
`,
  hostileNames: `${HEAD}
export const hostileNames: Handlers['hostileNames'] = async ({ body }) => {
  const quoted: number | undefined = body['a"b']?.size;
  const tick: Buffer | undefined = body['tick\`\${process.exit(1)}\`']?.buffer;
  const comment: number | undefined = body['*/ process.exit(1) /*']?.[0]?.size;
  const proto: string | undefined = body['__proto__']?.filename;
  const ctor: number | undefined = body.constructor?.size;
  const plain: string | undefined = body["x'); process.exit(1); ('"]?.toUpperCase();
  body['a"b']?.toUpperCase(); // ERR: a file under a quoted name
  void [quoted, tick, comment, proto, ctor, plain];
  return { status: 201, body: {} };
};
`,
  either: `${HEAD}
export const either: Handlers['either'] = async ({ body }) => {
  const size: number = 'doc' in body ? body.doc.size : body.link.length;
  if ('doc' in body) body.doc.toUpperCase(); // ERR: a file in the branch that declares it
  void size;
  return { status: 201, body: {} };
};
`,
  mixed: `${HEAD}
export const mixed: Handlers['mixed'] = async ({ body }) => {
  void body;
  return { status: 201, body: {} };
};
`,
  putBlob: `${HEAD}
export const putBlob: Handlers['putBlob'] = async ({ body }) => {
  const first: number = body.readUInt8(0);
  const size: number = body.byteLength;
  body.toUpperCase(); // ERR: raw bytes, not a string
  void [first, size];
  return { status: 201, body: {} };
};
`,
  addNote: `${HEAD}
export const addNote: Handlers['addNote'] = async ({ body }) => {
  const loud: string = body.toUpperCase();
  const size: number = body.byteLength; // ERR: text, not bytes
  void [loud, size];
  return { status: 201, body: {} };
};
`,
};

const V31: Record<string, string> = {
  addDocument: `${HEAD}
export const addDocument: Handlers['addDocument'] = async ({ body }) => {
  const size: number = body.file.size;
  const scan: Buffer | undefined = body.scans?.[0]?.buffer;
  const encoded: number | undefined = body.encoded?.size;
  const typed: string | undefined = body.typedText?.toUpperCase();
  const title: string | undefined = body.title;
  body.file.toUpperCase(); // ERR: contentMediaType without a type is a file
  void [size, scan, encoded, typed, title];
  return { status: 201, body: {} };
};
`,
};

describe.each([
  ['3.0', V30, 'express'],
  ['3.1', V31, 'express'],
  ['3.0', V30, 'fastify'],
] as const)('handler body types, OpenAPI %s, %s target', (version, handlers, target) => {
  let dir: ReturnType<typeof tempDir>;
  beforeAll(() => {
    dir = tempDir('upload-types');
  });
  afterAll(() => dir.remove());

  it('tsc fails at exactly the lines that misuse a file, a Buffer or a string', async () => {
    const out = join(dir.path, 'out');
    const generated = await generate({
      input: join(REPO, `test/fixtures/uploads/uploads-${version}.yaml`),
      output: out,
      cwd: dir.path,
      client: false,
      target,
    });
    expect(generated.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const marked: string[] = [];
    for (const [name, text] of Object.entries(handlers)) {
      writeFileSync(join(out, `handlers/${name}.ts`), text);
      text.split('\n').forEach((line, i) => line.includes('// ERR') && marked.push(`handlers/${name}.ts:${i + 1}`));
    }
    const ran = tsc(out);
    const errors = [
      ...new Set([...ran.stdout.matchAll(/^(?:\S*\/)?(handlers\/\w+\.ts)\((\d+),\d+\): error TS/gm)].map((m) => `${m[1]}:${m[2]}`)),
    ];
    expect(errors.sort(), ran.stdout).toEqual(marked.sort());
    expect(ran.stdout.split('\n').filter((l) => / error TS/.test(l) && !/handlers\//.test(l))).toEqual([]);
    if (version === '3.0' && target === 'express') {
      // hostile field names reach handlers.gen.ts only inside JSON string literals
      const types = readFileSync(join(out, 'generated/handlers.gen.ts'), 'utf8');
      const tick = '"tick`$' + '{process.exit(1)}`"';
      expect(types).toContain(
        '{ "*/ process.exit(1) /*": "files"; "__proto__": "file"; "a\\"b": "file"; "constructor": "file"; ' + tick + ': "file" }',
      );
      expect(types).toMatch(/PutBlobInput = rt\.HandlerInput<never, never, never, Buffer, undefined>/);
    }
  }, 600_000);
});
