/**
 * The recursive part of the recipe builder: objects, issue lists and unions. A property feeds a
 * slot when its name says so (slot-properties.ts); required properties that feed nothing are filled with a
 * constant; optional ones are left out unless they hold slots.
 */
import type { Recipe, RecipeProp } from '../../../templates/runtime/recipe.js';
import { buildIssuePath, buildStatus, buildString, fail, fixedOrNeutral, type BuildContext, type Outcome } from './leaf.js';
import { hintFor, isEnvelope, type Hint, type Scope } from './slot-properties.js';
import { RETRYABLE_STATUSES } from './meanings.js';
import { certainlyValid } from './check.js';
import { describe, rejects } from './prove.js';
import { allows, emptyShape, itemShape, mayHave, mergeShapes, propertyShape, toShape, type Shape } from './shape.js';
import { defaultIssue, defaultProblem, textRecipe } from './defaults.js';

export interface Place {
  scope: Scope;
  /** The property name, which decides the slot. */
  name?: string;
  required: boolean;
  root?: boolean;
  /** Inside `errors: {body: [...]}` (RealWorld): every list is an issue list. */
  container?: boolean;
}

const MAX_NESTING = 24;

export function build(shape: Shape, place: Place, bc: BuildContext, depth: number): Outcome {
  // Recursion ends here rather than at the depth limit: an optional recursive property (`cause`,
  // `errors: Error[]`) is dropped at once, and two of them cannot multiply into 2^depth work.
  const loop = shape.refs.find((r) => bc.ancestors.includes(r));
  if (loop)
    return fail(
      shape.pointer,
      `the error schema contains itself through ${loop}, so the body would never end`,
      'make the recursive property optional',
    );
  bc.ancestors.push(...shape.refs);
  try {
    return buildShape(shape, place, bc, depth);
  } finally {
    bc.ancestors.length -= shape.refs.length;
  }
}

function buildShape(shape: Shape, place: Place, bc: BuildContext, depth: number): Outcome {
  if (depth > MAX_NESTING) {
    return fail(
      shape.pointer,
      `the error schema nests deeper than ${MAX_NESTING} levels (is a required property recursive?)`,
      'make the recursive property optional',
    );
  }
  if (shape.impossible)
    return fail(shape.pointer, `no value can satisfy this schema: ${shape.impossible}`, 'remove the contradiction from the schema');
  if (shape.const || shape.unsupported.length)
    return fixedOrNeutral(shape, bc, shape.unsupported.length ? `it uses ${shape.unsupported.join(', ')}` : undefined);
  if (shape.oneOf.length || shape.anyOf.length) return buildUnion(shape, place, bc, depth);
  if (shape.not.length) return buildWithNot(shape, place, bc, depth);
  const hint = hintOf(shape, place);
  if (hint) return buildHinted(shape, hint, place, bc, depth);
  if (allows(shape, 'object') && (shape.types || shape.properties.size || place.root)) return buildObject(shape, place, bc, depth);
  if (place.root && shape.types && allows(shape, 'array')) return buildIssues(shape, place, bc, depth, true);
  if (place.root && allows(shape, 'string')) return textRecipe(shape, bc);
  if (place.root) {
    return fail(
      shape.pointer,
      `a ${shape.types?.join(' or ')} body cannot carry an error`,
      `use an object schema with a \`message\` property, or \`type: string\``,
    );
  }
  return fixedOrNeutral(shape, bc);
}

function hintOf(shape: Shape, place: Place): Hint | undefined {
  if (place.container && allows(shape, 'array') && shape.types) return { to: 'issues' };
  return place.name === undefined ? undefined : hintFor(place.name, shape, place.scope);
}

function buildHinted(shape: Shape, hint: Hint, place: Place, bc: BuildContext, depth: number): Outcome {
  switch (hint.to) {
    case 'status':
      return buildStatus(shape, bc, place.required);
    case 'flag':
      // Only a boolean free to be either value can follow the status; else it is a constant.
      if (certainlyValid(shape, true, bc.shapes) && certainlyValid(shape, false, bc.shapes))
        return { ok: true, recipe: { kind: 'flag', statuses: [...RETRYABLE_STATUSES] } };
      return fixedOrNeutral(shape, bc);
    case 'slot':
      return buildString(shape, { kind: 'slot', slot: hint.slot }, place.required, bc);
    case 'issue':
      return buildString(shape, { kind: 'issue', field: hint.field }, place.required, bc);
    case 'issuePath':
      return buildIssuePath(shape, hint.withLocation, bc);
    case 'issues':
      if (allows(shape, 'array') && shape.types?.includes('array')) return buildIssues(shape, place, bc, depth, false);
      return buildObject(shape, { ...place, container: true }, bc, depth);
  }
}

