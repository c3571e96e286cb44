/**
 * OpenAPI 3.2 read as 3.1 plus its new parts (https://spec.openapis.org/oas/v3.2.0.html#path-item-object).
 * The `query` field is an operation like `get`. `additionalOperations` maps any other method to an
 * operation; each is lifted into the path item under its lower-case method (`COPY` -> `copy`) so the
 * model, the validator and the router read it like the fixed methods, and the spec pointer is kept for
 * diagnostics. Only methods Node's HTTP parser accepts can be served; any other is reported and left
 * out. Before 3.2 a path item has no such keys: `query` or `copy` written there is not an operation
 * and is left out with a warning, so a 3.1 spec keeps its 3.1 meaning. A `$ref` to a 3.2 reusable
 * media type (`#/components/mediaTypes/X`) is inlined: 3.1 readers (the model, the validator,
 * openapi-typescript) expect a media type object in `content`.
 */
import { pointerOf, type Diagnostic } from '../diagnostics.js';
import { ADDITIONAL_METHODS, STANDARD_METHODS } from '../model/paths.js';
import { childKind, componentItemKind, type Kind } from './ref-context.js';
import { valueAt } from '../../templates/runtime/json-pointer.js';

type Obj = Record<string, unknown>;
type Problem = Omit<Diagnostic, 'file' | 'line'>;

const EXTRA = new Set<string>(['query', ...ADDITIONAL_METHODS]);

/** Changes the bundled `doc` in place. `moved` maps each lifted pointer to the one written in the spec. */
export function liftOpenApi32(doc: Obj): { problems: Problem[]; moved: Map<string, string> } {
  const is32 = typeof doc.openapi === 'string' && doc.openapi.startsWith('3.2');
  const problems: Problem[] = [];
  const moved = new Map<string, string>();
  if (is32) inlineMediaTypeRefs(doc);
  const paths = doc.paths;
  if (!paths || typeof paths !== 'object' || Array.isArray(paths)) return { problems, moved };
  for (const [path, raw] of Object.entries(paths as Obj)) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) continue;
    const item = raw as Obj;
    for (const key of Object.keys(item)) {
      if (!EXTRA.has(key) || (is32 && key === 'query')) continue;
      delete item[key];
      const where = is32
        ? 'a 3.2 path item lists other methods under `additionalOperations`'
        : `OpenAPI ${String(doc.openapi)} has no \`${key}\` operation (it came with 3.2)`;
      problems.push({
        code: 'INVALID_STRUCTURE',
        severity: 'warning',
        pointer: pointerOf(['paths', path, key]),
        message: `\`${key}\` is not a path item field: ${where}; it was left out`,
        fix: is32 ? `move it to additionalOperations/${key.toUpperCase()}` : 'set `openapi: 3.2.0` to use it',
      });
    }
    const extra = item.additionalOperations;
    if (extra === undefined) continue;
    delete item.additionalOperations;
    if (!is32) {
      problems.push({
        code: 'INVALID_STRUCTURE',
        severity: 'warning',
        pointer: pointerOf(['paths', path, 'additionalOperations']),
        message: `OpenAPI ${String(doc.openapi)} has no \`additionalOperations\` (it came with 3.2); they were left out`,
        fix: 'set `openapi: 3.2.0` to use them',
      });
      continue;
    }
    if (!extra || typeof extra !== 'object' || Array.isArray(extra)) {
      problems.push({
        code: 'INVALID_STRUCTURE',
        severity: 'error',
        pointer: pointerOf(['paths', path, 'additionalOperations']),
        message: '`additionalOperations` must be an object of method -> operation',
      });
      continue;
    }
    for (const [method, op] of Object.entries(extra as Obj)) {
      const at = pointerOf(['paths', path, 'additionalOperations', method]);
      const lower = method.toLowerCase();
      if ((STANDARD_METHODS as readonly string[]).includes(lower) || lower === 'query') {
        problems.push({
          code: 'INVALID_STRUCTURE',
          severity: 'error',
          pointer: at,
          message: `${method} has its own path item field; additionalOperations must not list it`,
          fix: `move it to \`${lower}\``,
        });
      } else if (method !== method.toUpperCase() || !EXTRA.has(lower)) {
        const served = [...ADDITIONAL_METHODS].map((m) => m.toUpperCase()).join(', ');
        problems.push({
          code: 'OPENAPI_32_LIFTED',
          severity: 'warning',
          pointer: at,
          message:
            `the method ${JSON.stringify(method)} cannot be served: ` +
            `Node's HTTP server accepts only the registered upper-case methods (${served}); it was left out`,
        });
      } else {
        item[lower] = op;
        moved.set(pointerOf(['paths', path, lower]), at);
      }
    }
  }
  return { problems, moved };
}

function inlineMediaTypeRefs(doc: Obj): void {
  const visit = (node: unknown, kind: Kind, tokens: string[], depth: number): void => {
    if (node === null || typeof node !== 'object' || kind === 'data' || kind === 'extension' || depth > 400) return;
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, childKind(kind, String(i)), [...tokens, String(i)], depth + 1));
    const obj = node as Obj;
    for (const key of Object.keys(obj)) {
      const k = kind === 'componentMap' ? childKind(kind, key, componentItemKind(tokens[tokens.length - 1])) : childKind(kind, key);
      if (k === 'mediaType') {
        let target: unknown = obj[key];
        for (
          let i = 0;
          i < 32 &&
          target &&
          typeof target === 'object' &&
          typeof (target as Obj).$ref === 'string' &&
          ((target as Obj).$ref as string).startsWith('#/components/mediaTypes/');
          i++
        ) {
          target = valueAt(doc, (target as Obj).$ref as string);
        }
        if (target !== obj[key] && target && typeof target === 'object') obj[key] = structuredClone(target);
      }
      visit(obj[key], k, [...tokens, key], depth + 1);
    }
  };
  visit(doc, 'root', [], 0);
}
