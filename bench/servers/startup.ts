/**
 * A service generated into APP_DIR with handlers that answer as ANSWERS_FILE says (JSON
 * {operationName: {status, body?}}, worked out by the parent from the spec's examples: see
 * bench/startup.ts). Operations without an answer keep the generated stub (501 -> documented error).
 * Nothing here reads the spec: what this process spends before its first answer is the service's own
 * start-up (Node, the TypeScript loader, the service's modules, building the app).
 *
 * APP_ENTRY: the app module to import instead of APP_DIR/app.ts (bench/startup.ts points it at the
 * service compiled to JavaScript, and runs this harness transpiled to JavaScript without tsx).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from './child.js';

const started = performance.now();
const dir = process.env.APP_DIR;
if (!dir) throw new Error('APP_DIR is required');
const { createApp } = await import(pathToFileURL(process.env.APP_ENTRY ?? join(dir, 'app.ts')).href);

// ANSWERS (JSON) or ANSWERS_FILE (a JSON file) fix the answer of some operations (bench/spec-size.ts, bench/startup.ts).
const fixed = JSON.parse(
  process.env.ANSWERS_FILE ? readFileSync(process.env.ANSWERS_FILE, 'utf8') : (process.env.ANSWERS ?? '{}'),
) as Record<string, { status: number; body?: unknown }>;
const handlers: Record<string, () => unknown> = {};
for (const [name, answer] of Object.entries(fixed)) handlers[name] = () => answer;
// RESPONSE_VALIDATION=1: response validation on whatever NODE_ENV says (the bench runs production mode with it on).
// basePath '': the bench requests the spec's paths at the root (GitHub's server path /api/v3 changes nothing measured).
serve(createApp({ handlers, basePath: '', ...(process.env.RESPONSE_VALIDATION === '1' ? { validateResponses: true } : {}) }), started);
