/**
 * Request bodies before validation: one parser per media type, each a well-kept library. The 415
 * for a media type the operation does not document comes before (content-type.ts), so such a body
 * is never parsed; requests without a body skip parsing.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { multipartParser, type UploadLimits } from './multipart.js';
import { isXmlMediaType, xmlBodyParser } from './xml-body.js';

/**
 * One layer for every media type: requests without a body skip parsing, others go to the parser for
 * their type. JSON, urlencoded and text through express (body-parser); multipart through busboy
 * (multipart.ts); XML through fast-xml-parser (xml-body.ts); anything else (octet-stream, images...)
 * as a Buffer, all with the same byte limit. contentTypeProblem has already refused undocumented types.
 */
export function bodyParser(limit: string | number, uploads: Partial<UploadLimits> = {}) {
  // the dispatch below has already decided the request is JSON: body-parser need not test the type again
  const json = express.json({ limit, type: () => true, strict: false });
  const form = express.urlencoded({ limit, extended: false });
  const text = express.text({ limit, type: 'text/*' });
  const xml = xmlBodyParser(limit);
  const raw = express.raw({ limit, type: () => true });
  const multipart = multipartParser({ fileSize: toBytes(limit), files: 10, fields: 100, ...uploads });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return next();
    if (isJsonRequest(req)) return json(req, res, next);
    const type = String(req.headers['content-type'] ?? '').toLowerCase();
    if (type.startsWith('application/x-www-form-urlencoded')) return form(req, res, next);
    if (type.startsWith('multipart/form-data')) return multipart(req, res, next);
    if (isXmlMediaType(type)) return xml(req, res, next);
    if (type.startsWith('text/')) return text(req, res, next);
    if (type) return raw(req, res, next);
    next();
  };
}

/** '1mb' -> 1048576, as body-parser reads its limit. */
export function toBytes(limit: string | number): number {
  if (typeof limit === 'number') return limit;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(limit);
  if (!m) return 1024 * 1024;
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase() as 'b'];
  return Math.floor(Number(m[1]) * unit);
}

/** Remembered per Content-Type (it runs on every request with a body), bounded like content-type.ts's. */
const jsonTypes = new Map<unknown, boolean>();

export function isJsonRequest(req: { headers: Record<string, unknown> }): boolean {
  const header = req.headers['content-type'];
  let answer = jsonTypes.get(header);
  if (answer === undefined) {
    answer = /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/.test(String(header ?? '').toLowerCase());
    if (jsonTypes.size < 64) jsonTypes.set(header, answer);
  }
  return answer;
}
