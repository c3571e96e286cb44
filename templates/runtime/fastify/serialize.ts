/**
 * The Fastify target's half of serialize.ts: the same rules for which body a declared content type can
 * carry (text and XML from strings, XML from objects, bytes from Buffers and streams, server-sent events
 * from an async iterable), sent through Fastify's reply, which streams Readables itself.
 */
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { ResultMismatch, describe, isAsyncIterable, mediaKind, xmlDocument } from '../serialize.js';

/** Sends `body` as `type`; returns a ResultMismatch instead of sending when they do not fit. */
export function sendFastifyBody(reply: FastifyReply, type: string, body: unknown): ResultMismatch | undefined {
  const kind = mediaKind(type);
  if (kind === 'event-stream') {
    if (!isAsyncIterable(body)) return new ResultMismatch(type, describe(body));
    reply
      .header('Content-Type', type)
      .header('Cache-Control', 'no-cache')
      .send(Readable.from(events(body)));
    return undefined;
  }
  if ((kind === 'text' || kind === 'xml') && typeof body === 'string') {
    reply.type(withCharset(type)).send(body);
    return undefined;
  }
  if (kind === 'xml' && body !== null && typeof body === 'object' && !Buffer.isBuffer(body) && !(body instanceof Readable)) {
    reply.type(withCharset(type)).send(xmlDocument(body));
    return undefined;
  }
  if (kind !== 'json' && (Buffer.isBuffer(body) || body instanceof Uint8Array)) {
    reply.type(type).send(Buffer.from(body as Uint8Array));
    return undefined;
  }
  if (kind !== 'json' && body instanceof Readable) {
    reply.type(type).send(body);
    return undefined;
  }
  if (kind === 'binary' && typeof body === 'string') {
    reply.type(type).send(Buffer.from(body, 'utf8'));
    return undefined;
  }
  return new ResultMismatch(type, describe(body));
}

/** One `data:` event per item: strings as they are, other items as JSON (as on Express). */
async function* events(items: AsyncIterable<unknown>): AsyncGenerator<string> {
  for await (const item of items) {
    const text = typeof item === 'string' ? item : JSON.stringify(item);
    yield text
      .split(/\r\n|\r|\n/)
      .map((line) => `data: ${line}`)
      .join('\n') + '\n\n';
  }
}

function withCharset(type: string): string {
  return /charset=/i.test(type) ? type : `${type}; charset=utf-8`;
}
