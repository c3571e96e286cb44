/**
 * Recipes that need no schema: the problem+json body used when a response documents content
 * without a schema (or with `{}`), and text bodies for `text/*` content and string schemas.
 * Functions, not constants, so no caller can change a shared tree.
 */
import type { Recipe } from '../../../templates/runtime/recipe.js';
import { fail, fixedOrNeutral, type BuildContext, type Outcome } from './leaf.js';
import { allows, type Shape } from './shape.js';

/** RFC 9457 members plus `code`, `requestId` and an `errors` list like the RFC's own example. */
export function defaultProblem(): Recipe {
  return {
    kind: 'object',
    props: [
      { name: 'type', value: { kind: 'slot', slot: 'type', format: 'uri', fallback: 'about:blank' }, optional: false },
      { name: 'title', value: { kind: 'slot', slot: 'title' }, optional: false },
      { name: 'status', value: { kind: 'status', as: 'integer' }, optional: false },
      { name: 'detail', value: { kind: 'slot', slot: 'detail' }, optional: false },
      { name: 'instance', value: { kind: 'slot', slot: 'instance' }, optional: true },
      { name: 'code', value: { kind: 'slot', slot: 'code' }, optional: false },
      { name: 'requestId', value: { kind: 'slot', slot: 'requestId' }, optional: true },
      { name: 'errors', value: { kind: 'issues', item: defaultIssue(), synthesize: false }, optional: true },
    ],
  };
}

export function defaultIssue(): Recipe {
  return {
    kind: 'object',
    props: [
      { name: 'detail', value: { kind: 'issue', field: 'message' }, optional: false },
      { name: 'pointer', value: { kind: 'issue', field: 'pointer' }, optional: false },
      { name: 'location', value: { kind: 'issue', field: 'location' }, optional: false },
      { name: 'code', value: { kind: 'issue', field: 'code' }, optional: false },
    ],
  };
}

/**
 * A string body or a string issue: "Title: detail" then one "body.email: message" line per
 * issue, or for an issue item just "body.email: message". Limits become cut/pad rules; a
 * pattern, enum or format cannot be met by free text, so the value is fixed from the spec.
 */
export function textRecipe(shape: Shape | undefined, bc: BuildContext, asIssue = false): Outcome {
  if (shape?.types && !allows(shape, 'string')) {
    return fail(
      shape.pointer,
      `text content needs a string schema, not ${shape.types.join(' or ')}`,
      'use `type: string` or a JSON media type',
    );
  }
  if (
    shape &&
    (shape.const || shape.enum || shape.patterns.length || shape.formats.length || shape.unsupported.length || shape.not.length)
  ) {
    return fixedOrNeutral(shape, bc, 'free text cannot meet its const/enum/pattern/format');
  }
  const issueLine: Recipe = {
    kind: 'join',
    parts: [
      { kind: 'issue', field: 'where' },
      { kind: 'issue', field: 'message' },
    ],
    separator: ': ',
  };
  const recipe: Recipe = asIssue
    ? issueLine
    : {
        kind: 'join',
        separator: '\n',
        parts: [
          {
            kind: 'join',
            parts: [
              { kind: 'slot', slot: 'title' },
              { kind: 'slot', slot: 'detail' },
            ],
            separator: ': ',
          },
          { kind: 'issues', item: issueLine, synthesize: false },
        ],
      };
  if (recipe.kind === 'join' && shape?.maxLength !== undefined) recipe.maxLength = shape.maxLength;
  if (recipe.kind === 'join' && shape?.minLength) recipe.minLength = shape.minLength;
  return { ok: true, recipe };
}
