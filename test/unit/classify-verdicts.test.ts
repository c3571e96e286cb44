/**
 * classify() on the errors Express's body parser really throws (a real server on port 0): each one
 * becomes the verdict of its code in templates/runtime/verdicts.ts, status and detail from the table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express, { type NextFunction, type Request, type Response } from 'express';
import { classify } from '../../templates/runtime/classify.js';
import { VERDICTS, type VerdictCode } from '../../templates/runtime/verdicts.js';
import { listen } from '../support/server.js';

const JSON_CT = { 'content-type': 'application/json' };

const cases: [string, { headers: Record<string, string>; body: string; want: VerdictCode }][] = [
  ['malformed JSON', { headers: JSON_CT, body: '{"a":', want: 'MALFORMED_BODY' }],
  ['a gzip header over a plain body', { headers: { ...JSON_CT, 'content-encoding': 'gzip' }, body: '{"a":1}', want: 'UNDECODABLE_BODY' }],
  ['an unknown content encoding', { headers: { ...JSON_CT, 'content-encoding': 'zstd-x' }, body: '{"a":1}', want: 'UNSUPPORTED_ENCODING' }],
  ['a body over the limit', { headers: JSON_CT, body: JSON.stringify({ a: 'x'.repeat(200) }), want: 'BODY_TOO_LARGE' }],
  ['an unknown charset', { headers: { 'content-type': 'application/json; charset=klingon' }, body: '{}', want: 'UNSUPPORTED_CHARSET' }],
];

describe('classify: body-parser errors -> verdicts from the table', () => {
  let server: Awaited<ReturnType<typeof listen>>;
  let last: unknown;
  beforeAll(async () => {
    const app = express();
    app.use(express.json({ limit: 100 }));
    app.use((_req: Request, res: Response) => res.status(204).end());
    app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
      last = error;
      res.status(418).end();
    });
    server = await listen(app);
  });
  afterAll(() => server.close());

  it.each(cases)('%s', async (_name, { headers, body, want }) => {
    last = undefined;
    const reply = await fetch(server.base, { method: 'POST', headers, body });
    expect(reply.status).toBe(418);
    const verdict = classify(last, {}, { requestId: 'r', req: {} as Request });
    expect(verdict).toMatchObject({ code: want, status: VERDICTS[want].status, detail: VERDICTS[want].detail, origin: 'client' });
  });
});
