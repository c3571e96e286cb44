/**
 * Bundles a multi-file spec into one document with only local (`#/...`) references. External refs are
 * hoisted into `components/<section>/<name>` by the kind of object they stand for, or inlined where
 * OpenAPI 3.0 has no section (path items). A ref may only reach files under the root spec's folder;
 * URLs are never fetched.
 */
import { dirname, resolve as resolvePath, relative, sep, basename, extname } from 'node:path';
import { realpathSync } from 'node:fs';
import { pointerOf, parsePointer, type Diagnostic } from '../diagnostics.js';
import { valueAt } from '../../templates/runtime/json-pointer.js';
import { readSpecFile, type SourceFile } from './read-file.js';
import { childKind, componentItemKind, hoistSection, type Kind } from './ref-context.js';
import { extensionRef } from './extension-refs.js';
import { SchemaIds } from './schema-ids.js';

/** JSON Schema identifiers: resolved by the bundler (schema-ids.ts), then dropped so no tool re-bases refs on them. */
const ID_KEYWORDS = new Set(['$id', '$anchor', '$dynamicAnchor']);

/** Bounds that keep hostile specs (alias bombs, deep nesting) from exhausting memory or stack. */
export const MAX_NODES = 4_000_000;
export const MAX_DEPTH = 400;

/**
 * Keys that make @redocly/openapi-core (inside openapi-typescript) throw, anywhere in a document: it
 * looks keys up in plain objects and calls what it finds. `constructor`, `toString` and `__proto__`
 * are handled; these are not, so they are refused with a diagnostic instead of crashing the run.
 */
