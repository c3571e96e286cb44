/** The users routes on a plain Express app, shared by the hand-wired peer and bare Express. */
import type { Express, NextFunction, Request, Response } from 'express';
import type { createStore } from './store.js';

type Store = ReturnType<typeof createStore>;

export function mountUserRoutes(
  app: Express,
  store: Store,
  methodNotAllowed?: (allow: string) => (req: Request, res: Response) => void,
): void {
  const user = app.route('/user/');
  user.get((req, res) => {
    res.json(
      store.list(
        req.query.limit === undefined ? 20 : Number(req.query.limit),
        req.query.offset === undefined ? 0 : Number(req.query.offset),
      ),
    );
  });
  user.post((req, res) => {
    const created = store.create(req.body);
    if (!created) return void res.status(409).json({ detail: 'Username already taken' });
    res.status(201).json(created);
  });
  if (methodNotAllowed) user.all(methodNotAllowed('GET, HEAD, POST'));
  const one = app.route('/user/:username');
  one.get((req, res) => {
    const found = store.get(req.params.username as string);
    if (!found) return void res.status(404).json({ detail: 'User not found' });
    res.json(found);
  });
  one.patch((req, res) => {
    const updated = store.update(req.params.username as string, req.body);
    if (updated === 'conflict') return void res.status(409).json({ detail: 'Username already taken' });
    if (!updated) return void res.status(404).json({ detail: 'User not found' });
    res.json(updated);
  });
  one.delete((req, res) => {
    if (!store.remove(req.params.username as string)) return void res.status(404).json({ detail: 'User not found' });
    res.status(204).end();
  });
  if (methodNotAllowed) one.all(methodNotAllowed('DELETE, GET, HEAD, PATCH'));
}

export type ErrorHandler = (err: any, req: Request, res: Response, next: NextFunction) => void;
