/**
 * (c) Bare Express, the ceiling: the same routes and store with no validation. It answers 405 on a
 * known path with a wrong method and a JSON 404 elsewhere, as cheaply as Express allows, so the
 * error scenarios compare like with like. Invalid bodies are not rejected (nothing validates them).
 */
import express from 'express';
import { serve } from './child.js';
import { createStore } from './store.js';
import { mountUserRoutes } from './routes.js';

const started = performance.now();
const app = express();
app.disable('x-powered-by');
app.use(express.json());
mountUserRoutes(
  app,
  createStore(),
  (allow) => (_req, res) => void res.status(405).set('Allow', allow).json({ detail: 'Method Not Allowed' }),
);
app.use((_req: express.Request, res: express.Response) => void res.status(404).json({ detail: 'Not Found' }));
serve(app, started);
