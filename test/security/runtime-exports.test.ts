/**
 * A Fastify service's runtime entry (runtime/fastify/index.ts, which its generated/runtime/index.ts
 * re-exports) offers everything the Express entry does, values and types, except the Express router
 * itself: verifiers written against `forbidden`, `safeEqual`, `Verifier`..., error mappers using
 * `mapError` and servers using `clientErrorHandler` work on both targets. Read with the TypeScript
 * checker, so `export type` and re-exports count.
 */
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { join } from 'node:path';
import { REPO } from '../support/tmp.js';

const EXPRESS_ENTRY = join(REPO, 'templates/runtime/index.ts');
const FASTIFY_ENTRY = join(REPO, 'templates/runtime/fastify/index.ts');
/** What only one target has: its own way to build the service. */
const TARGET_ONLY = { express: ['createServiceRouter'], fastify: ['createFastifyService', 'FastifyServiceOptions'] };

function exportsOf(program: ts.Program, file: string): string[] {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  return checker
    .getExportsOfModule(checker.getSymbolAtLocation(source)!)
    .map((s) => s.name)
    .sort();
}

describe('runtime entries of both targets', () => {
  const program = ts.createProgram([EXPRESS_ENTRY, FASTIFY_ENTRY], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
    skipLibCheck: true,
  });
  const express = exportsOf(program, EXPRESS_ENTRY);
  const fastify = exportsOf(program, FASTIFY_ENTRY);

  it('the Fastify entry exports every name of the Express entry but the Express router', () => {
    expect(express).toEqual(expect.arrayContaining(['forbidden', 'safeEqual', 'mapError', 'clientErrorHandler', 'Verifier']));
    expect(fastify.filter((name) => !TARGET_ONLY.fastify.includes(name))).toEqual(
      express.filter((name) => !TARGET_ONLY.express.includes(name)),
    );
  });

  it('the security helpers are the same functions on both targets', async () => {
    const a = await import(EXPRESS_ENTRY);
    const b = await import(FASTIFY_ENTRY);
    for (const name of ['forbidden', 'safeEqual', 'MissingVerifierError', 'mapError', 'clientErrorHandler'])
      expect(b[name], name).toBe(a[name]);
  });
});
