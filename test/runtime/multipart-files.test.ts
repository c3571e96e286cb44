/**
 * What a handler receives for multipart/form-data (issue 14 item 6), over real HTTP on
 * test/fixtures/uploads/uploads-3.0.yaml: every file field is an UploadedFile with `size`, `buffer`,
 * `filename`, `mimeType` (through $ref, allOf and arrays, under hostile names), even when the client
 * sent it as a plain part; a list of files is always an array; a declared text field sent as a file
 * part is its text and is validated as such. The values match the types handlers.gen.ts gives
 * (test/generate/upload-types.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import { pino } from 'pino';
import { generate } from '../../generator/generate.js';
import { contractChecker } from '../support/contract.js';
import { listen } from '../support/server.js';
import { REPO, tempDir } from '../support/tmp.js';

const dir = tempDir('multipart-files');
let base: string;
let close: () => Promise<void>;
let contract: ReturnType<typeof contractChecker>;

/** A received value as JSON can carry it: files by their fields, Buffer or not. */
function shown(value: any): unknown {
  if (Array.isArray(value)) return value.map(shown);
  if (value && typeof value === 'object') {
    return {
      fieldName: value.fieldName,
      filename: value.filename,
      mimeType: value.mimeType,
      size: value.size,
      isBuffer: Buffer.isBuffer(value.buffer),
      text: Buffer.isBuffer(value.buffer) ? value.buffer.toString('utf8') : undefined,
    };
  }
  return value;
}
const echo = ({ body }: any) => ({ status: 201, body: Object.fromEntries(Object.entries(body ?? {}).map(([k, v]) => [k, shown(v)])) });

beforeAll(async () => {
  const result = await generate({
    input: join(REPO, 'test/fixtures/uploads/uploads-3.0.yaml'),
    output: dir.path,
    cwd: REPO,
    client: false,
  });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const runtime = await import(join(dir.path, 'generated/runtime/index.ts'));
  const service = (await import(join(dir.path, 'generated/contract.gen.ts'))).contract;
  const spec = JSON.parse(readFileSync(join(dir.path, 'generated/openapi.json'), 'utf8'));
  contract = contractChecker(spec);
  const handlers = {
    saveProfile: echo,
    addAlbum: echo,
    hostileNames: echo,
    either: echo,
    mixed: echo,
    putBlob: ({ body }: any) => ({ status: 201, body: { isBuffer: Buffer.isBuffer(body), size: body.length } }),
    addNote: ({ body }: any) => ({ status: 201, body: { type: typeof body, text: body } }),
  };
  const app = express();
  app.use(runtime.createServiceRouter(service, spec, handlers, { logger: pino({ level: 'silent' }) }));
  ({ base, close } = await listen(app));
});
afterAll(async () => {
  await close?.();
  dir.remove();
});

type Part = [name: string, value: string | Blob, filename?: string];
async function send(path: string, parts: Part[]) {
  const data = new FormData();
  for (const [name, value, filename] of parts) {
    if (typeof value === 'string') data.append(name, value);
    else data.append(name, value, filename);
  }
  const res = await fetch(base + path, { method: 'POST', body: data });
  return { status: res.status, headers: res.headers, text: await res.text() };
}
/** A field name that would run code if it ever became a template literal (spelt without one, for the linter). */
const TICK = 'tick`$' + '{process.exit(1)}`';
const file = (text: string, type = 'image/png') => new Blob([text], { type });

