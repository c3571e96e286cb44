/**
 * The validator's copy of openapi.json, prepared (prepare.ts) only where validators look: a schema
 * the plans point at, and everything it reaches through `$ref`, is copied in on the first compile that
 * needs it, at the same JSON pointer. Ajv holds `root` under SPEC_ID and reads it when it resolves a
 * `$ref` (at compile time), so a service on a spec of 800 operations prepares and indexes nothing at
 * start-up and, on an operation's first request, only the schemas that operation uses.
 *
 * Schemas named by `$id`/`$anchor` (or reached through a `$ref` that is not a `#/...` pointer) can only
 * be found by indexing the whole document: `ensure` answers false then, and the engine falls back to
 * preparing the whole spec at once, as it always did.
 */
import { parsePointer } from '../json-pointer.js';
import { NAME_MAPS, prepareNode, type Reach, type SpecKind } from './prepare.js';

type Obj = Record<string, unknown>;

export class PreparedSpec {
  /** What Ajv sees; grows as pointers are ensured. */
  readonly root: Obj = {};
  /** Objects of `root` copied whole from the spec (everything below them is there already). */
  private readonly whole = new WeakSet<object>();
  private readonly done = new Set<string>();

  constructor(
    private readonly spec: Obj,
    private readonly kind: SpecKind,
    private readonly is31: boolean,
  ) {}

  /** Makes `pointers` and every `#/...` pointer they reach resolvable in `root`; false: the whole document is needed. */
  ensure(pointers: readonly string[]): boolean {
    const queue = [...pointers];
    while (queue.length) {
      const pointer = queue.pop()!;
      if (this.done.has(pointer)) continue;
      if (!this.ensureOne(pointer, queue)) return false;
      this.done.add(pointer);
    }
    return true;
  }

  private ensureOne(pointer: string, queue: string[]): boolean {
    const tokens = parsePointer(pointer);
    if (tokens.length === 0) return false;
    let raw: unknown = this.spec;
    let node: Obj = this.root;
    let nameMap = false;
    for (const [i, token] of tokens.entries()) {
      if (this.whole.has(node)) return true;
      // nothing there: Ajv reports the unresolvable `$ref` when it compiles, as before
      if (raw === null || typeof raw !== 'object') return true;
      // an `$id` above changes what the `$ref`s below mean
      if (!nameMap && typeof (raw as { $id?: unknown }).$id === 'string') return false;
      if (!Object.hasOwn(raw, token)) return true;
      raw = (raw as Obj)[token];
      nameMap = !nameMap && NAME_MAPS.has(token);
      if (i === tokens.length - 1) {
        const reach: Reach = { refs: [], needsWholeDocument: false };
        const prepared = prepareNode(raw, nameMap, this.kind, this.is31, reach);
        if (reach.needsWholeDocument) return false;
        node[token] = prepared;
        if (prepared !== null && typeof prepared === 'object') this.whole.add(prepared);
        queue.push(...reach.refs);
        return true;
      }
      let next = node[token];
      if (next === null || typeof next !== 'object') node[token] = next = Array.isArray(raw) ? [] : {};
      node = next as Obj;
    }
    return true;
  }
}
