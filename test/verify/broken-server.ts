/**
 * A plain Express 5 service for test/verify/broken.yaml, written by hand as any team would, to prove
 * `verify` works on servers faultline did not generate. With `defects: false` it keeps the spec
 * exactly (verify must report nothing); with `defects: true` it has six planted defects, each marked
 * PLANTED below, and verify must report each of them and nothing else.
 */
import express, { type NextFunction, type Request, type Response } from 'express';

interface Item {
  id: number;
  name: string;
  price: number;
  note?: string | null;
}

type Json = Record<string, unknown>;

export function createBrokenApp({ defects }: { defects: boolean }): express.Express {
  const items = new Map<number, Item>([
    [1, { id: 1, name: 'lamp', price: 12.5 }],
    [2, { id: 2, name: 'desk', price: 99, note: 'oak' }],
  ]);
  let nextId = 3;
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '100kb' }));
  const fail = (res: Response, status: number, message: string) => res.status(status).json({ code: `E${status}`, message });

  app.get('/items', (req, res) => {
    // PLANTED (200 for invalid input): the defective version never looks at the query.
    if (!defects) {
      const problem = unknownQuery(req, ['limit', 'tag']) ?? checkLimit(req.query.limit) ?? checkTag(req.query.tag);
      if (problem) return fail(res, 400, problem);
    }
    res.json([...items.values()].slice(0, Number(req.query.limit ?? 50) || 50));
  });

  app.post('/items', (req, res) => {
    if (!req.is('application/json')) return fail(res, 415, 'send application/json');
    const problem = unknownQuery(req, []) ?? checkItem(req.body);
    if (problem) return fail(res, 400, problem);
    const body = req.body as Item;
    const item: Item = { id: nextId++, name: body.name, price: body.price, note: body.note ?? null };
    items.set(item.id, item);
    // PLANTED (body breaks its schema): price sent as a string.
    res.status(201).json(defects ? { ...item, price: String(item.price) } : item);
  });

  app.get('/items/:id', (req, res) => {
    const id = parseId(req);
    if (typeof id === 'string') return fail(res, 400, id);
    const item = items.get(id);
    // PLANTED (wrong content type): the 404 is an HTML page.
    if (!item) return defects ? res.status(404).type('html').send('<p>no such item</p>') : fail(res, 404, 'no such item');
    res.json(item);
  });

  app.delete('/items/:id', (req, res) => {
    const id = parseId(req);
    if (typeof id === 'string') return fail(res, 400, id);
    // PLANTED (undocumented status): 410 is not among 204, 400, 404, 500.
    if (!items.delete(id)) return fail(res, defects ? 410 : 404, 'no such item');
    res.status(204).end();
  });

  app.get('/stats', (_req, res) => {
    // PLANTED (stack trace in a 500): the defective version crashes here and its error handler leaks.
    if (defects) throw new TypeError("Cannot read properties of undefined (reading 'count')");
    res.json({ count: items.size });
  });

  app.use(methodNotAllowed(defects));
  app.use((_req: Request, res: Response) => fail(res, 404, 'no such route'));
  app.use((err: Json, _req: Request, res: Response, _next: NextFunction) => {
    if (err.type === 'entity.parse.failed') return fail(res, 400, 'malformed JSON');
    if (err.type === 'entity.too.large') return fail(res, 413, 'body too large');
    res.status(500).json({ code: 'E500', message: defects ? String(err.stack) : 'internal error' });
  });
  return app;
}

/** 405 with Allow for known paths. PLANTED (405 without Allow): /items/:id omits the header. */
function methodNotAllowed(defects: boolean) {
  const paths: [RegExp, string[]][] = [
    [/^\/items$/, ['GET', 'POST']],
    [/^\/items\/[^/]+$/, ['GET', 'DELETE']],
    [/^\/stats$/, ['GET']],
  ];
  return (req: Request, res: Response, next: NextFunction) => {
    const hit = paths.find(([re]) => re.test(req.path));
    if (!hit) return next();
    if (!(defects && hit[1].includes('DELETE'))) res.set('Allow', hit[1].join(', '));
    res.status(405).json({ code: 'E405', message: `use ${hit[1].join(' or ')}` });
  };
}

function unknownQuery(req: Request, allowed: string[]): string | undefined {
  const extra = Object.keys(req.query as Json).find((k) => !allowed.includes(k));
  return extra === undefined ? undefined : `unknown query parameter ${extra}`;
}

function checkLimit(limit: unknown): string | undefined {
  if (limit === undefined) return undefined;
  const n = Number(limit);
  return typeof limit === 'string' && /^\d+$/.test(limit) && n >= 1 && n <= 50 ? undefined : 'limit must be an integer from 1 to 50';
}

function checkTag(tag: unknown): string | undefined {
  return tag === undefined || tag === 'red' || tag === 'blue' ? undefined : 'tag must be red or blue';
}

function parseId(req: Request): number | string {
  const unknown = unknownQuery(req, []);
  if (unknown) return unknown;
  const raw = String(req.params.id);
  return /^\d+$/.test(raw) && Number(raw) >= 1 ? Number(raw) : 'id must be a positive integer';
}

function checkItem(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'the body must be an object';
  const b = body as Json;
  const extra = Object.keys(b).find((k) => !['name', 'price', 'note'].includes(k));
  if (extra) return `unknown field ${extra}`;
  if (typeof b.name !== 'string' || b.name.length < 1 || b.name.length > 40) return 'name must be 1 to 40 characters';
  if (typeof b.price !== 'number' || b.price < 0) return 'price must be a number >= 0';
  if (b.note !== undefined && b.note !== null && (typeof b.note !== 'string' || b.note.length > 200))
    return 'note must be a string of at most 200 characters';
  return undefined;
}
