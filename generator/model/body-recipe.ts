/**
 * Works out, at generation time, how a generated service turns a Problem into a body that
 * validates against the error schema an operation documents: every error a client receives is
 * one the spec documents, with a body valid against its schema.
 *
 * The result is a Recipe: plain JSON that `renderBody` (templates/runtime/render-body.ts) follows
 * on every error response. When no valid body can be built the result names the JSON pointer and
 * the fix, and the model turns it into a NO_ERROR_BODY diagnostic.
 *
 * Parts: recipe/shape.ts (normalize schemas), recipe/slot-properties.ts (which property feeds which slot),
 * recipe/leaf.ts (status, strings, paths), recipe/build.ts (objects, lists, unions),
 * recipe/check.ts and recipe/prove.ts (conservative validity checks).
 */
import type { Recipe } from '../../templates/runtime/recipe.js';
import { build } from './recipe/build.js';
import { defaultProblem, textRecipe } from './recipe/defaults.js';
import type { BuildContext } from './recipe/leaf.js';
import { ShapeError, toShape } from './recipe/shape.js';

export type { Recipe } from '../../templates/runtime/recipe.js';

export interface RecipeContext {
  /** Resolves a local `$ref` such as `#/components/schemas/Error` in the bundled document. */
  resolve(ref: string): unknown;
  /** JSON pointer of the schema, for diagnostics. */
  pointer: string;
}

export type RecipeResult = { ok: true; recipe: Recipe; notes: string[] } | { ok: false; pointer: string; message: string; fix: string };

type MediaKind = 'json' | 'text' | 'other';

export function mediaKind(contentType: string): MediaKind {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json') || type === '*/*' || type === 'application/*') return 'json';
  if (type.startsWith('text/')) return 'text';
  return 'other';
}

export function buildBodyRecipe(schema: unknown, contentType: string, ctx: RecipeContext): RecipeResult {
  const kind = mediaKind(contentType);
  if (kind === 'other') {
    return {
      ok: false,
      pointer: ctx.pointer,
      message: `faultline cannot render error bodies as ${contentType}`,
      fix: 'document the error as application/json, application/problem+json or text/plain',
    };
  }
  // The schema's own pointer counts as an ancestor, so `E.cause: {$ref: E}` is caught at once.
  const bc: BuildContext = {
    shapes: { resolve: (ref) => ctx.resolve(ref) },
    notes: [],
    ancestors: ctx.pointer.startsWith('#/') ? [ctx.pointer] : [],
  };
  try {
    if (schema === undefined) {
      bc.notes.push(`${ctx.pointer}: no schema; renders ${kind === 'json' ? 'an RFC 9457 problem object' : 'plain text'}`);
      return done(kind === 'json' ? { ok: true, recipe: defaultProblem() } : textRecipe(undefined, bc), bc, ctx.pointer);
    }
    const shape = toShape(schema, ctx.pointer, bc.shapes);
    const outcome = kind === 'text' ? textRecipe(shape, bc) : build(shape, { scope: 'problem', required: true, root: true }, bc, 0);
    return done(outcome, bc, ctx.pointer);
  } catch (err) {
    if (err instanceof ShapeError) return { ok: false, pointer: err.pointer, message: err.message, fix: err.fix };
    throw err;
  }
}

function done(outcome: ReturnType<typeof build>, bc: BuildContext, pointer: string): RecipeResult {
  if (!outcome.ok) return outcome;
  let recipe = showsMessage(outcome.recipe) ? outcome.recipe : synthesizeIssues(outcome.recipe);
  if (!JSON.stringify(recipe).includes('"kind":"issues"')) {
    recipe = summarizeIssues(recipe);
    bc.notes.push(`${pointer}: the schema has no list for validation issues; the message carries a short summary of them`);
  }
  return { ok: true, recipe, notes: [...new Set(bc.notes)] };
}

/**
 * With no list to hold them, validation issues are summarized in the message slot (`detail`, else
 * `title`, else any free message-like slot): `body.email: is required; query.limit: must be <= 100`.
 */
function summarizeIssues(recipe: Recipe): Recipe {
  for (const slot of ['detail', 'title'] as const) {
    let done = false;
    const mark = (r: Recipe): Recipe => {
      if (done) return r;
      if (r.kind === 'slot' && r.slot === slot && !r.enum) {
        done = true;
        return { ...r, summary: true };
      }
      if (r.kind === 'object') return { ...r, props: r.props.map((p) => ({ ...p, value: mark(p.value) })) };
      if (r.kind === 'choice') return { ...r, otherwise: mark(r.otherwise) };
      return r;
    };
    const marked = mark(recipe);
    if (done) return marked;
  }
  return recipe;
}

/** Whether the message reaches the body outside issue lists (else lists must not be empty). */
function showsMessage(recipe: Recipe): boolean {
  switch (recipe.kind) {
    case 'slot':
      return recipe.slot === 'detail' || recipe.slot === 'title';
    case 'object':
      return recipe.props.some((p) => showsMessage(p.value));
    case 'join':
      return recipe.parts.some(showsMessage);
    case 'choice':
      return showsMessage(recipe.otherwise);
    default:
      return false;
  }
}

/**
 * `{errors: [...]}` and RealWorld's `{errors: {body: [...]}}` have nowhere else to put the
 * message, so a 404 renders the problem itself as the one issue instead of an empty list.
 */
function synthesizeIssues(recipe: Recipe): Recipe {
  switch (recipe.kind) {
    case 'issues':
      return { ...recipe, synthesize: true };
    case 'object':
      return { ...recipe, props: recipe.props.map((p) => ({ ...p, value: synthesizeIssues(p.value) })) };
    default:
      return recipe;
  }
}
