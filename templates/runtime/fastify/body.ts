/**
 * Body parsing of the Fastify target, with the Express target's rules: JSON (`application/json` and
 * `+json`, utf-8 only, an empty body is `{}`), urlencoded forms and `text/*` are parsed; any other
 * media type is left unread (checked for presence only, as on Express). Failures carry the same
 * `type` as body-parser's errors, so classify.ts gives the same documented 400/413/415.
 */
import { parse as parseQueryString } from 'node:querystring';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Socket } from 'node:net';
import type { Transform } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { bodyParser } from '../body-parsers.js';
import type { UploadLimits } from '../multipart.js';

const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i;

/** An error shaped like body-parser's (classify.ts reads `type`). */
export function bodyError(type: string, status: number): Error & { type: string; status: number } {
  return Object.assign(new Error(type), { type, status });
}

function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
}

const DECODERS: Record<string, () => Transform> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

const FASTIFY_PARSED = /^(application\/([a-z0-9.+-]*\+)?json|application\/x-www-form-urlencoded|text\/(?!xml\b))/i;

export function registerBodyParsers(app: FastifyInstance, limit: string | number, uploads: Partial<UploadLimits> = {}): void {
  // multipart, XML, octet-stream and other media: the Express target's parsers (body-parsers.ts: busboy,
  // fast-xml-parser, raw bytes), run on the raw request so both targets hand handlers the same bodies
  const expressParsers = bodyParser(limit, uploads);
  // Content-Encoding as body-parser reads it: gzip, deflate and br are inflated (a body that does not
  // inflate is the client's 400), identity passes, anything else is 'encoding.unsupported'.
  app.addHook('preParsing', (request, _reply, payload, done) => {
    // bodies the Express parsers read come straight from the raw request (they handle encodings themselves)
    if (!FASTIFY_PARSED.test(String(request.headers['content-type'] ?? ''))) return done(null, payload);
    const encoding = String(request.headers['content-encoding'] ?? 'identity')
      .toLowerCase()
      .trim();
    if (encoding === 'identity') return done(null, payload);
    const decoder = DECODERS[encoding];
    if (!decoder) return done(bodyError('encoding.unsupported', 415));
    const inflated = decoder();
    // A body that does not inflate: body-parser passes zlib's error on marked 400 and exposable (classify.ts knows it).
    inflated.on('error', (error) => Object.assign(error, { status: 400, expose: true }));
    done(null, payload.pipe(inflated));
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(JSON_TYPE, { parseAs: 'string' }, (req, text, done) => {
    const charset = charsetOf(req.headers['content-type']);
    if (charset && charset !== 'utf-8' && charset !== 'utf8') return done(bodyError('charset.unsupported', 415), undefined);
    if (text === '') return done(null, {});
    try {
      done(null, JSON.parse(text as string));
    } catch {
      done(bodyError('entity.parse.failed', 400), undefined);
    }
  });
  app.addContentTypeParser(/^application\/x-www-form-urlencoded\s*(;|$)/i, { parseAs: 'string' }, (_req, text, done) => {
    done(null, { ...parseQueryString(text as string) });
  });
  app.addContentTypeParser(/^text\/(?!xml\b)/i, { parseAs: 'string' }, (_req, text, done) => done(null, text));
  app.addContentTypeParser('*', (req, _payload, done) => {
    const raw = req.raw as typeof req.raw & { body?: unknown };
    // the operation rides along as on Express (res.locals.faultline): multipart-shape.ts reads its file fields
    expressParsers(raw as never, { locals: { faultline: req.faultline } } as never, (error?: unknown) =>
      error ? done(error as Error, undefined) : done(null, raw.body),
    );
  });
}

/** Fastify's own errors on the way in, as the body-parser errors classify.ts knows. */
export function asBodyParserError(error: unknown): unknown {
  const code = (error as { code?: unknown })?.code;
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return bodyError('entity.too.large', 413);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return bodyError('request.size.invalid', 400);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return bodyError('entity.parse.failed', 400);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_TYPE':
      return bodyError('charset.unsupported', 415);
    default:
      return (error as { code?: string; statusCode?: number })?.statusCode === 400 && String(code).startsWith('FST_')
        ? bodyError('request.aborted', 400)
        : error;
  }
}

/**
 * Fastify answers HTTP parse errors (headers over the limit, a broken request line) with a JSON body of
 * its own; Node's default is a bare status line, which is what the Express target sends. Same here.
 */
export function nodeClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return void socket.destroy(error);
  const status =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? '431 Request Header Fields Too Large'
      : error.code === 'HPE_REQUEST_TIMEOUT' || error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? '408 Request Timeout'
        : '400 Bad Request';
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
}
