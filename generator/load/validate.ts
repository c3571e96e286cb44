/**
 * Structural checks that the later phases rely on: a supported OpenAPI version, well-formed paths and
 * operations, unique operationIds, no two paths that differ only in parameter names, and local `$ref`s
 * that resolve. Each problem is a diagnostic with the pointer of the offending node.
 */
import { pointerOf, type Diagnostic } from '../diagnostics.js';
import { valueAt } from '../../templates/runtime/json-pointer.js';
import { MAX_REF_CHAIN, resolveLocal } from './local-ref.js';
import { childKind, componentItemKind, type Kind } from './ref-context.js';
import { METHOD_ORDER } from '../model/paths.js';

/** The eight 3.1 methods, `query` and the 3.2 additional operations the loader lifted into the path item. */
export const HTTP_METHODS = METHOD_ORDER;

type Problem = Omit<Diagnostic, 'file' | 'line' | 'severity'> & { severity?: Diagnostic['severity'] };

export function checkVersion(doc: unknown): Problem[] {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return [{ code: 'NOT_AN_OBJECT', pointer: '#', message: 'the spec must be a YAML or JSON object with an `openapi` field' }];
  }
  const d = doc as Record<string, unknown>;
  if (d.swagger !== undefined) {
    return [
      {
        code: 'SWAGGER_2',
        pointer: '#/swagger',
        message: `Swagger ${String(d.swagger)} is not supported; faultline reads OpenAPI 3.0 and 3.1`,
        fix: 'convert it to OpenAPI 3 first, e.g. with `npx swagger2openapi spec.yaml -o openapi.yaml`',
      },
    ];
  }
  if (d.openapi === undefined) {
    return [
      {
        code: 'OPENAPI_VERSION_MISSING',
        pointer: '#',
        message: 'the `openapi` version field is missing',
        fix: 'add `openapi: 3.1.0` (or 3.0.3) at the top',
      },
    ];
  }
  if (typeof d.openapi !== 'string' || !/^3\.[012]\.\d+$/.test(d.openapi)) {
    return [
      {
        code: 'OPENAPI_VERSION_UNSUPPORTED',
        pointer: '#/openapi',
        message: `openapi version ${JSON.stringify(d.openapi)} is not supported; expected 3.0.x, 3.1.x or 3.2.x`,
        fix: 'set `openapi: 3.1.0` or `3.0.3`',
      },
    ];
  }
  return [];
}

export function checkStructure(doc: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const paths = doc.paths;
  if (paths !== undefined && (paths === null || typeof paths !== 'object' || Array.isArray(paths))) {
    problems.push({ code: 'INVALID_STRUCTURE', pointer: '#/paths', message: '`paths` must be an object' });
    return problems;
  }
  if (paths === undefined && doc.webhooks === undefined && doc.components === undefined) {
    problems.push({
      code: 'INVALID_STRUCTURE',
      pointer: '#',
      message: 'the spec has no `paths`, `webhooks` or `components`',
      fix: 'add a `paths` object',
    });
  }
  const operationIds = new Map<string, string>();
  const templates = new Map<string, string>();
  for (const [path, rawItem] of Object.entries((paths ?? {}) as Record<string, unknown>)) {
    const itemPtr = pointerOf(['paths', path]);
    if (!path.startsWith('/'))
      problems.push({ code: 'INVALID_STRUCTURE', pointer: itemPtr, message: `path ${JSON.stringify(path)} must start with "/"` });
    const shape = path.replace(/\{[^}]*\}/g, '{}');
    const twin = templates.get(shape);
    if (twin !== undefined) {
      problems.push({
        code: 'DUPLICATE_PATH',
        pointer: itemPtr,
        message: `path ${JSON.stringify(path)} is identical to ${JSON.stringify(twin)} once parameter names are ignored`,
        fix: 'merge the two paths into one',
      });
    } else templates.set(shape, path);
    const item = resolveLocal(doc, rawItem);
    if (item === null || typeof item !== 'object') {
      problems.push({ code: 'INVALID_STRUCTURE', pointer: itemPtr, message: 'a path item must be an object' });
      continue;
    }
    for (const method of HTTP_METHODS) {
      const op = (item as Record<string, unknown>)[method];
      if (op === undefined) continue;
      const opPtr = pointerOf(['paths', path, method]);
      if (op === null || typeof op !== 'object' || Array.isArray(op)) {
        problems.push({ code: 'INVALID_STRUCTURE', pointer: opPtr, message: 'an operation must be an object' });
        continue;
      }
      const o = op as Record<string, unknown>;
      if (o.operationId !== undefined) {
        if (typeof o.operationId !== 'string') {
          problems.push({ code: 'INVALID_STRUCTURE', pointer: `${opPtr}/operationId`, message: 'operationId must be a string' });
        } else {
          const first = operationIds.get(o.operationId);
          if (first)
            problems.push({
              code: 'DUPLICATE_OPERATION_ID',
              pointer: `${opPtr}/operationId`,
              message: `operationId ${JSON.stringify(o.operationId)} is also used by ${first}`,
              fix: 'give each operation its own operationId',
            });
          else operationIds.set(o.operationId, `${method.toUpperCase()} ${path}`);
        }
      }
      if (o.responses !== undefined && (o.responses === null || typeof o.responses !== 'object' || Array.isArray(o.responses))) {
        problems.push({ code: 'INVALID_STRUCTURE', pointer: `${opPtr}/responses`, message: '`responses` must be an object' });
      }
    }
  }
  return problems;
}

