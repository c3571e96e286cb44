/**
 * A documented example body is the template of its response: where it shows a constant in a
 * code-like place (a `type` URI, a `code`), that value is what this status renders, unless the
 * handler names its own code. The caller has checked that the example validates against the
 * schema; values whose words contradict the status (a copied 400 example under a 404) are ignored.
 */
import type { Recipe } from '../../../templates/runtime/recipe.js';
import { contradicts } from './meanings.js';

type Obj = Record<string, unknown>;

export function applyExample(recipe: Recipe, example: unknown, status: number): Recipe {
  if (recipe.kind === 'choice') return { ...recipe, otherwise: applyExample(recipe.otherwise, example, status) };
  if (recipe.kind !== 'object' || !example || typeof example !== 'object' || Array.isArray(example)) return recipe;
  const ex = example as Obj;
  return {
    ...recipe,
    props: recipe.props.map((p) => (Object.hasOwn(ex, p.name) ? { ...p, value: fromExample(p.value, ex[p.name], status) } : p)),
  };
}

function fromExample(recipe: Recipe, value: unknown, status: number): Recipe {
  if (recipe.kind === 'object' || recipe.kind === 'choice') return applyExample(recipe, value, status);
  if (recipe.kind !== 'slot' || typeof value !== 'string' || !value) return recipe;
  if (recipe.slot === 'code' || (recipe.enum && (recipe.slot === 'type' || recipe.slot === 'title'))) {
    if (contradicts(value, status) || (recipe.enum && !recipe.enum.includes(value))) return recipe;
    return { ...recipe, byStatus: { ...recipe.byStatus, [String(status)]: value } };
  }
  // A problem type URI: rendered whenever the service names no type of its own.
  if (recipe.slot === 'type') return { ...recipe, fallback: value };
  return recipe;
}
