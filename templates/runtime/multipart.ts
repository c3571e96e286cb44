/**
 * multipart/form-data through busboy: fields become strings (arrays when repeated), files become
 * UploadedFile objects held in memory, so nothing is ever written to disk and nothing needs cleaning
 * up. Limits: each file at most `fileSize` bytes, at most `files` files and `fields` fields; going
 * over any of them is the documented 413, a body busboy cannot parse the documented 400. The
 * validator sees each file as its file name (a string, as `format: binary` expects); the handler
 * gets the UploadedFile.
 */
import busboy from 'busboy';
import type { Readable } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';
import { ValidationFailure } from './validate/failure.js';
import type { OperationContract } from './contract.js';
import { multipartFieldsFor, shapeMultipartBody } from './multipart-shape.js';

import type { UploadedFile } from './uploaded-file.js';

export type { UploadedFile } from './uploaded-file.js';

export interface UploadLimits {
  /** Bytes per file (default: the body limit). */
  fileSize: number;
  /** Files per request (default 10). */
  files: number;
  /** Non-file fields per request (default 100). */
  fields: number;
}

/**
 * The validator's view of each parsed multipart body (files as their names), keyed by the body object
 * itself rather than stored on the request, so every target finds it: Fastify hands the validator a
 * request-shaped object of its own that carries the same body.
 */
const validationViews = new WeakMap<object, Record<string, unknown>>();

export function validationViewOf(body: unknown): Record<string, unknown> | undefined {
  return body && typeof body === 'object' ? validationViews.get(body) : undefined;
}

export function isUploadedFile(value: unknown): value is UploadedFile {
  return (
    !!value &&
    typeof value === 'object' &&
    Buffer.isBuffer((value as UploadedFile).buffer) &&
    typeof (value as UploadedFile).filename === 'string'
  );
}

export function multipartParser(limits: UploadLimits) {
  return (req: Request, res: Response, next: NextFunction) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { fileSize: limits.fileSize, files: limits.files, fields: limits.fields, fieldSize: limits.fileSize },
      });
    } catch {
      return next(new ValidationFailure(400, [{ path: '/body', message: 'is not valid multipart/form-data' }]));
    }
    const body: Record<string, unknown> = Object.create(null);
    let done = false;
    const finish = (error?: unknown) => {
      if (done) return;
      done = true;
      next(error);
    };
    let failure: ValidationFailure | undefined;
    const tooLarge = (what: string) => (failure ??= new ValidationFailure(413, [{ path: '/body', message: `has ${what}` }]));
    const add = (name: string, value: unknown) => {
      const existing = body[name];
      body[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) tooLarge('a field larger than allowed');
      else add(name, value);
    });
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        chunks.push(chunk);
      });
      stream.on('limit', () => tooLarge('a file larger than allowed'));
      stream.on('close', () => {
        // busboy sets `truncated` on a file stream cut at the size limit; its types declare a plain Readable
        if (!(stream as Readable & { truncated?: boolean }).truncated)
          add(name, {
            fieldName: name,
            filename: info.filename ?? '',
            mimeType: info.mimeType,
            size,
            buffer: Buffer.concat(chunks),
          } satisfies UploadedFile);
      });
    });
    parser.on('filesLimit', () => tooLarge('more files than allowed'));
    parser.on('fieldsLimit', () => tooLarge('more fields than allowed'));
    parser.on('error', () => {
      req.unpipe(parser);
      req.resume();
      finish(failure ?? new ValidationFailure(400, [{ path: '/body', message: 'is not valid multipart/form-data' }]));
    });
    parser.on('close', () => {
      if (failure) return finish(failure);
      // file fields as UploadedFile, declared text fields as text, whatever filenames the client gave (multipart-shape.ts)
      const operation = (res as Partial<Response> | undefined)?.locals?.['faultline']?.operation as OperationContract | undefined;
      const fields = multipartFieldsFor(operation?.body?.multipart, req.headers['content-type']);
      if (fields) shapeMultipartBody(body, fields);
      req.body = body;
      validationViews.set(body, validationView(body));
      finish();
    });
    req.pipe(parser);
  };
}

function validationView(body: Record<string, unknown>): Record<string, unknown> {
  // null prototype, as `body`: a field called __proto__ is a field, not the object's prototype
  const view: Record<string, unknown> = Object.create(null);
  for (const [name, value] of Object.entries(body)) {
    view[name] = Array.isArray(value)
      ? value.map((v) => (isUploadedFile(v) ? v.filename : v))
      : isUploadedFile(value)
        ? value.filename
        : value;
  }
  return view;
}
