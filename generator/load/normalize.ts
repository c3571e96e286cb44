/**
 * The spec handed to express-openapi-validator, @hey-api/openapi-ts and openapi-typescript. Real
 * specs break those tools in known ways; each fix here is small, keeps the spec's meaning for
 * validation, and is reported as a warning:
 * - example payloads are left out (see stripExamples);
 * - OpenAPI 3.0 `nullable` without `type` is dropped (Ajv rejects it; without a type any value,
 *   null included, was already allowed);
 * - `pattern`s that JavaScript rejects in unicode mode (`\:`) lose their needless escapes, or are
 *   dropped when still invalid;
 * - `$ref`s into the inside of a component schema (`#/components/schemas/A/properties/b/items`) point
 *   at a new component holding a copy, because openapi-typescript types such refs wrongly;
 * - `servers` becomes `/`: the generated router matches paths relative to where it is mounted.
 */
import { pointerOf, type Diagnostic } from '../diagnostics.js';
import { childKind, componentItemKind, type Kind } from './ref-context.js';
import { valueAt } from '../../templates/runtime/json-pointer.js';

type Obj = Record<string, unknown>;
type Note = Omit<Diagnostic, 'file' | 'line'>;

export function normalizeForTools(document: Obj, version: '3.0' | '3.1'): { document: Obj; notes: Note[] } {
  const doc = structuredClone(document);
  const counts = { nullable: [] as string[], patterns: [] as string[], dropped: [] as string[] };
  stripExampleComponents(doc);
  const visit = (node: unknown, kind: Kind, tokens: string[]) => {
    if (node === null || typeof node !== 'object' || kind === 'data') return;
    if (Array.isArray(node)) return node.forEach((item, i) => visit(item, childKind(kind, String(i)), [...tokens, String(i)]));
    const obj = node as Obj;
    if (kind === 'mediaType' || kind === 'parameter' || kind === 'header' || kind === 'schema') stripExamples(obj);
    if (kind === 'schema') fixSchema(obj, version, tokens, counts);
    for (const key of Object.keys(obj)) {
      const k = kind === 'componentMap' ? childKind(kind, key, componentItemKind(tokens[tokens.length - 1])) : childKind(kind, key);
      visit(obj[key], k, [...tokens, key]);
    }
  };
  visit(doc, 'root', []);
  hoistDeepSchemaRefs(doc);
  doc.servers = [{ url: '/' }];
  const notes: Note[] = [];
  const note = (list: string[], message: string) => {
    if (list.length)
      notes.push({
        code: 'NORMALIZED',
        severity: 'warning',
        pointer: list[0],
        message: `${message} (${list.length} place${list.length > 1 ? 's' : ''}, first here)`,
      });
  };
  note(counts.nullable, '`nullable` without `type` was dropped for the validator');
  note(counts.patterns, '`pattern`s with escapes JavaScript rejects in unicode mode were rewritten');
  note(counts.dropped, '`pattern`s JavaScript cannot compile were dropped; those strings are not checked against them');
  return { document: doc, notes };
}

const DEEP_REF = /^#\/components\/schemas\/([^/]+)\/(.+)$/;

function hoistDeepSchemaRefs(doc: Obj): void {
  const schemas = ((doc.components as Obj | undefined)?.schemas ?? undefined) as Obj | undefined;
  if (!schemas) return;
  const hoisted = new Map<string, string>();
  const rewrite = (node: unknown, depth: number): void => {
    if (node === null || typeof node !== 'object' || depth > 400) return;
    if (Array.isArray(node)) return node.forEach((n) => rewrite(n, depth + 1));
    const obj = node as Obj;
    if (typeof obj.$ref === 'string' && DEEP_REF.test(obj.$ref)) obj.$ref = hoist(obj.$ref);
    for (const value of Object.values(obj)) rewrite(value, depth + 1);
  };
  const hoist = (ref: string): string => {
    const done = hoisted.get(ref);
    if (done) return done;
    const [, base, rest] = DEEP_REF.exec(ref)!;
    let name = `${base}_${rest.replace(/[^A-Za-z0-9]+/g, '_')}`;
    for (let i = 2; Object.hasOwn(schemas, name); i++) name = `${base}_${rest.replace(/[^A-Za-z0-9]+/g, '_')}${i}`;
    const local = `#/components/schemas/${name}`;
    hoisted.set(ref, local);
    const target = valueAt(doc, ref);
    schemas[name] = structuredClone(target ?? {});
    rewrite(schemas[name], 0);
    return local;
  };
  rewrite(doc.paths, 0);
  rewrite(doc.webhooks, 0);
  rewrite(doc.components, 0);
}

/**
 * Example payloads are documentation, not contract, and they break the validator two ways: the ref
 * parsers inside the tools try to download `"$ref": "https://..."` keys in them, and Ajv (which
 * express-openapi-validator hands the whole spec, examples included) reads their `id`/`$id` keys as
 * schema ids and fails with "resolves to more than one schema" (GitHub's gist examples). So the tools'
 * spec has none. (Examples holding file or URL `$ref`s were already left out, with a warning, by the
 * loader: generator/load/bundle.ts.)
 */
function stripExampleComponents(doc: Obj): void {
  const components = doc.components as Obj | undefined;
  if (components) delete components.examples;
}

function stripExamples(obj: Obj): void {
  delete obj.example;
  delete obj.examples;
}

function fixSchema(
  schema: Obj,
  version: string,
  tokens: string[],
  counts: { nullable: string[]; patterns: string[]; dropped: string[] },
): void {
  if (version === '3.0' && schema.nullable !== undefined && schema.type === undefined) {
    delete schema.nullable;
    counts.nullable.push(pointerOf([...tokens, 'nullable']));
  }
  if (typeof schema.pattern === 'string' && !compiles(schema.pattern, 'u')) {
    const fixed = schema.pattern.replace(/\\([^A-Za-z0-9\\^$.*+?()[\]{}|/-])/g, '$1');
    if (compiles(fixed, 'u')) {
      schema.pattern = fixed;
      counts.patterns.push(pointerOf([...tokens, 'pattern']));
    } else {
      delete schema.pattern;
      counts.dropped.push(pointerOf([...tokens, 'pattern']));
    }
  }
}

function compiles(pattern: string, flags: string): boolean {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
}
