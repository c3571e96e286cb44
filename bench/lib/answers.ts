/**
 * Handler answers for the benchmarked services, worked out in the bench process (never in the
 * measured server): each operation's first documented 2xx with the spec's example body (no body when
 * the response has none). Examples come from the spec as written; the normalized bundle drops them.
 * The server reads the result from a file (ANSWERS_FILE, see bench/servers/startup.ts).
 */
import { derefIn } from './deref.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { load } from 'js-yaml';

type Obj = Record<string, any>;
export type Answers = Record<string, { status: number; body?: unknown }>;

export function exampleAnswers(specFile: string, operations: readonly { name: string; method: string; path: string }[]): Answers {
  const text = readFileSync(specFile, 'utf8');
  const spec = (/\.json$/i.test(specFile) ? JSON.parse(text) : load(text)) as Obj;
  const deref = derefIn(spec);
  const answers: Answers = {};
  for (const op of operations) {
    const responses: Obj = spec.paths?.[op.path]?.[op.method.toLowerCase()]?.responses ?? {};
    const code = Object.keys(responses).find((c) => /^2\d\d$/.test(c));
    if (!code) continue;
    const response = deref(responses[code]);
    if (!response?.content) {
      answers[op.name] = { status: Number(code) };
      continue;
    }
    const media = deref(response.content['application/json']);
    if (!media) continue;
    const first = Object.values(media.examples ?? {})[0] as Obj | undefined;
    const body = media.example !== undefined ? media.example : deref(first)?.value;
    if (body !== undefined) answers[op.name] = { status: Number(code), body };
  }
  return answers;
}

/** Writes the answers where the server reads them; returns the file's path. */
export function writeAnswers(file: string, answers: Answers): string {
  writeFileSync(file, JSON.stringify(answers));
  return file;
}
