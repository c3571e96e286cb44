/**
 * The error body of every (operation, documented error status), worked out once from the author's
 * document (examples and all) and read by generate (contract.gen.ts) and lint alike, so the two
 * can never disagree about a spec. The copy of the spec normalized for the tools plays no part.
 *
 * A recipe depends on the schema and the media type, so it is built once per pair; a response that
 * documents a valid example body then makes that example its template (a `type` URI, a code).
 */
import { escapePointerToken } from '../../diagnostics.js';
import { resolveLocal } from '../../load/local-ref.js';
import { valueAt } from '../../../templates/runtime/json-pointer.js';
import { buildBodyRecipe, mediaKind } from '../body-recipe.js';
import type { ModelOperation, ModelResponse } from '../types.js';
import type { Recipe } from '../../../templates/runtime/recipe.js';
import { unmetCodes } from './codes.js';
import { applyExample } from './example.js';
import { certainlyValid } from './check.js';
import { toShape } from './shape.js';

type Obj = Record<string, unknown>;

export interface ErrorBody {
  /** '' for a response documented without content: the body is left empty. */
  contentType: string;
  recipe: Recipe;
}

export interface ResponseUse {
  status: string;
  operation: ModelOperation;
}

/** One problem with one response definition, with every (status, operation) it affects. */
export interface RecipeFinding {
  pointer: string;
  message: string;
  fix: string;
  uses: ResponseUse[];
}

export interface ErrorRecipes {
  /** Keyed by errorKey(op, status); missing when no valid body can be built. */
  bodies: Map<string, ErrorBody>;
  /** No valid body: `generate` stops, `lint` reports error-body-unbuildable. */
  unbuildable: RecipeFinding[];
  /** A code-like field with no value that means the status: a warning in both commands. */
  meaningless: RecipeFinding[];
}

export const errorKey = (op: { key: string }, status: string): string => `${op.key} ${status}`;

/** An empty recipe for error responses documented without content. */
const NO_BODY: Recipe = { kind: 'const', value: null };

export function buildErrorRecipes(doc: Obj, operations: readonly ModelOperation[]): ErrorRecipes {
  const out: ErrorRecipes = { bodies: new Map(), unbuildable: [], meaningless: [] };
  const resolve = (ref: string) => valueAt(doc, ref);
  const bases = new Map<string, Recipe | RecipeFinding>();
  const meaningless = new Map<string, RecipeFinding>();
  for (const operation of operations) {
    for (const response of operation.responses) {
      if (!response.isError) continue;
      const use = { status: response.status, operation };
      const content = response.errorContent;
      if (!content) {
        out.bodies.set(errorKey(operation, response.status), { contentType: '', recipe: NO_BODY });
        continue;
      }
      const defPointer = definitionPointer(response);
      const schemaPointer = content.schemaPointer ?? `${defPointer}/content/${escapePointerToken(content.contentType)}`;
      const key = `${content.contentType} ${schemaPointer}`;
      if (!bases.has(key)) bases.set(key, baseRecipe(doc, content.contentType, content.schemaPointer, schemaPointer, defPointer, resolve));
      const base = bases.get(key)!;
      if (!('kind' in base)) {
        base.uses.push(use);
        if (!out.unbuildable.includes(base)) out.unbuildable.push(base);
        continue;
      }
      let recipe = base;
      const example =
        /^\d{3}$/.test(response.status) && content.schemaPointer ? exampleOf(doc, defPointer, content.contentType) : undefined;
      // Only an example every validator accepts is a template (certainlyValid never guesses).
      if (
        example !== undefined &&
        certainlyValid(toShape(valueAt(doc, content.schemaPointer!), content.schemaPointer!, { resolve }), example, { resolve })
      ) {
        recipe = applyExample(base, example, Number(response.status));
      }
      out.bodies.set(errorKey(operation, response.status), { contentType: content.contentType, recipe });
      for (const unmet of unmetCodes(recipe, response.status)) {
        const k = `${defPointer} ${response.status} ${unmet.field}`;
        const finding = meaningless.get(k) ?? {
          pointer: defPointer,
          message: `${response.status} body: \`${unmet.field}\`: ${unmet.why}`,
          fix: `add a value that means ${response.status} to the enum of \`${unmet.field}\`, or document an example body for this response`,
          uses: [],
        };
        meaningless.set(k, finding);
        finding.uses.push(use);
      }
    }
  }
  out.meaningless = [...meaningless.values()];
  return out;
}

function baseRecipe(
  doc: Obj,
  contentType: string,
  realSchema: string | undefined,
  schemaPointer: string,
  defPointer: string,
  resolve: (ref: string) => unknown,
): Recipe | RecipeFinding {
  if (mediaKind(contentType) === 'other') {
    // The fix is the media type of this response, not the schema: point there.
    return {
      pointer: `${defPointer}/content/${escapePointerToken(contentType)}`,
      message: `documented only as ${contentType}, which faultline cannot render error bodies as`,
      fix: 'document the error as application/json, application/problem+json or text/plain',
      uses: [],
    };
  }
  const schema = realSchema ? resolveLocal(doc, valueAt(doc, realSchema)) : undefined;
  const result = buildBodyRecipe(schema, contentType, { resolve, pointer: schemaPointer });
  if (result.ok) return result.recipe;
  return {
    pointer: result.pointer,
    message: `no ${contentType} body valid against this error schema can be built: ${result.message}`,
    fix: result.fix,
    uses: [],
  };
}

/** Where the response is written: `#/components/responses/NotFound` or the operation's own entry. */
export function definitionPointer(response: ModelResponse): string {
  return response.component !== undefined ? `#/components/responses/${escapePointerToken(response.component)}` : response.pointer;
}

/** The media type's `example`, else its first `examples` entry with a `value`. */
function exampleOf(doc: Obj, defPointer: string, contentType: string): unknown {
  const response = resolveLocal(doc, valueAt(doc, defPointer)) as Obj | undefined;
  const media = resolveLocal(doc, (response?.content as Obj | undefined)?.[contentType]) as Obj | undefined;
  if (!media || typeof media !== 'object') return undefined;
  if (media.example !== undefined) return media.example;
  for (const entry of Object.values((media.examples as Obj | undefined) ?? {})) {
    const value = (resolveLocal(doc, entry) as Obj | undefined)?.value;
    if (value !== undefined) return value;
  }
  return undefined;
}
