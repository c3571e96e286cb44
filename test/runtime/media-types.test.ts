/**
 * Every documented request media type handled for real, and responses serialized by their declared
 * content type (issue 14 item 6), on test/fixtures/service/media.yaml over real HTTP: multipart through
 * busboy (fields validated and typed, files handed over as objects, limits answered 413), octet-stream
 * as a Buffer, text as a string, XML and urlencoded bodies parsed and validated against the same schema;
 * CSV, XML, Buffer and stream responses, server-sent events from an async iterable, and a body its
 * content type cannot carry answered with the documented 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import express from 'express';
import { pino } from 'pino';
import { generate } from '../../generator/generate.js';
import { contractChecker } from '../support/contract.js';
import { listen } from '../support/server.js';
import { REPO, tempDir } from '../support/tmp.js';

const dir = tempDir('media');
let base: string;
let close: () => Promise<void>;
let contract: ReturnType<typeof contractChecker>;

const describeBody = (body: any) =>
  JSON.parse(JSON.stringify(body, (_k, v) => (v && v.type === 'Buffer' && Array.isArray(v.data) ? { bytes: v.data.length } : v)));

beforeAll(async () => {
  const result = await generate({ input: join(REPO, 'test/fixtures/service/media.yaml'), output: dir.path, cwd: REPO, client: false });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const runtime = await import(join(dir.path, 'generated/runtime/index.ts'));
  const service = (await import(join(dir.path, 'generated/contract.gen.ts'))).contract;
  const spec = JSON.parse(readFileSync(join(dir.path, 'generated/openapi.json'), 'utf8'));
  contract = contractChecker(spec);
  const handlers = {
    upload: ({ body }: any) => ({
      status: 201,
      body: { ...describeBody(body), fileIsBuffer: Buffer.isBuffer(body.file?.buffer), fileText: body.file?.buffer.toString('utf8') },
    }),
    putBlob: ({ body }: any) => ({ status: 201, body: { isBuffer: Buffer.isBuffer(body), size: body.length } }),
    addNote: ({ body }: any) => ({ status: 201, body: { note: body } }),
    book: ({ body }: any) => ({ status: 201, body }),
    exportAs: ({ params }: any) => {
      const booking = { Booking: { guest: 'Ann', nights: 2 } };
      switch (params.kind) {
        case 'csv':
          return { status: 200, contentType: 'text/csv', body: 'guest,nights\nAnn,2\n' };
        case 'xml':
          return { status: 200, contentType: 'application/xml', body: booking };
        case 'bin':
          return { status: 200, contentType: 'application/octet-stream', body: Buffer.from([1, 2, 3]) };
        case 'stream':
          return { status: 200, contentType: 'application/octet-stream', body: Readable.from([Buffer.from('ab'), Buffer.from('cd')]) };
        default:
          return { status: 200, contentType: 'text/csv', body: { not: 'text' } };
      }
    },
    events: () => ({
      status: 200,
      contentType: 'text/event-stream',
      body: (async function* () {
        yield 'hello';
        yield { n: 2 };
      })(),
    }),
  };
  const app = express();
  app.use(
    runtime.createServiceRouter(service, spec, handlers, {
      logger: pino({ level: 'silent' }),
      bodyLimit: '64kb',
      uploadLimits: { files: 2 },
    }),
  );
  ({ base, close } = await listen(app));
});
afterAll(async () => {
  await close?.();
  dir.remove();
});

const post = async (path: string, body: BodyInit, headers: Record<string, string> = {}) => {
  const res = await fetch(base + path, { method: 'POST', body, headers });
  return { status: res.status, headers: res.headers, text: await res.text() };
};

function form(entries: [string, string | Blob, string?][]): FormData {
  const data = new FormData();
  for (const [name, value, filename] of entries) {
    if (typeof value === 'string') data.append(name, value);
    else data.append(name, value, filename);
  }
  return data;
}

describe('multipart/form-data (busboy)', () => {
  it('fields are validated and typed, the file arrives as an object with a Buffer', async () => {
    const reply = await post(
      '/uploads',
      form([
        ['title', 'Holiday'],
        ['count', '3'],
        ['public', 'true'],
        ['tags', 'a'],
        ['file', new Blob(['hello file'], { type: 'text/plain' }), 'a.txt'],
      ]),
    );
    const body = contract.expectDocumented('POST', '/uploads', 201, reply);
    expect(body).toMatchObject({ title: 'Holiday', count: 3, public: true, tags: ['a'], fileIsBuffer: true, fileText: 'hello file' });
    expect(body.file).toMatchObject({ fieldName: 'file', filename: 'a.txt', mimeType: 'text/plain', size: 10 });
  });

  it.each([
    ['a missing file', [['title', 'x']]],
    [
      'a title over maxLength',
      [
        ['title', 'x'.repeat(21)],
        ['file', new Blob(['x']), 'x'],
      ],
    ],
    [
      'a count that is not canonical',
      [
        ['title', 'x'],
        ['count', '0x3'],
        ['file', new Blob(['x']), 'x'],
      ],
    ],
    [
      'a count below its minimum',
      [
        ['title', 'x'],
        ['count', '0'],
        ['file', new Blob(['x']), 'x'],
      ],
    ],
  ] as [string, [string, string | Blob, string?][]][])('%s -> documented 400', async (_name, entries) => {
    contract.expectDocumented('POST', '/uploads', 400, await post('/uploads', form(entries)));
  });

  it('a file over the size limit -> documented 413', async () => {
    contract.expectDocumented(
      'POST',
      '/uploads',
      413,
      await post(
        '/uploads',
        form([
          ['title', 'x'],
          ['file', new Blob(['x'.repeat(70_000)]), 'big'],
        ]),
      ),
    );
  });

  it('more files than allowed -> documented 413', async () => {
    const entries: [string, string | Blob, string?][] = [
      ['title', 'x'],
      ['file', new Blob(['1']), '1'],
      ['file', new Blob(['2']), '2'],
      ['file', new Blob(['3']), '3'],
    ];
    contract.expectDocumented('POST', '/uploads', 413, await post('/uploads', form(entries)));
  });

  it('a malformed multipart body -> documented 400', async () => {
    contract.expectDocumented(
      'POST',
      '/uploads',
      400,
      await post('/uploads', '--nope\r\ngarbage', { 'content-type': 'multipart/form-data' }),
    );
  });
});

describe('other request media types', () => {
  it('octet-stream arrives as a Buffer; over the limit is 413', async () => {
    expect(
      contract.expectDocumented(
        'POST',
        '/blobs',
        201,
        await post('/blobs', new Uint8Array([1, 2, 3, 4]), { 'content-type': 'application/octet-stream' }),
      ),
    ).toEqual({ isBuffer: true, size: 4 });
    contract.expectDocumented(
      'POST',
      '/blobs',
      413,
      await post('/blobs', new Uint8Array(70_000), { 'content-type': 'application/octet-stream' }),
    );
  });

  it('text/plain arrives as a string and is validated', async () => {
    expect(contract.expectDocumented('POST', '/notes', 201, await post('/notes', 'short', { 'content-type': 'text/plain' }))).toEqual({
      note: 'short',
    });
    contract.expectDocumented('POST', '/notes', 400, await post('/notes', 'far too long a note', { 'content-type': 'text/plain' }));
  });

  it.each([
    ['application/xml', '<Booking><guest>Ann</guest><nights>2</nights><extras>late</extras></Booking>'],
    ['application/x-www-form-urlencoded', 'guest=Ann&nights=2&extras=late'],
  ])("%s is parsed into the schema's shape and handed over typed", async (type, text) => {
    expect(contract.expectDocumented('POST', '/bookings', 201, await post('/bookings', text, { 'content-type': type }))).toEqual({
      guest: 'Ann',
      nights: 2,
      extras: ['late'],
    });
  });

  it.each([
    ['application/xml', '<Booking><guest>Ann</guest><nights>0</nights></Booking>'],
    ['application/xml', '<Booking><guest>Ann</guest>'],
    ['application/xml', '<!DOCTYPE x [<!ENTITY a "aaaa">]><Booking><guest>&a;</guest><nights>1</nights></Booking>'],
    ['application/x-www-form-urlencoded', 'guest=Ann&nights=1e3'],
  ])('%s %s -> documented 400', async (type, text) => {
    contract.expectDocumented('POST', '/bookings', 400, await post('/bookings', text, { 'content-type': type }));
  });
});

describe('responses by declared content type', () => {
  it.each([
    ['csv', 'text/csv', 'guest,nights\nAnn,2\n'],
    ['xml', 'application/xml', '<?xml version="1.0" encoding="UTF-8"?><Booking><guest>Ann</guest><nights>2</nights></Booking>'],
    ['bin', 'application/octet-stream', '\u0001\u0002\u0003'],
    ['stream', 'application/octet-stream', 'abcd'],
  ])('%s -> 200 %s', async (kind, type, text) => {
    const res = await fetch(`${base}/exports/${kind}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    expect(await res.text()).toBe(text);
  });

  it('an object labelled text/csv is the documented 500, not JSON text', async () => {
    const res = await fetch(`${base}/exports/bad`);
    contract.expectDocumented('GET', '/exports/{kind}', 500, { status: res.status, headers: res.headers, text: await res.text() });
  });

  it('text/event-stream streams an async iterable, one data: event per item', async () => {
    const res = await fetch(`${base}/events`);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(await res.text()).toBe('data: hello\n\ndata: {"n":2}\n\n');
  });
});