const TOOL_CRASHING_KEYS = new Set([
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

/** Objects whose keys are names chosen by the spec author, so a `$ref` key there is a name, not a reference. */
const NAME_MAPS = new Set<Kind>([
  'paths',
  'components',
  'componentMap',
  'schemaMap',
  'responseMap',
  'contentMap',
  'headerMap',
  'exampleMap',
]);

export interface Origin {
  file: SourceFile;
  pointer: string;
  display: string;
}

export interface Bundle {
  document: Record<string, unknown>;
  /** bundled pointer prefix -> where that subtree came from; '#' is the root file. */
  origins: Map<string, Origin>;
  files: SourceFile[];
  diagnostics: Diagnostic[];
}

type Json = unknown;

/**
 * `refRoot` widens the folder refs may reach (default: the root spec's folder), for layouts like
 * SpaceTraders' `reference/SpaceTraders.json` -> `../models/*.json`.
 */
export function bundleSpec(rootPath: string, display: (p: string) => string, rootFile: SourceFile, refRoot?: string): Bundle {
  const rootDir = refRoot ? realpathSync(refRoot) : realDir(rootPath);
  const files = new Map<string, SourceFile>([[rootFile.path, rootFile]]);
  const origins = new Map<string, Origin>([['#', { file: rootFile, pointer: '#', display: display(rootFile.path) }]]);
  const diagnostics: Diagnostic[] = [];
  const hoisted = new Map<string, string>();
  const components: Record<string, Record<string, Json>> = {};
  const data = (rootFile.data ?? {}) as Record<string, Json>;
  const rootComponents = (data.components ?? {}) as Record<string, Record<string, Json> | undefined>;
  let nodes = 0;
  let stopped = false;
  // JSON Schema 2020-12 identifiers exist in OpenAPI 3.1 and later
  const ids = /^3\.[12]/.test(String(data.openapi)) ? new SchemaIds() : undefined;
  ids?.index(rootFile, typeof data.$self === 'string' ? data.$self : undefined);

  const report = (code: string, file: SourceFile, pointer: string, message: string, fix?: string) =>
    diagnostics.push({ code, severity: 'error', pointer, file: display(file.path), line: 0, message, fix });
  const warn = (code: string, file: SourceFile, pointer: string, message: string) =>
    diagnostics.push({ code, severity: 'warning', pointer, file: display(file.path), line: 0, message });

  const loadFile = (path: string, from: SourceFile, at: string): SourceFile | undefined => {
    const cached = files.get(path);
    if (cached) return cached;
    const read = readSpecFile(path, display(path));
    if (!read.ok) {
      report(read.diagnostic.code, from, at, `${read.diagnostic.message} (${display(path)})`, read.diagnostic.fix);
      return undefined;
    }
    files.set(path, read.file);
    ids?.index(read.file);
    return read.file;
  };

  const walk = (node: Json, file: SourceFile, kind: Kind, tokens: string[], filePtr: string[], depth: number): Json => {
    if (stopped) return null;
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) {
      stopped = true;
      const what = depth > MAX_DEPTH ? `nesting deeper than ${MAX_DEPTH} levels` : `more than ${MAX_NODES} nodes once aliases are expanded`;
      report('TOO_LARGE', file, pointerOf(filePtr), `the spec has ${what}`, 'flatten the structure or remove YAML alias chains');
      return null;
    }
    if (Array.isArray(node)) {
      return node.map((item, i) =>
        walk(item, file, childKind(kind, String(i)), [...tokens, String(i)], [...filePtr, String(i)], depth + 1),
      );
    }
    if (node === null || typeof node !== 'object') return node;
    let obj = node as Record<string, Json>;
    if (ids && kind === 'schema' && typeof obj.$dynamicRef === 'string' && obj.$ref === undefined) {
      const target = ids.resolveDynamic(obj.$dynamicRef, file, pointerOf(filePtr));
      if (target) obj = { ...withoutKey(obj, '$dynamicRef'), $ref: SchemaIds.refTo(target) };
    }
    for (const key of Object.keys(obj)) {
      if (TOOL_CRASHING_KEYS.has(key)) {
        report(
          'INVALID_STRUCTURE',
          file,
          pointerOf([...filePtr, key]),
          `"${key}" cannot be used as a name: it is an Object.prototype method, and the OpenAPI tools faultline builds on crash on it`,
          'rename it',
        );
      }
    }
    if (kind !== 'data' && kind !== 'extension' && !NAME_MAPS.has(kind) && Object.hasOwn(obj, '$ref') && typeof obj.$ref !== 'string') {
      report(
        'REF_MALFORMED',
        file,
        pointerOf([...filePtr, '$ref']),
        '$ref must be a string',
        'write the reference as a string, e.g. "#/components/schemas/Name"',
      );
    }
    if (kind === 'extension' && typeof obj.$ref === 'string') {
      const handled = extensionRef(obj, file, rootFile, rootDir, (fragment) => valueAt(rootFile.data, fragment) !== undefined);
      if (handled.kind === 'text') return handled.text;
      if (handled.kind === 'unresolved') {
        warn(
          'REF_IN_EXTENSION',
          file,
          pointerOf([...filePtr, '$ref']),
          `$ref "${obj.$ref as string}" in a vendor extension ${handled.reason}; ` +
            'it was left unresolved (faultline never uses extension values)',
        );
        return handled.replacement;
      }
      return { ...obj };
    }
    if (kind !== 'data' && typeof obj.$ref === 'string') {
      const replaced = followRef(obj, file, kind, tokens, filePtr, depth);
      if (replaced !== undefined) return replaced;
    }
    const out: Record<string, Json> = {};
    for (const key of Object.keys(obj)) {
      if (ids && kind === 'schema' && ID_KEYWORDS.has(key)) continue;
      const k = kind === 'componentMap' ? childKind(kind, key, componentItemKind(tokens[tokens.length - 1])) : childKind(kind, key);
      if (kind !== 'data' && !NAME_MAPS.has(kind) && reachesOut(key, k, kind, obj[key])) {
        const at = pointerOf([...filePtr, key]);
        if (key === 'default' || key === 'enum' || key === 'const') {
          report(
            'REF_EXTERNAL',
            file,
            at,
            `this ${key} value holds a "$ref" to a file or URL, which the OpenAPI tools faultline uses would read or download`,
            'remove the "$ref" key from the value',
          );
        } else {
          warn(
            'REF_EXTERNAL',
            file,
            at,
            key === 'externalValue'
              ? 'externalValue was left out: faultline never downloads or reads examples from outside the spec'
              : 'an example holding a "$ref" to a file or URL was left out, so no tool reads or downloads it',
          );
          continue;
        }
      }
      // defineProperty: a key named __proto__ stays a plain key and never reaches the prototype.
      Object.defineProperty(out, key, {
        value: walk(obj[key], file, k, [...tokens, key], [...filePtr, key], depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  };

  /** Returns the replacement for a `$ref` object, or undefined to keep it as written (a root-local ref). */
  const followRef = (obj: Record<string, Json>, file: SourceFile, kind: Kind, tokens: string[], filePtr: string[], depth: number): Json => {
    const ref = obj.$ref as string;
    const at = pointerOf([...filePtr, '$ref']);
    const viaId = ids && kind === 'schema' ? resolveById(ids, ref, file, pointerOf(filePtr), at) : undefined;
    if (!viaId && ref.startsWith('#') && file === rootFile) return undefined;
    const target = viaId ? { path: viaId.file.path, fragment: viaId.pointer === '#' ? '' : viaId.pointer } : parseRef(ref, file, rootDir);
    if ('error' in target) {
      report(target.code, file, at, target.error, target.fix);
      return {};
    }
    const targetFile = target.path === file.path ? file : loadFile(target.path, file, at);
    if (!targetFile) return {};
    if (targetFile === rootFile) return { ...obj, $ref: target.fragment || '#' };
    const key = `${targetFile.path}${target.fragment}`;
    const section = hoistSection(kind);
    const existing = hoisted.get(key);
    if (section && existing) return { $ref: existing };
    const value = valueAt(targetFile.data, target.fragment);
    if (value === undefined) {
      report(
        'REF_DANGLING',
        file,
        at,
        `$ref "${ref}" points at nothing in ${display(targetFile.path)}`,
        'fix the path or the pointer after #',
      );
      return {};
    }
    const fragTokens = parsePointer(target.fragment);
    if (!section)
      return inlineWithSiblings(walk(value, targetFile, kind, tokens, fragTokens, depth + 1), obj, (key) =>
        walk(obj[key], file, childKind(kind, key), [...tokens, key], [...filePtr, key], depth + 1),
      );
    const name = uniqueName((n) => has(components[section], n) || has(rootComponents[section], n), nameFor(targetFile.path, fragTokens));
    const local = pointerOf(['components', section, name]);
    hoisted.set(key, local);
    (components[section] ??= {})[name] = null;
    origins.set(local, { file: targetFile, pointer: target.fragment || '#', display: display(targetFile.path) });
    components[section][name] = walk(value, targetFile, kind, ['components', section, name], fragTokens, depth + 1);
    return { $ref: local };
  };

  /**
   * The target of a schema `$ref` decided by JSON Schema identifiers (schema-ids.ts), or undefined for the
   * plain file + JSON pointer rules. `#/...` and `#` use identifiers only inside a schema with its own
   * `$id` (they are relative to it there); a plain-name fragment into another file (`other.yaml#name`)
   * reads that file first, so its `$anchor`s are known.
   */
  const resolveById = (ids: SchemaIds, ref: string, file: SourceFile, here: string, at: string) => {
    if (ref.startsWith('#/') || ref === '#') {
      if (!ids.inResource(file, here)) return undefined;
      // authors who give a component schema an `$id` often keep writing `#/components/...` meaning the
      // document: a pointer that is not inside the resource is read the way every OpenAPI tool reads it
      const inside = ids.resolve(ref, file, here);
      return inside && valueAt(inside.file.data, inside.pointer) !== undefined ? inside : undefined;
    }
    const found = ids.resolve(ref, file, here);
    const hash = ref.indexOf('#');
    if (found || hash <= 0 || ref[hash + 1] === '/' || hash === ref.length - 1 || /^[a-z][a-z0-9+.-]*:/i.test(ref)) return found;
    const other = parseRef(ref.slice(0, hash), file, rootDir);
    if ('error' in other || !loadFile(other.path, file, at)) return undefined;
    return ids.resolve(ref, file, here);
  };

  const document = walk(data, rootFile, 'root', [], [], 0) as Record<string, Json>;
  mergeComponents(document, components);
  return { document, origins, files: [...files.values()], diagnostics };
}

/** A `$ref` with sibling keys (seen in the wild for whole component maps) keeps its siblings on top. */
function inlineWithSiblings(resolved: Json, refObj: Record<string, Json>, walkKey: (key: string) => Json): Json {
  const siblings = Object.keys(refObj).filter((k) => k !== '$ref');
  if (!siblings.length || resolved === null || typeof resolved !== 'object' || Array.isArray(resolved)) return resolved;
  const out = { ...(resolved as Record<string, Json>) };
  for (const key of siblings)
    Object.defineProperty(out, key, { value: walkKey(key), enumerable: true, writable: true, configurable: true });
  return out;
}

/**
 * Data the tools downstream (openapi-typescript, @hey-api/openapi-ts, the validator's ref parser)
 * would dereference although it is not a reference: a `$ref` to a file or URL inside example,
 * default, enum or const values (GitHub's spec has `"$ref": "https://..."` in examples), and
 * example `externalValue`s.
 */
function reachesOut(key: string, childKindOfKey: Kind, parent: Kind, value: Json): boolean {
  if (key === 'externalValue') return parent === 'example' && typeof value === 'string';
  return childKindOfKey === 'data' && hasForeignRef(value, 0);
}

function hasForeignRef(value: Json, depth: number): boolean {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.some((v) => hasForeignRef(v, depth + 1));
  const obj = value as Record<string, Json>;
  if (typeof obj.$ref === 'string' && Object.hasOwn(obj, '$ref') && !obj.$ref.startsWith('#')) return true;
  return Object.keys(obj).some((k) => hasForeignRef(obj[k], depth + 1));
}

function mergeComponents(document: Record<string, Json>, hoistedComponents: Record<string, Record<string, Json>>) {
  if (Object.keys(hoistedComponents).length === 0) return;
  const comps = (document.components ??= {}) as Record<string, Record<string, Json>>;
  for (const [section, entries] of Object.entries(hoistedComponents)) {
    const target = (comps[section] ??= {});
    for (const [name, value] of Object.entries(entries)) target[name] = value;
  }
}

type RefTarget = { path: string; fragment: string } | { error: string; code: string; fix: string };

function parseRef(ref: string, from: SourceFile, rootDir: string): RefTarget {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
    return {
      code: 'REF_EXTERNAL',
      error: `$ref "${ref}" is a URL; faultline never fetches from the network`,
      fix: 'download the file next to the spec and use a relative path',
    };
  }
  const hash = ref.indexOf('#');
  const filePart = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? '' : ref.slice(hash);
  if (fragment && !/^#(\/.*)?$/.test(fragment)) {
    return { code: 'REF_MALFORMED', error: `$ref "${ref}" has a fragment that is not a JSON pointer`, fix: 'use #/path/to/node' };
  }
  if (filePart === '') return { path: from.path, fragment };
  let decoded: string;
  try {
    decoded = decodeURIComponent(filePart);
  } catch {
    return { code: 'REF_MALFORMED', error: `$ref "${ref}" is not a valid URI reference`, fix: 'percent-encode it correctly' };
  }
  const path = resolvePath(dirname(from.path), decoded);
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return { code: 'REF_DANGLING', error: `$ref "${ref}" names a file that does not exist`, fix: 'fix the relative path' };
  }
  const rel = relative(rootDir, real);
  if (rel.startsWith('..') || rel.startsWith(sep) || /^[a-zA-Z]:/.test(rel)) {
    return {
      code: 'REF_EXTERNAL',
      error: `$ref "${ref}" leaves the spec's folder`,
      fix: 'keep referenced files under the folder of the root spec, or allow a wider folder with --ref-root <dir>',
    };
  }
  return { path: real, fragment };
}

function realDir(path: string): string {
  return dirname(realpathSync(path));
}

function nameFor(path: string, fragment: string[]): string {
  const raw = fragment.length ? fragment[fragment.length - 1] : basename(path, extname(path));
  return raw.replace(/[^A-Za-z0-9._-]/g, '_') || 'Schema';
}

function uniqueName(taken: (name: string) => boolean, base: string): string {
  let name = base;
  for (let i = 2; taken(name); i++) name = `${base}${i}`;
  return name;
}

function has(obj: object | null | undefined, key: string): boolean {
  return obj != null && typeof obj === 'object' && Object.hasOwn(obj, key);
}

function withoutKey(obj: Record<string, Json>, key: string): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const k of Object.keys(obj))
    if (k !== key) Object.defineProperty(out, k, { value: obj[k], enumerable: true, writable: true, configurable: true });
  return out;
}
