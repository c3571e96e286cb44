/**
 * The copy of the spec handed to @hey-api/openapi-ts. hey-api's output must compile and hey-api must
 * not crash on any spec the generator accepts, so the copy differs from the validator's in ways that
 * change only the client's names and never its requests on the wire:
 *
 * - query parameters whose style hey-api's runtime types do not allow for their schema (an array with
 *   `style: deepObject`, as Stripe writes `expand`; an object with `spaceDelimited`) become `form` with
 *   the same explode. hey-api would emit `querySerializer: {array: {style: 'deepObject'}}`, which its
 *   own `ArrayStyle` type rejects; its runtime serializes such a value exactly like `form` anyway.
 * - component names hey-api cannot turn into a symbol (`__proto__`, `../../x`: "Symbol finalName has
 *   not been resolved yet") or that are reserved words get a safe name, and every `$ref` follows.
 * - an operationId `then` is renamed: a module exporting `then` is a thenable, so `await import()`
 *   of sdk.gen.ts would call it.
 * - OpenAPI 3.2 is presented as 3.1 (see client-spec-32.ts).
 */
import { parsePointer, pointerOf, valueAt } from '../../templates/runtime/json-pointer.js';
import { asOpenApi31 } from './client-spec-32.js';

type Obj = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const ARRAY_STYLES = new Set(['form', 'spaceDelimited', 'pipeDelimited']);
const OBJECT_STYLES = new Set(['form', 'deepObject']);
/** Names hey-api turns into identifiers that clash or that break its symbol table. */
const UNSAFE_NAMES = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'new',
  'null',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'yield',
  'let',
  'static',
  'await',
  'implements',
  'interface',
  'package',
  'private',
  'protected',
  'public',
  'arguments',
  'eval',
  'undefined',
  'NaN',
  'Infinity',
]);
const SAFE_NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;
/** Keys whose values are data, never references. */
const DATA_KEYS = new Set(['default', 'enum', 'const', 'example', 'examples']);

/** Returns a new document; `document` is not changed. */
export function clientSpec(document: Obj): Obj {
  const doc = asOpenApi31(structuredClone(document));
  renameUnsafeComponents(doc);
  for (const { op, item } of operations(doc)) {
    if (typeof op.operationId === 'string' && /^then$/i.test(op.operationId)) op.operationId = `${op.operationId}Operation`;
    const params = [...(Array.isArray(item.parameters) ? item.parameters : []), ...(Array.isArray(op.parameters) ? op.parameters : [])];
    for (const param of params) fixQueryStyle(doc, resolve(doc, param));
  }
  dropProtoParameters(doc);
  return doc;
}

/**
 * A parameter named `__proto__` (legal in OpenAPI) crashes hey-api ("Cannot read properties of undefined
 * (reading 'name')"), and renaming it would make the client send the wrong name, so the client's copy
 * leaves it out: the SDK cannot set it; every other parameter and the operation itself stay.
 */
function dropProtoParameters(doc: Obj): void {
  const isProto = (p: unknown) => resolve(doc, p)?.name === '__proto__';
  const filter = (owner: Obj) => {
    if (Array.isArray(owner.parameters) && owner.parameters.some(isProto)) owner.parameters = owner.parameters.filter((p) => !isProto(p));
  };
  for (const { op, item } of operations(doc)) {
    filter(item);
    filter(op);
  }
  const shared = (doc.components as Obj | undefined)?.parameters;
  if (shared && typeof shared === 'object' && !Array.isArray(shared))
    for (const name of Object.keys(shared)) if (isProto((shared as Obj)[name])) delete (shared as Obj)[name];
}

function* operations(doc: Obj): Generator<{ op: Obj; item: Obj }> {
  for (const section of ['paths', 'webhooks']) {
    for (const raw of Object.values((doc[section] ?? {}) as Obj)) {
      const item = resolve(doc, raw);
      if (!item) continue;
      for (const method of METHODS) {
        const op = item[method];
        if (op && typeof op === 'object' && !Array.isArray(op)) yield { op: op as Obj, item };
      }
    }
  }
}

