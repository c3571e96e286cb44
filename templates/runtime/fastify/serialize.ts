/**
 * The Fastify target's half of serialize.ts: the same rules for which body a declared content type can
 * carry (text and XML from strings, XML from objects, bytes from Buffers and streams, server-sent events,
 * JSON Lines and JSON text sequences from an array or an async iterable), sent through Fastify's reply,
 * which streams Readables itself.
 */
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { ResultMismatch, describe, eventText, isSequence, jsonSeqText, mediaKind, xmlDocument } from '../serialize.js';

/** Sends `body` as `type`; returns a ResultMismatch instead of sending when they do not fit. */
export function sendFastifyBody(reply: FastifyReply, type: string, body: unknown): ResultMismatch | undefined {
  const kind = mediaKind(type);
  if (kind === 'event-stream' || (kind === 'json-seq' && isSequence(body))) {
    if (!isSequence(body)) return new ResultMismatch(type, describe(body));
    reply
      .header('Content-Type', type)
      .header('Cache-Control', 'no-cache')
      .send(Readable.from(items(body, kind === 'event-stream' ? eventText : jsonSeqText(type))));
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

/** One event or JSON text per item (as on Express, serialize.ts). */
async function* items(body: AsyncIterable<unknown> | unknown[], text: (item: unknown) => string): AsyncGenerator<string> {
  for await (const item of body) yield text(item);
}

function withCharset(type: string): string {
  return /charset=/i.test(type) ? type : `${type}; charset=utf-8`;
}
