/**
 * checkProject: per operation, the generated error classes (and classes with a typed mapper) its
 * handler can throw, directly or through project code, whose status the operation does not document.
 * Documented means what the runtime accepts (respond.ts): the exact status, its 4XX/5XX range, or
 * `default`. `fail(...)` needs no check here: its type already makes an undocumented status a compile error.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import type { Model, ModelOperation } from '../model/types.js';
import { errorClasses } from '../emit/error-classes.js';
import { handlerFileName } from '../emit/file-names.js';
import { createCheckProgram } from './program.js';
import { ErrorClassReader } from './classes.js';
import { findTypedMappers } from './mappers.js';
import { reachableThrows, type CallStep } from './throws.js';

export const DEFAULT_DEPTH = 6;

export interface CheckFinding {
  severity: 'error' | 'warning';
  file: string;
  line: number;
  /** "GET /user/{username}"; absent for problems that are not about one operation. */
  operation?: string;
  status?: number;
  className?: string;
  /** Calls from the handler to the throw; empty when the throw is in the handler. */
  via: CallStep[];
  /** Where the typed mapper that decides the status is registered. */
  mapper?: { file: string; line: number };
  message: string;
}

export interface CheckOptions {
  /** How many calls deep to follow from each handler (default 6). */
  depth?: number;
}

export function checkProject(model: Model, outDir: string, options: CheckOptions = {}): CheckFinding[] {
  const out = resolve(outDir);
  const generatedDir = join(out, 'generated');
  const program = createCheckProgram(out);
  const checker = program.getTypeChecker();
  const { mappers, problems } = findTypedMappers(program, generatedDir);
  const classes = new Map(
    errorClasses(model)
      .filter((c) => c.status !== undefined)
      .map((c) => [c.name, [c.status!]]),
  );
  for (const c of errorClasses(model))
    if (c.statusType && /^[\d |]+$/.test(c.statusType))
      classes.set(
        c.name,
        c.statusType
          .split('|')
          .map(Number)
          .sort((a, b) => a - b),
      );
  const reader = new ErrorClassReader(checker, generatedDir, classes, mappers);
  const findings: CheckFinding[] = problems.map((p) => ({ severity: 'warning', ...p, via: [] }));
  for (const op of model.operations) {
    const file = join(out, 'handlers', `${handlerFileName(op.name)}.ts`);
    const handler = existsSync(file) ? handlerNode(program, checker, file, op.name) : undefined;
    if (!handler) {
      findings.push({
        severity: 'warning',
        file,
        line: 1,
        operation: op.key,
        via: [],
        message: `${op.key}: no handler \`${op.name}\` exported from this file; its throws are not checked`,
      });
      continue;
    }
    for (const reached of reachableThrows(handler, reader, checker, generatedDir, options.depth ?? DEFAULT_DEPTH)) {
      for (const status of reached.statuses) {
        if (documents(op, status)) continue;
        const mapper = reached.mapper && { file: reached.mapper.file, line: reached.mapper.line };
        findings.push({
          severity: 'error',
          file: reached.file,
          line: reached.line,
          operation: op.key,
          status,
          className: reached.className,
          via: reached.via,
          mapper,
          message: `${op.key} does not document ${status} (${reached.className})`,
        });
      }
    }
  }
  return findings;
}

/** As the runtime picks an error response: exact, then `4XX`/`5XX`, then `default`. */
export function documents(op: ModelOperation, status: number): boolean {
  const errors = op.responses.filter((r) => r.isError).map((r) => r.status);
  return errors.includes(String(status)) || errors.includes(`${String(status)[0]}XX`) || errors.includes('default');
}

/** The handler's implementation: `export const name = ...` (its initializer) or `export function name`, re-exports followed. */
function handlerNode(program: ts.Program, checker: ts.TypeChecker, file: string, name: string): ts.Node | undefined {
  const source = program.getSourceFile(file);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  let symbol = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((s) => s.name === name);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  for (const declaration of symbol?.declarations ?? []) {
    if (ts.isVariableDeclaration(declaration) && declaration.initializer) return declaration.initializer;
    if (ts.isFunctionDeclaration(declaration) && declaration.body) return declaration.body;
  }
  return undefined;
}