/** Parameters are often shared by `$ref`, so a fix applies to every operation using it (same wire format). */
function fixQueryStyle(doc: Obj, param: Obj | undefined): void {
  if (param?.in !== 'query' || typeof param.style !== 'string') return;
  const schema = resolve(doc, param.schema);
  if (!schema) return;
  const isArray =
    schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array')) || Array.isArray(schema.prefixItems);
  const isObject = !isArray && (schema.type === 'object' || (Array.isArray(schema.type) && schema.type.includes('object')));
  const allowed = isArray ? ARRAY_STYLES : isObject ? OBJECT_STYLES : undefined;
  if (!allowed || allowed.has(param.style)) return;
  // explode defaults to true only for form: keep what the original style meant
  param.explode = typeof param.explode === 'boolean' ? param.explode : false;
  param.style = 'form';
}

function resolve(doc: Obj, node: unknown): Obj | undefined {
  for (let i = 0; i < 32 && node && typeof node === 'object'; i++) {
    const ref = (node as Obj).$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#')) return Array.isArray(node) ? undefined : (node as Obj);
    node = valueAt(doc, ref);
  }
  return undefined;
}

/** `#/components/<section>/<name>` -> safe name, then every `$ref` into a renamed component is rewritten. */
function renameUnsafeComponents(doc: Obj): void {
  const components = doc.components as Obj | undefined;
  if (!components || typeof components !== 'object') return;
  const renamed = new Map<string, string>();
  for (const [section, map] of Object.entries(components)) {
    if (!map || typeof map !== 'object' || Array.isArray(map)) continue;
    const entries = map as Obj;
    if (!Object.keys(entries).some(isUnsafe)) continue;
    const taken = new Set(Object.keys(entries).filter((n) => !isUnsafe(n)));
    const rebuilt: Obj = {};
    for (const name of Object.keys(entries)) {
      let safe = name;
      if (isUnsafe(name)) {
        const base = safeBase(name);
        safe = base;
        for (let i = 2; taken.has(safe) || isUnsafe(safe); i++) safe = `${base}${i}`;
        taken.add(safe);
        renamed.set(pointerOf(['components', section, name]), pointerOf(['components', section, safe]));
      }
      Object.defineProperty(rebuilt, safe, { value: entries[name], enumerable: true, writable: true, configurable: true });
    }
    components[section] = rebuilt;
  }
  if (renamed.size) rewriteRefs(doc, renamed, 0);
}

function isUnsafe(name: string): boolean {
  return !SAFE_NAME.test(name) || UNSAFE_NAMES.has(name);
}

function safeBase(name: string): string {
  const words = name.replace(/[^A-Za-z0-9]+/g, ' ').trim();
  const joined = words
    ? words
        .split(' ')
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join('')
    : '';
  return /^[A-Za-z]/.test(joined) ? `${joined}Schema` : `Schema${joined}`;
}

function rewriteRefs(node: unknown, renamed: Map<string, string>, depth: number): void {
  if (node === null || typeof node !== 'object' || depth > 400) return;
  if (Array.isArray(node)) return node.forEach((n) => rewriteRefs(n, renamed, depth + 1));
  const obj = node as Obj;
  if (typeof obj.$ref === 'string') obj.$ref = renamedRef(obj.$ref, renamed);
  // a discriminator's mapping names schemas by reference too
  if (typeof obj.propertyName === 'string' && obj.mapping && typeof obj.mapping === 'object') {
    const mapping = obj.mapping as Obj;
    for (const key of Object.keys(mapping))
      if (typeof mapping[key] === 'string') mapping[key] = renamedRef(mapping[key] as string, renamed);
  }
  for (const [key, value] of Object.entries(obj)) if (!DATA_KEYS.has(key)) rewriteRefs(value, renamed, depth + 1);
}

function renamedRef(ref: string, renamed: Map<string, string>): string {
  if (!ref.startsWith('#/components/')) return ref;
  const tokens = parsePointer(ref);
  const target = renamed.get(pointerOf(tokens.slice(0, 3)));
  return target ? target + (tokens.length > 3 ? pointerOf(tokens.slice(3)).slice(1) : '') : ref;
}
