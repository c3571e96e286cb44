/**
 * A service generated into APP_DIR (examples read from SPEC_FILE) (e.g. from GitHub's spec) with handlers that answer each
 * operation's first documented 2xx: its example body when the spec has one, no body when the
 * response has no content, else the generated stub (501 -> documented error).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { load } from 'js-yaml';
import { serve } from './child.js';

const started = performance.now();
const dir = process.env.APP_DIR;
if (!dir) throw new Error('APP_DIR is required');
const { createApp } = await import(pathToFileURL(join(dir, 'app.ts')).href);
const { contract } = await import(pathToFileURL(join(dir, 'generated/contract.gen.ts')).href);
// Examples come from the spec as written (SPEC_FILE): the normalized bundle drops them.
const specFile = process.env.SPEC_FILE;
const spec = specFile
  ? (load(readFileSync(specFile, 'utf8')) as Record<string, any>)
  : JSON.parse(readFileSync(join(dir, 'generated/openapi.json'), 'utf8'));

type Obj = Record<string, any>;
const deref = (node: Obj | undefined): Obj | undefined => {
  let n = node;
  for (let i = 0; n && typeof n.$ref === 'string' && i < 10; i++)
    n = n.$ref
      .slice(2)
      .split('/')
      .reduce((o: Obj | undefined, k: string) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  return n;
};

export function answerFor(method: string, path: string): { status: number; body?: unknown } | undefined {
  const responses: Obj = spec.paths?.[path]?.[method.toLowerCase()]?.responses ?? {};
  const code = Object.keys(responses).find((c) => /^2\d\d$/.test(c));
  if (!code) return undefined;
  const response = deref(responses[code]);
  const media = deref(response?.content?.['application/json']);
  if (!response?.content) return { status: Number(code) };
  if (!media) return undefined;
  if (media.example !== undefined) return { status: Number(code), body: media.example };
  const first = Object.values(media.examples ?? {})[0] as Obj | undefined;
  const value = deref(first)?.value;
  return value === undefined ? undefined : { status: Number(code), body: value };
}

// ANSWERS (JSON {operationName: {status, body}}) fixes the answer of some operations (bench/spec-size.ts).
const fixed = JSON.parse(process.env.ANSWERS ?? '{}') as Record<string, { status: number; body?: unknown }>;
const handlers: Record<string, () => unknown> = {};
for (const op of contract.operations as Array<{ name: string; method: string; path: string }>) {
  const answer = fixed[op.name] ?? answerFor(op.method, op.path);
  if (answer) handlers[op.name] = () => answer;
}
// RESPONSE_VALIDATION=1: response validation on whatever NODE_ENV says (the bench runs production mode with it on).
serve(createApp({ handlers, ...(process.env.RESPONSE_VALIDATION === '1' ? { validateResponses: true } : {}) }), started);
