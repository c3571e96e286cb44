/**
 * `oneOf` demands that a body match exactly one branch, so after choosing a branch the builder
 * must prove that every other branch rejects whatever the recipe can render, for every Problem.
 * Rendered strings vary with the Problem, so the proof works on an abstract value: constants are
 * exact, slots are "some string" (or one of an enum), and optional properties may be absent.
 */
import type { Recipe } from '../../../templates/runtime/recipe.js';
import { definitelyInvalid } from './check.js';
import { allows, itemShape, propertyShape, type Shape, type ShapeContext } from './shape.js';

export type Abstract =
  | { t: 'const'; value: unknown }
  | { t: 'string'; enum?: string[] }
  | { t: 'status' }
  | { t: 'array'; item?: Abstract; nonEmpty: boolean }
  | { t: 'object'; props: { name: string; value: Abstract; always: boolean }[] }
  | { t: 'union'; options: Abstract[] };

export function describe(recipe: Recipe): Abstract {
  switch (recipe.kind) {
    case 'const':
      return { t: 'const', value: recipe.value };
    case 'status':
      if (recipe.enum?.length === 1) return { t: 'const', value: recipe.enum[0] };
      return recipe.as === 'string' ? { t: 'string' } : { t: 'status' };
    case 'slot':
    case 'issue':
      return { t: 'string', enum: recipe.enum };
    case 'join':
      return { t: 'string' };
    case 'issuePath':
      return { t: 'array', nonEmpty: recipe.withLocation };
    case 'object':
      return {
        t: 'object',
        props: recipe.props.map((p) => ({ name: p.name, value: describe(p.value), always: !p.optional && alwaysPresent(p.value) })),
      };
    case 'issues':
      return { t: 'array', item: describe(recipe.item), nonEmpty: recipe.synthesize || (recipe.minItems ?? 0) > 0 };
    case 'choice':
      return { t: 'union', options: [describe(recipe.whenIssues), describe(recipe.otherwise)] };
    case 'flag':
      return {
        t: 'union',
        options: [
          { t: 'const', value: true },
          { t: 'const', value: false },
        ],
      };
  }
}

/** A string slot renders nothing when the Problem lacks the value or it breaks enum/format and no fallback exists. */
function alwaysPresent(recipe: Recipe): boolean {
  if (recipe.kind !== 'slot' && recipe.kind !== 'issue') return true;
  if (recipe.fallback !== undefined) return true;
  if (recipe.enum || recipe.format) return false;
  return recipe.kind === 'issue' || ['title', 'detail', 'code', 'timestamp'].includes(recipe.slot);
}

/** True only when `shape` rejects every value `value` can stand for. */
export function rejects(shape: Shape, value: Abstract, ctx: ShapeContext): boolean {
  if (shape.impossible) return true;
  switch (value.t) {
    case 'const':
      return definitelyInvalid(shape, value.value, ctx);
    case 'union':
      return value.options.every((o) => rejects(shape, o, ctx));
    case 'string':
      if (!allows(shape, 'string')) return true;
      if (value.enum) return value.enum.every((v) => definitelyInvalid(shape, v, ctx));
      return enumExcludes(shape, (v) => typeof v === 'string');
    case 'status':
      return !allows(shape, 'integer') || enumExcludes(shape, (v) => typeof v === 'number');
    case 'array':
      if (!allows(shape, 'array')) return true;
      return value.nonEmpty && value.item !== undefined && shape.items.length > 0 && rejects(itemShape(shape, ctx), value.item, ctx);
    case 'object':
      return rejectsObject(shape, value, ctx);
  }
}

function enumExcludes(shape: Shape, fits: (v: unknown) => boolean): boolean {
  if (shape.const) return !fits(shape.const.value);
  return shape.enum !== undefined && !shape.enum.some(fits);
}

function rejectsObject(shape: Shape, value: Extract<Abstract, { t: 'object' }>, ctx: ShapeContext): boolean {
  if (!allows(shape, 'object')) return true;
  const always = value.props.filter((p) => p.always);
  if (shape.required.some((r) => !always.some((p) => p.name === r))) return true;
  if (always.some((p) => !shape.closedTo.every((set) => set.has(p.name)))) return true;
  return always.some((p) => shape.properties.has(p.name) && rejects(propertyShape(shape, p.name, ctx), p.value, ctx));
}