export function buildObject(shape: Shape, place: Place, bc: BuildContext, depth: number): Outcome {
  if (!allows(shape, 'object')) return fixedOrNeutral(shape, bc);
  const open = !shape.properties.size && !shape.required.length && !shape.closedTo.length && !shape.additional.length;
  // An open object with nothing declared: the root or an issue item gets the standard shape; a
  // named property such as Xero's `modelState: {type: object}` carries nothing and renders {}.
  if (open && !place.container && place.name === undefined)
    return { ok: true, recipe: place.scope === 'problem' ? defaultProblem() : defaultIssue() };
  const names = [...shape.properties.keys(), ...shape.required.filter((r) => !shape.properties.has(r))];
  const props: RecipeProp[] = [];
  for (const name of names) {
    const required = shape.required.includes(name);
    if (!mayHave(shape, name)) {
      if (required)
        return fail(
          shape.pointer,
          `"${name}" is required but additionalProperties: false does not allow it`,
          `declare "${name}" under properties or remove it from required`,
        );
      continue;
    }
    const sub = propertyShape(shape, name, bc.shapes);
    // Nothing invented: an optional property is built only when its name says it holds one of
    // the error's facts (a slot, the status, the issues) or the error itself (`error: {...}`).
    // Required structure is built whatever its name, but holds only required members and named facts.
    if (!required && !(hintFor(name, sub, place.scope) || place.container || isEnvelope(name, place.scope))) continue;
    const r = build(sub, { scope: place.scope, name, required, container: place.container }, bc, depth + 1);
    if (required) {
      if (!r.ok) return r;
      props.push({ name, value: r.recipe, optional: false });
    } else if (r.ok && carriesProblem(r.recipe)) {
      props.push({ name, value: r.recipe, optional: true });
    } else if (!r.ok && hintFor(name, sub, place.scope)) {
      bc.notes.push(`${r.pointer}: optional property left out (${r.message})`);
    }
  }
  if (
    props.filter((p) => !p.optional).length > (shape.maxProperties ?? Infinity) ||
    (shape.minProperties ?? 0) > props.filter((p) => !p.optional).length
  ) {
    return fail(
      shape.pointer,
      'minProperties/maxProperties cannot be met by the documented properties',
      'relax minProperties/maxProperties or mark properties required',
    );
  }
  return { ok: true, recipe: { kind: 'object', props } };
}

/** Whether a recipe renders anything from the Problem (else an optional property is noise). */
export function carriesProblem(recipe: Recipe): boolean {
  switch (recipe.kind) {
    case 'const':
      return false;
    case 'object':
      return recipe.props.some((p) => carriesProblem(p.value));
    case 'choice':
      return true;
    case 'join':
      return recipe.parts.some(carriesProblem);
    default:
      return true;
  }
}

function buildIssues(shape: Shape, _place: Place, bc: BuildContext, depth: number, synthesize: boolean): Outcome {
  const item = itemShape(shape, bc.shapes);
  const minItems = shape.minItems && shape.minItems > 0 ? shape.minItems : undefined;
  if (shape.uniqueItems && (minItems ?? 0) > 1)
    return fail(shape.pointer, 'uniqueItems with minItems > 1 cannot be met by one error', 'lower minItems to 1');
  let itemRecipe: Outcome;
  if (!item.properties.size && allows(item, 'string') && !item.types?.includes('object')) {
    itemRecipe = textRecipe(item, bc, true);
  } else {
    itemRecipe = build(item, { scope: 'issue', required: true, root: false }, bc, depth + 1);
    if (itemRecipe.ok && itemRecipe.recipe.kind === 'const' && !item.types) itemRecipe = { ok: true, recipe: defaultIssue() };
  }
  if (!itemRecipe.ok) return itemRecipe;
  const recipe: Recipe = { kind: 'issues', item: itemRecipe.recipe, synthesize: synthesize || minItems !== undefined };
  if (minItems !== undefined) recipe.minItems = minItems;
  if (shape.maxItems !== undefined) recipe.maxItems = shape.maxItems;
  if (shape.uniqueItems) recipe.unique = true;
  return { ok: true, recipe };
}

function buildWithNot(shape: Shape, place: Place, bc: BuildContext, depth: number): Outcome {
  const r = build({ ...shape, not: [], refs: [] }, place, bc, depth);
  if (!r.ok) return r;
  const value = describe(r.recipe);
  const proven = shape.not.every((n, i) => rejects(toShape(n, `${shape.pointer}/not/${i}`, bc.shapes), value, bc.shapes));
  // `not: S` holds when S rejects the value; `rejects` proving that is exactly what we need.
  return proven ? r : fixedOrNeutral(shape, bc, 'faultline cannot prove the body avoids its `not` schema');
}

