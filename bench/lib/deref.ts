/** Follows local `$ref`s (at most 10 hops, so a cycle ends) through the runtime's one JSON-pointer reader. */
import { valueAt } from '../../templates/runtime/json-pointer.js';

type Obj = Record<string, any>;

export function derefIn(doc: unknown): (node: Obj | undefined) => Obj | undefined {
  return (node) => {
    let n = node;
    for (let i = 0; n && typeof n.$ref === 'string' && i < 10; i++) n = valueAt(doc, n.$ref) as Obj | undefined;
    return n;
  };
}
