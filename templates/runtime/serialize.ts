/**
 * The body of a handler result, serialized as its declared content type says: JSON media types
 * (`application/json`, `+json`) as JSON; `text/event-stream` from an array or an async iterable, one
 * `data:` event per item; JSON Lines (`application/jsonl`, `application/x-ndjson`) and JSON text
 * sequences (`application/json-seq`) from an array or an async iterable, one JSON text per item; `text/*` from a string; XML from a string or, for an object, through fast-xml-parser's
 * builder; any other type from a Buffer, a Uint8Array, a Readable stream or a string. A body the
 * declared type cannot carry (an object labelled text/plain, say) is a ResultMismatch: the documented
 * 500, never JSON text under a non-JSON label.
 */
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { XMLBuilder } from 'fast-xml-parser';

export class ResultMismatch extends Error {
  constructor(
    readonly contentType: string,
    readonly got: string,
  ) {
    super(`handler returned ${got} for content type ${contentType}`);
    this.name = 'ResultMismatch';
  }
}

export type MediaKind = 'json' | 'event-stream' | 'json-seq' | 'text' | 'xml' | 'binary';

/** Sequential JSON media types (OpenAPI 3.2 `itemSchema`): one JSON text per item. */
const JSON_SEQUENCES = new Set(['application/jsonl', 'application/x-ndjson', 'application/x-jsonlines', 'application/json-seq']);

/** Answers per content type, remembered: it runs on every handler result (bounded: types come from handlers, a few per service). */
const kinds = new Map<string, MediaKind>();

export function mediaKind(type: string): MediaKind {
  let kind = kinds.get(type);
  if (kind === undefined) {
    kind = mediaKindOf(type);
    if (kinds.size < 256) kinds.set(type, kind);
  }
  return kind;
}

function mediaKindOf(type: string): MediaKind {
  const base = (type.split(';')[0] ?? '').trim().toLowerCase();
  if (base === '*/*' || /^[^/]+\/([^;]*\+)?json$/.test(base)) return 'json';
  if (base === 'text/event-stream') return 'event-stream';
  if (JSON_SEQUENCES.has(base)) return 'json-seq';
  if (/^(application|text)\/([^;]*\+)?xml$/.test(base)) return 'xml';
  if (base.startsWith('text/')) return 'text';
  return 'binary';
}

const xmlBuilder = new XMLBuilder({ ignoreAttributes: true, format: false });

/** An object as an XML document (fast-xml-parser's builder); shared by both targets. */
export function xmlDocument(body: object): string {
  return '<?xml version="1.0" encoding="UTF-8"?>' + xmlBuilder.build(body);
}

/** Writes `body` as `type`; returns a ResultMismatch instead of sending when they do not fit. */
export function sendBody(res: Response, type: string, body: unknown): ResultMismatch | undefined {
  const kind = mediaKind(type);
  const described = describe(body);
  if (kind === 'event-stream') {
    if (!isSequence(body)) return new ResultMismatch(type, described);
    streamEvents(res, type, body, eventText);
    return undefined;
  }
  if (kind === 'json-seq' && isSequence(body)) {
    streamEvents(res, type, body, jsonSeqText(type));
    return undefined;
  }
  if (kind === 'text' || kind === 'xml') {
    if (typeof body === 'string') {
      res.type(type).send(body);
      return undefined;
    }
    if (kind === 'xml' && body !== null && typeof body === 'object' && !Buffer.isBuffer(body) && !(body instanceof Readable)) {
      res.type(type).send(xmlDocument(body));
      return undefined;
    }
  }
  if (kind !== 'json' && (Buffer.isBuffer(body) || body instanceof Uint8Array)) {
    res.type(type).send(Buffer.from(body as Uint8Array));
    return undefined;
  }
  if (kind !== 'json' && body instanceof Readable) {
    res.type(type);
    body.on('error', () => res.destroy());
    body.pipe(res);
    return undefined;
  }
  if (kind === 'binary' && typeof body === 'string') {
    res.type(type).send(Buffer.from(body, 'utf8'));
    return undefined;
  }
  return new ResultMismatch(type, described);
}

export function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'
  );
}

/** An array or an async iterable: the items of a sequential body. */
export function isSequence(value: unknown): value is AsyncIterable<unknown> | unknown[] {
  return Array.isArray(value) || isAsyncIterable(value);
}

/** One server-sent event: a string as it is, any other item as JSON, one `data:` line per line. */
export function eventText(item: unknown): string {
  const text = typeof item === 'string' ? item : JSON.stringify(item);
  return (
    text
      .split(/\r\n|\r|\n/)
      .map((line) => `data: ${line}`)
      .join('\n') + '\n\n'
  );
}

/** One item of JSON Lines (a JSON text and a newline) or of a JSON text sequence (RFC 7464: RS first). */
export function jsonSeqText(type: string): (item: unknown) => string {
  const rs = (type.split(';')[0] ?? '').trim().toLowerCase() === 'application/json-seq' ? '\x1e' : '';
  return (item) => `${rs}${JSON.stringify(item) ?? 'null'}\n`;
}

/** A sequential body, item by item; a failing iterator ends the stream. */
function streamEvents(res: Response, type: string, events: AsyncIterable<unknown> | unknown[], text: (item: unknown) => string): void {
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-cache');
  res.flushHeaders();
  let closed = false;
  res.on('close', () => (closed = true));
  void (async () => {
    try {
      for await (const item of events) {
        if (closed) break;
        res.write(text(item));
      }
      res.end();
    } catch {
      // headers are sent: the only honest signal left is to cut the stream
      res.destroy();
    }
  })();
}

export function describe(body: unknown): string {
  if (body === null) return 'null';
  if (Buffer.isBuffer(body)) return 'a Buffer';
  if (body instanceof Readable) return 'a stream';
  return typeof body === 'object' ? (Array.isArray(body) ? 'an array' : 'an object') : `a ${typeof body}`;
}
