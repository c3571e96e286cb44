/**
 * The recipe findings as `generate` reports them: a schema no valid body can be built from stops
 * generation (NO_ERROR_BODY); a code-like field with no value for a status is a warning. `lint`
 * reports the same findings as its error-body-unbuildable and error-code-meaning rules.
 */
import type { Diagnostic } from '../../diagnostics.js';
import type { ErrorRecipes, RecipeFinding } from './responses.js';

type Problem = Omit<Diagnostic, 'file' | 'line'>;

export function recipeDiagnostics(recipes: ErrorRecipes): Problem[] {
  return [
    ...recipes.unbuildable.map((f) => ({
      code: 'NO_ERROR_BODY',
      severity: 'error' as const,
      pointer: f.pointer,
      message: `${f.message} (${usedBy(f)})`,
      fix: f.fix,
    })),
    ...recipes.meaningless.map((f) => ({
      code: 'CODE_WITHOUT_MEANING',
      severity: 'warning' as const,
      pointer: f.pointer,
      message: `${f.message} (${usedBy(f)})`,
      fix: f.fix,
    })),
  ];
}

/** "used by GET /a" or "used by GET /a and 12 other operations". */
export function usedBy(finding: Pick<RecipeFinding, 'uses'>): string {
  const keys = [...new Set(finding.uses.map((u) => u.operation.key))];
  const others = keys.length - 1;
  return `used by ${keys[0]}${others > 0 ? ` and ${others} other operation${others === 1 ? '' : 's'}` : ''}`;
}
