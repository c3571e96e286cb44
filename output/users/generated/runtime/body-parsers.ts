/**
 * Request bodies before validation: the 415 check against the operation's documented media types
 * (a body of an undocumented type is never parsed), then one parser per media type, each a
 * well-kept library (body-parser through express). Requests without a body skip parsing.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import type { OperationContract } from './contract.js';
import type { Failure } from './handle-error.js';

/** One layer instead of three: requests without a body skip parsing, others go to the parser for their type. */
export function bodyParser(limit: string | number) {
  const json = express.json({ limit, type: isJsonRequest, strict: false });
  const form = express.urlencoded({ limit, extended: false });
  const text = express.text({ limit, type: 'text/*' });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return next();
    if (isJsonRequest(req)) return json(req, res, next);
    const type = String(req.headers['content-type'] ?? '').toLowerCase();
    if (type.startsWith('application/x-www-form-urlencoded')) return form(req, res, next);
    if (type.startsWith('text/')) return text(req, res, next);
    next();
  };
}

export function isJsonRequest(req: { headers: Record<string, unknown> }): boolean {
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  return /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/.test(type);
}

/** 415 before parsing: a body whose media type the operation does not document is never parsed. */
export function contentTypeProblem(req: Request, op: OperationContract): Failure | undefined {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return undefined;
  if (!op.body) return undefined;
  const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const accepted = op.body.contentTypes.some((documented) => mediaTypeMatches(documented.toLowerCase(), type));
  return accepted ? undefined : { kind: 'unsupported-media-type' };
}

function mediaTypeMatches(documented: string, actual: string): boolean {
  const base = documented.split(';')[0].trim();
  if (base === '*/*' || base === actual) return true;
  if (base.endsWith('/*')) return actual.startsWith(base.slice(0, -1));
  return false;
}
