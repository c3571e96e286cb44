/**
 * (b) The hand-wired peer: what a team writes without faultline. Express 5, express-openapi-validator
 * configured by hand on specs/users.yaml (requests and responses validated), the same routes and
 * store, and a typical hand-written error handler.
 */
import { fileURLToPath } from 'node:url';
import express from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { serve } from './child.js';
import { createStore } from './store.js';
import { mountUserRoutes, type ErrorHandler } from './routes.js';

const started = performance.now();
const app = express();
app.disable('x-powered-by');
app.use(express.json());
app.use(
  OpenApiValidator.middleware({
    apiSpec: fileURLToPath(new URL('../../specs/users.yaml', import.meta.url)),
    validateRequests: true,
    validateResponses: true,
  }),
);
mountUserRoutes(app, createStore());
const errorHandler: ErrorHandler = (err, _req, res, _next) => {
  res.status(err.status ?? 500).json({ message: err.message, errors: err.errors });
};
app.use(errorHandler);
serve(app, started);