describe('multipart file fields reach the handler as UploadedFile', () => {
  it('a file part: size, buffer, filename, mime type; other fields typed', async () => {
    const body = contract.expectDocumented(
      'POST',
      '/profiles',
      201,
      await send('/profiles', [
        ['name', 'Ann'],
        ['age', '7'],
        ['avatar', file('PNGDATA'), 'me.png'],
      ]),
    );
    expect(body).toEqual({
      name: 'Ann',
      age: 7,
      avatar: { fieldName: 'avatar', filename: 'me.png', mimeType: 'image/png', size: 7, isBuffer: true, text: 'PNGDATA' },
    });
  });

  it('a file field sent as a plain part is still a file (its bytes, no filename)', async () => {
    const body = contract.expectDocumented(
      'POST',
      '/profiles',
      201,
      await send('/profiles', [
        ['name', 'Ann'],
        ['avatar', 'plain text'],
      ]),
    );
    expect(body.avatar).toEqual({
      fieldName: 'avatar',
      filename: '',
      mimeType: 'text/plain',
      size: 10,
      isBuffer: true,
      text: 'plain text',
    });
  });

  it('a list of files is an array, even of one', async () => {
    const body = contract.expectDocumented(
      'POST',
      '/profiles',
      201,
      await send('/profiles', [
        ['name', 'Ann'],
        ['avatar', file('a'), 'a.png'],
        ['attachments', file('b', 'text/csv'), 'b.csv'],
      ]),
    );
    expect(body.attachments).toEqual([
      { fieldName: 'attachments', filename: 'b.csv', mimeType: 'text/csv', size: 1, isBuffer: true, text: 'b' },
    ]);
  });

  it('a text field sent as a file part is its text, validated as text', async () => {
    const body = contract.expectDocumented(
      'POST',
      '/profiles',
      201,
      await send('/profiles', [
        ['name', file('Bob', 'text/plain'), 'name.txt'],
        ['avatar', file('a'), 'a.png'],
      ]),
    );
    expect(body.name).toBe('Bob');
    // its text is what maxLength judges, not its short file name
    contract.expectDocumented(
      'POST',
      '/profiles',
      400,
      await send('/profiles', [
        ['name', file('x'.repeat(21), 'text/plain'), 'n'],
        ['avatar', file('a'), 'a.png'],
      ]),
    );
  });

  it('allOf and $ref: files of a list and a single file, the inherited text field', async () => {
    const body = contract.expectDocumented(
      'POST',
      '/albums',
      201,
      await send('/albums', [
        ['name', 'Trip'],
        ['photos', file('1'), '1.png'],
        ['photos', file('22'), '2.png'],
        ['cover', file('333'), 'c.png'],
      ]),
    );
    expect(body.name).toBe('Trip');
    expect((body.photos as { size: number }[]).map((p) => p.size)).toEqual([1, 2]);
    expect(body.cover).toMatchObject({ filename: 'c.png', size: 3, isBuffer: true });
  });

  it('hostile field names are plain keys: files under backticks, __proto__, constructor', async () => {
    // (FormData writes `"` in a name as %22, as the HTML standard says, so a"b is not sent here)
    const reply = await send('/hostile', [
      [TICK, file('q'), 'q'],
      ['__proto__', file('pp'), 'p'],
      ['constructor', file('ccc'), 'c'],
      ['*/ process.exit(1) /*', file('l'), 'l'],
      ["x'); process.exit(1); ('", 'text'],
    ]);
    const body = contract.expectDocumented('POST', '/hostile', 201, reply);
    expect(Object.keys(body).sort()).toEqual(['*/ process.exit(1) /*', '__proto__', 'constructor', TICK, "x'); process.exit(1); ('"]);
    expect(body[TICK]).toMatchObject({ size: 1, isBuffer: true });
    expect(Object.getOwnPropertyDescriptor(body, '__proto__')?.value).toMatchObject({ size: 2, isBuffer: true });
    expect(body.constructor).toMatchObject({ size: 3, isBuffer: true });
    expect(body['*/ process.exit(1) /*']).toEqual([expect.objectContaining({ size: 1 })]);
    expect(body["x'); process.exit(1); ('"]).toBe('text');
  });

  it("oneOf branches that agree: each branch's file fields are files", async () => {
    const body = contract.expectDocumented('POST', '/either', 201, await send('/either', [['doc', 'sent as text']]));
    expect(body.doc).toMatchObject({ filename: '', size: 12, isBuffer: true, text: 'sent as text' });
  });

  it('anyOf branches that disagree on a field: left as it arrived (documented)', async () => {
    expect(contract.expectDocumented('POST', '/mixed', 201, await send('/mixed', [['part', 'text']])).part).toBe('text');
    expect(contract.expectDocumented('POST', '/mixed', 201, await send('/mixed', [['part', file('f'), 'f.png']])).part).toMatchObject({
      filename: 'f.png',
      isBuffer: true,
    });
  });
});

describe('the Fastify target hands over the same values', () => {
  const fastifyDir = tempDir('multipart-files-fastify');
  afterAll(() => fastifyDir.remove());

  it('a file field sent as a plain part, a text field sent as a file, one file of a list', async () => {
    const result = await generate({
      input: join(REPO, 'test/fixtures/uploads/uploads-3.0.yaml'),
      output: fastifyDir.path,
      cwd: REPO,
      client: false,
      target: 'fastify',
    });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const runtime = await import(join(fastifyDir.path, 'generated/runtime/index.ts'));
    const service = (await import(join(fastifyDir.path, 'generated/contract.gen.ts'))).contract;
    const spec = JSON.parse(readFileSync(join(fastifyDir.path, 'generated/openapi.json'), 'utf8'));
    const app = runtime.createFastifyService(service, spec, { saveProfile: echo }, { logger: pino({ level: 'silent' }) });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const data = new FormData();
      data.append('name', new Blob(['Bob'], { type: 'text/plain' }), 'name.txt');
      data.append('avatar', 'plain');
      data.append('attachments', file('x'), 'x.png');
      const res = await fetch(address + '/profiles', { method: 'POST', body: data });
      const body = contract.expectDocumented('POST', '/profiles', 201, {
        status: res.status,
        headers: res.headers,
        text: await res.text(),
      });
      expect(body).toEqual({
        name: 'Bob',
        avatar: { fieldName: 'avatar', filename: '', mimeType: 'text/plain', size: 5, isBuffer: true, text: 'plain' },
        attachments: [{ fieldName: 'attachments', filename: 'x.png', mimeType: 'image/png', size: 1, isBuffer: true, text: 'x' }],
      });
    } finally {
      await app.close();
    }
  });
});

describe('other raw and text bodies', () => {
  it('octet-stream and image bodies arrive as a Buffer, text/plain as a string', async () => {
    const blob = await fetch(base + '/blobs', { method: 'PUT', body: new Uint8Array([1, 2, 3]), headers: { 'content-type': 'image/png' } });
    expect(
      contract.expectDocumented('PUT', '/blobs', 201, { status: blob.status, headers: blob.headers, text: await blob.text() }),
    ).toEqual({ isBuffer: true, size: 3 });
    const note = await fetch(base + '/notes', { method: 'POST', body: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(
      contract.expectDocumented('POST', '/notes', 201, { status: note.status, headers: note.headers, text: await note.text() }),
    ).toEqual({ type: 'string', text: 'hello' });
  });
});
