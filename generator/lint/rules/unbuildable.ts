/**
 * error-body-unbuildable: the generator must build every error body from its schema; when no valid
 * body exists, `generate` stops. Lint reports the same findings earlier: both read them from the
 * model (generator/model/recipe/responses.ts), built from the same document, so they never disagree.
 *
 * error-code-meaning: a code-like enum (`code`, `type`, gRPC `status`) with no value that says what
 * a documented status means, so that status renders a neutral or first value instead.
 */
import { statusesOf } from '../error-responses.js';
import { usedBy } from '../../model/recipe/diagnostics.js';
import type { RecipeFinding } from '../../model/recipe/responses.js';
import type { RawFinding, Rule } from '../types.js';

export const errorBodyUnbuildable: Rule = {
  id: 'error-body-unbuildable',
  defaultSetting: 'error',
  description: 'a valid error body can be built from every error schema',
  check: (ctx) => ctx.errorRecipes.unbuildable.map((f) => finding(f, `no valid ${statusesOf(f.uses)} body can be built`)),
};

export const errorCodeMeaning: Rule = {
  id: 'error-code-meaning',
  defaultSetting: 'warn',
  description: 'every documented error status has a code-like enum value that means it',
  check: (ctx) => ctx.errorRecipes.meaningless.map((f) => finding(f, 'no code that means this status')),
};

function finding(f: RecipeFinding, lead: string): RawFinding {
  return { pointer: f.pointer, message: `${lead} (${usedBy(f)}): ${f.message}`, fix: f.fix };
}