/** How many uses of one broken `$ref` are located; the rest are counted in the first one's message. */
export const MAX_USES_LISTED = 5;

/** Every local `$ref` in the bundled document must resolve; chains of refs must end. Every use of a broken one is reported. */
export function checkRefs(doc: Record<string, unknown>): Problem[] {
  const verdicts = new Map<string, Omit<Problem, 'pointer'> | undefined>();
  const uses = new Map<string, string[]>();
  // extension values are vendor data: their refs were settled by the bundler (extension-refs.ts)
  const visit = (node: unknown, tokens: string[], inData: boolean, kind: Kind = 'root') => {
    if (node === null || typeof node !== 'object' || kind === 'extension') return;
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, [...tokens, String(i)], inData, childKind(kind, String(i))));
    const obj = node as Record<string, unknown>;
    if (!inData && typeof obj.$ref === 'string' && obj.$ref.startsWith('#')) {
      const ref = obj.$ref;
      if (!verdicts.has(ref)) verdicts.set(ref, refChainEnd(doc, ref));
      if (verdicts.get(ref)) {
        if (!uses.has(ref)) uses.set(ref, []);
        uses.get(ref)!.push(pointerOf([...tokens, '$ref']));
      }
    }
    for (const [key, value] of Object.entries(obj)) {
      const k = kind === 'componentMap' ? childKind(kind, key, componentItemKind(tokens[tokens.length - 1])) : childKind(kind, key);
      visit(
        value,
        [...tokens, key],
        inData || key === 'example' || key === 'examples' || key === 'default' || key === 'const' || key === 'enum',
        k,
      );
    }
  };
  visit(doc, [], false);
  const problems: Problem[] = [];
  for (const [ref, pointers] of uses) {
    const verdict = verdicts.get(ref)!;
    pointers.slice(0, MAX_USES_LISTED).forEach((pointer, i) => {
      const count =
        i === 0 && pointers.length > 1
          ? ` (used ${pointers.length} times${pointers.length > MAX_USES_LISTED ? `; the first ${MAX_USES_LISTED} are listed` : ''})`
          : '';
      problems.push({ ...verdict, message: verdict.message + count, pointer });
    });
  }
  return problems;
}

function refChainEnd(doc: Record<string, unknown>, ref: string): Omit<Problem, 'pointer'> | undefined {
  const visited = new Set<string>();
  let current = ref;
  for (let i = 0; i < MAX_REF_CHAIN; i++) {
    if (visited.has(current))
      return {
        code: 'REF_CYCLE',
        message: `$ref "${ref}" is a chain of $refs that loops back to "${current}"`,
        fix: 'point the $ref at a real definition',
      };
    visited.add(current);
    let target: unknown;
    try {
      target = valueAt(doc, current);
    } catch {
      target = undefined;
    }
    if (target === undefined)
      return { code: 'REF_DANGLING', message: `$ref "${ref}" points at nothing`, fix: 'fix the pointer or add the missing component' };
    const next = target !== null && typeof target === 'object' ? (target as Record<string, unknown>).$ref : undefined;
    if (typeof next !== 'string' || !next.startsWith('#')) return undefined;
    current = next;
  }
  return {
    code: 'REF_TOO_DEEP',
    message: `$ref "${ref}" starts a chain of more than ${MAX_REF_CHAIN} $refs`,
    fix: 'point the $ref at the definition directly',
  };
}
