/**
 * JSON Schema 2020-12 identifiers in OpenAPI 3.1+ documents, resolved within the files already read
 * (never the network). A schema's `$id` sets a base URI (relative ids resolve against the enclosing
 * one, the document's own being its file URL, or `$self` in 3.2); `$anchor` and `$dynamicAnchor` name
 * a schema inside it. So `$ref: /api/v1/components/schemas/details` finds the schema whose `$id` is
 * that path, and `#details_id` (a plain-name fragment) the schema with that `$anchor`.
 * https://json-schema.org/draft/2020-12/json-schema-core#section-8.2
 */
import { pathToFileURL } from 'node:url';
import { escapePointerToken } from '../diagnostics.js';
import { childKind, componentItemKind, type Kind } from './ref-context.js';
import type { SourceFile } from './read-file.js';

type Obj = Record<string, unknown>;
export interface IdTarget {
  file: SourceFile;
  pointer: string;
}

export class SchemaIds {
  /** absolute URI (resources: no fragment; anchors: `uri#name`) -> where it is */
  private readonly targets = new Map<string, IdTarget>();
  /** per file: pointer of each schema with an `$id` -> its base URI */
  private readonly scopes = new Map<SourceFile, Map<string, string>>();
  /** `$dynamicAnchor` name -> every place declaring it (static resolution needs exactly one) */
  private readonly dynamicAnchors = new Map<string, IdTarget[]>();

  get size(): number {
    return this.targets.size;
  }

  /** Records the identifiers of a file; `self` is a 3.2 `$self` base URI. */
  index(file: SourceFile, self?: string): void {
    if (this.scopes.has(file)) return;
    const scopes = new Map<string, string>();
    const fileBase = pathToFileURL(file.path).href;
    const docBase = self ? (safeUrl(self, fileBase) ?? fileBase) : fileBase;
    scopes.set('#', docBase);
    this.scopes.set(file, scopes);
    for (const uri of new Set([fileBase, docBase])) if (!this.targets.has(uri)) this.targets.set(uri, { file, pointer: '#' });
    // YAML aliases make a small file a huge tree (an alias bomb): each parsed object is indexed once,
    // where it is first reached, so the walk is linear in the file, not in the expanded tree
    const seen = new WeakSet<object>();
    const visit = (node: unknown, kind: Kind, tokens: string[], base: string, depth: number): void => {
      if (node === null || typeof node !== 'object' || kind === 'data' || kind === 'extension' || depth > 400 || seen.has(node)) return;
      seen.add(node);
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, childKind(kind, String(i)), [...tokens, String(i)], base, depth + 1));
      const obj = node as Obj;
      const pointer = '#' + tokens.map((t) => '/' + escapePointerToken(t)).join('');
      if (kind === 'schema') {
        if (typeof obj.$id === 'string') {
          const id = safeUrl(obj.$id, base);
          if (id) {
            base = id.split('#')[0];
            scopes.set(pointer, base);
            if (!this.targets.has(base)) this.targets.set(base, { file, pointer });
          }
        }
        for (const key of ['$anchor', '$dynamicAnchor']) {
          const name = obj[key];
          if (typeof name !== 'string') continue;
          if (!this.targets.has(`${base}#${name}`)) this.targets.set(`${base}#${name}`, { file, pointer });
          if (key === '$dynamicAnchor') this.dynamicAnchors.set(name, [...(this.dynamicAnchors.get(name) ?? []), { file, pointer }]);
        }
      }
      for (const key of Object.keys(obj)) {
        const k = kind === 'componentMap' ? childKind(kind, key, componentItemKind(tokens[tokens.length - 1])) : childKind(kind, key);
        visit(obj[key], k, [...tokens, key], base, depth + 1);
      }
    };
    visit(file.data, 'root', [], docBase, 0);
  }

  /**
   * The target of `ref` written at `at` (a pointer in `file`), when identifiers decide it; undefined
   * leaves the ref to the plain file + JSON pointer rules.
   */
  resolve(ref: string, file: SourceFile, at: string): IdTarget | undefined {
    if (this.targets.size === 0) return undefined;
    const base = this.baseAt(file, at);
    const absolute = safeUrl(ref, base);
    if (!absolute) return undefined;
    const hash = absolute.indexOf('#');
    const resource = hash < 0 ? absolute : absolute.slice(0, hash);
    const fragment = hash < 0 ? '' : decodeURIComponent(absolute.slice(hash + 1));
    if (fragment && !fragment.startsWith('/')) return this.targets.get(`${resource}#${fragment}`);
    const target = this.targets.get(resource);
    if (!target) return undefined;
    return fragment ? { file: target.file, pointer: target.pointer + fragment } : target;
  }

  /** A `$ref` that reaches `target` from anywhere (resolve() reads it back). */
  static refTo(target: IdTarget): string {
    return pathToFileURL(target.file.path).href + target.pointer;
  }

  /**
   * `$dynamicRef` resolved statically: first like a `$ref` from where it is written (its initial target,
   * e.g. `#node` in its own resource: what it means when no outer schema overrides the anchor); else,
   * for `#name`, the one schema declaring `$dynamicAnchor: name`, when exactly one does.
   */
  resolveDynamic(ref: string, file: SourceFile, at: string): IdTarget | undefined {
    const initial = this.resolve(ref, file, at);
    if (initial) return initial;
    if (!ref.startsWith('#') || ref.startsWith('#/')) return undefined;
    const found = this.dynamicAnchors.get(ref.slice(1));
    return found && found.length === 1 ? found[0] : undefined;
  }

  /**
   * Whether `at` lies inside a schema with its own `$id` (a resource other than the document): there a
   * `#/...` or `#` reference is relative to that schema, not to the document.
   */
  inResource(file: SourceFile, at: string): boolean {
    const scopes = this.scopes.get(file);
    return !!scopes && this.baseAt(file, at) !== scopes.get('#');
  }

  private baseAt(file: SourceFile, at: string): string {
    const scopes = this.scopes.get(file);
    if (!scopes) return pathToFileURL(file.path).href;
    let best = '#';
    for (const pointer of scopes.keys()) {
      if ((at === pointer || at.startsWith(pointer + '/')) && pointer.length > best.length) best = pointer;
    }
    return scopes.get(best)!;
  }
}

function safeUrl(ref: string, base: string): string | undefined {
  try {
    return new URL(ref, base).href;
  } catch {
    return undefined;
  }
}
