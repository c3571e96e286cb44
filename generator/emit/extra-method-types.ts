/**
 * types.gen.ts for every spec: openapi-typescript's output, plus the OpenAPI 3.2 operations it cannot
 * type. openapi-typescript reads the eight 3.1 methods of a path item only, so operations under `query`
 * and the lifted `additionalOperations` (COPY, LINK, ...) are typed here with openapi-typescript's own
 * operation transform, in an interface shaped like its `paths`:
 *   export interface pathsExtraMethods { "/search": { query: { parameters: ...; responses: ... } } }
 * Handler types point into it (handler-types.ts), so those handlers are typed like every other.
 */
import ts from 'typescript';
import { astToString, transformOperationObject, tsPropertyIndex, type OpenAPI3, type OperationObject } from 'openapi-typescript';
import { asOpenApiDocument, emitTypes, typesContext } from './types.js';
import { asOpenApi31 } from './client-spec-32.js';
import { pointerOf } from '../diagnostics.js';
import { STANDARD_METHODS } from '../model/paths.js';

type Obj = Record<string, unknown>;

/** The type expression handler-types.ts uses, from handlers.gen.ts, for an operation under `method`. */
export function pathsTypeFor(method: string): string {
  return (STANDARD_METHODS as readonly string[]).includes(method) ? 'paths' : 'import("./types.gen.js").pathsExtraMethods';
}

export function emitServiceTypes(document: Obj): string {
  // only 3.2 has such operations (the loader leaves them out of older versions); 3.0 and 3.1 cost no copy
  if (typeof document.openapi !== 'string' || !document.openapi.startsWith('3.2')) return emitTypes(document);
  const schema = asOpenApiDocument(asOpenApi31(structuredClone(document), { keepMethods: true }));
  return emitTypes(schema) + extraMethodTypes(schema);
}

function extraMethodTypes(schema: OpenAPI3): string {
  const ctx = typesContext(schema);
  const pathMembers: ts.TypeElement[] = [];
  for (const [path, raw] of Object.entries((schema.paths ?? {}) as Obj)) {
    const item = (
      raw && typeof raw === 'object' && typeof (raw as Obj).$ref === 'string' ? ctx.resolve((raw as Obj).$ref as string) : raw
    ) as Obj | undefined;
    if (!item || typeof item !== 'object') continue;
    const methodMembers: ts.TypeElement[] = [];
    for (const method of Object.keys(item).sort()) {
      if (!isExtraMethod(method) || !item[method] || typeof item[method] !== 'object') continue;
      const op = item[method] as Obj;
      const keyed = new Map<string, unknown>();
      for (const p of [...asList(item.parameters), ...asList(op.parameters)]) {
        const resolved = (p && typeof p === 'object' && typeof (p as Obj).$ref === 'string' ? ctx.resolve((p as Obj).$ref as string) : p) as
          | Obj
          | undefined;
        keyed.set(`${String(resolved?.in)}-${String(resolved?.name)}`, p);
      }
      // the loader checked this operation's structure; openapi-typescript's types describe that structure
      const operation = { ...op, parameters: [...keyed.values()] } as OperationObject;
      const members = transformOperationObject(operation, { path: pointerOf(['paths', path, method]), ctx });
      methodMembers.push(
        ts.factory.createPropertySignature(undefined, tsPropertyIndex(method), undefined, ts.factory.createTypeLiteralNode(members)),
      );
    }
    if (methodMembers.length)
      pathMembers.push(
        ts.factory.createPropertySignature(undefined, tsPropertyIndex(path), undefined, ts.factory.createTypeLiteralNode(methodMembers)),
      );
  }
  if (!pathMembers.length) return '';
  const declaration = ts.factory.createInterfaceDeclaration(
    [ts.factory.createModifier(ts.SyntaxKind.ExportKeyword)],
    'pathsExtraMethods',
    undefined,
    undefined,
    pathMembers,
  );
  return (
    '/** OpenAPI 3.2 operations under `query` and `additionalOperations`, which `paths` cannot hold. */\n' + astToString([declaration])
  );
}

const PATH_ITEM_FIELDS = new Set(['$ref', 'summary', 'description', 'servers', 'parameters']);

function isExtraMethod(key: string): boolean {
  return !PATH_ITEM_FIELDS.has(key) && !key.startsWith('x-') && !(STANDARD_METHODS as readonly string[]).includes(key);
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