/**
 * oneOf/anyOf: FastAPI's `string | Issue[]` becomes a choice; otherwise the branch that carries
 * the most of the Problem wins, provided (for oneOf) every other branch provably rejects it.
 */
function buildUnion(shape: Shape, place: Place, bc: BuildContext, depth: number): Outcome {
  const isOneOf = shape.oneOf.length > 0;
  const list = (isOneOf ? shape.oneOf[0] : shape.anyOf[0])!;
  const base: Shape = isOneOf ? { ...shape, oneOf: shape.oneOf.slice(1) } : { ...shape, anyOf: shape.anyOf.slice(1) };
  const where = `${shape.pointer}/${isOneOf ? 'oneOf' : 'anyOf'}`;
  const raw = list.map((b, i) => toShape(b, `${where}/${i}`, bc.shapes));
  const branches = raw.map((b) => ({ ...mergeShapes(base, b), refs: b.refs }));
  const exclusive = (recipe: Recipe, chosen: number[]) =>
    !isOneOf || raw.every((b, j) => chosen.includes(j) || rejects(b, describe(recipe), bc.shapes));
  const choice = buildChoice(branches, place, bc, depth);
  if (choice && exclusive(choice.recipe, choice.chosen)) return { ok: true, recipe: choice.recipe };
  const tried = branches.map((b, i) => ({ i, r: build(b, place, bc, depth + 1) }));
  const ok = tried
    .filter((t): t is { i: number; r: Extract<Outcome, { ok: true }> } => t.r.ok)
    .sort((x, y) => score(y.r.recipe) - score(x.r.recipe) || x.i - y.i);
  const pick = ok.find((t) => exclusive(t.r.recipe, [t.i]));
  if (pick) return pick.r;
  // GitHub's `oneOf [validation-error, validation-error-simple]` differ only in their optional
  // `errors` items; always rendering a non-empty list makes the chosen branch provably unique.
  const forced = ok.map((t) => ({ i: t.i, recipe: alwaysList(t.r.recipe) })).find((t) => exclusive(t.recipe, [t.i]));
  if (forced) {
    bc.notes.push(
      `${where}/${forced.i}: issue lists always rendered (the problem itself when there are no issues) so only this branch matches`,
    );
    return { ok: true, recipe: forced.recipe };
  }
  if (ok.length) {
    return fail(
      shape.pointer,
      'faultline cannot prove that only one oneOf branch matches the error body',
      `add a discriminating property (a \`const\` or a required name) to the branches of ${where}, or use anyOf`,
    );
  }
  return tried[0]?.r ?? fail(shape.pointer, 'empty oneOf/anyOf', 'list at least one branch');
}

function buildChoice(branches: Shape[], place: Place, bc: BuildContext, depth: number): { recipe: Recipe; chosen: number[] } | undefined {
  const hint = place.name ? hintFor(place.name, emptyShape(''), place.scope) : undefined;
  const textual = place.root || hint?.to === 'issues' || (hint?.to === 'slot' && ['detail', 'title'].includes(hint.slot));
  if (!textual) return undefined;
  const textIdx = branches.findIndex((b) => b.types?.includes('string') && !b.types.includes('array'));
  const listIdx = branches.findIndex((b) => b.types?.includes('array') && !b.types.includes('string'));
  if (textIdx < 0 || listIdx < 0) return undefined;
  const text = place.root
    ? textRecipe(branches[textIdx]!, bc)
    : buildString(branches[textIdx]!, { kind: 'slot', slot: 'detail' }, true, bc);
  const list = buildIssues(branches[listIdx]!, place, bc, depth + 1, false);
  if (!text.ok || !list.ok) return undefined;
  return { recipe: { kind: 'choice', whenIssues: list.recipe, otherwise: text.recipe }, chosen: [textIdx, listIdx] };
}

/** Optional issue lists made required and never empty. */
function alwaysList(recipe: Recipe): Recipe {
  if (recipe.kind === 'issues') return { ...recipe, synthesize: true };
  if (recipe.kind !== 'object') return recipe;
  return {
    kind: 'object',
    props: recipe.props.map((p) =>
      p.value.kind === 'issues' ? { ...p, optional: false, value: alwaysList(p.value) } : { ...p, value: alwaysList(p.value) },
    ),
  };
}

/** How much of the Problem a recipe shows; the message and the issues count most. */
export function score(recipe: Recipe): number {
  switch (recipe.kind) {
    case 'const':
      return 0;
    case 'slot':
      return recipe.slot === 'detail' || recipe.slot === 'title' ? 3 : 1;
    case 'issues':
      return 3 + score(recipe.item);
    case 'object':
      return recipe.props.reduce((n, p) => n + score(p.value), 0);
    case 'choice':
      return 2 + Math.max(score(recipe.whenIssues), score(recipe.otherwise));
    case 'join':
      return 3;
    default:
      return 1;
  }
}
