/**
 * error-body-unbuildable: the generator must build every error body from its schema (DESIGN.md,
 * "The promise"); when no valid body exists, `generate` stops. Lint reports the same problem earlier,
 * with the recipe builder's own pointer and fix, so the two commands never disagree.
 */
import { escapePointerToken } from '../../diagnostics.js';
import { buildBodyRecipe, mediaKind } from '../../model/body-recipe.js';
import { describeUsers, errorResponseDefinitions, statusesOf, type ErrorResponseDefinition } from '../error-responses.js';
import type { LintContext, RawFinding, Rule } from '../types.js';

export const errorBodyUnbuildable: Rule = {
  id: 'error-body-unbuildable',
  defaultSetting: 'error',
  description: 'a valid error body can be built from every error schema',
  check: checkBuildable,
};

type Use = ErrorResponseDefinition['uses'][number];

function checkBuildable(ctx: LintContext): RawFinding[] {
  const findings: RawFinding[] = [];
  // The recipe depends only on the schema and the content type: build each pair once.
  const bySchema = new Map<string, { schemaPointer: string; contentType: string; uses: Use[] }>();
  for (const def of errorResponseDefinitions(ctx.operations)) {
    const content = def.response.errorContent;
    if (!content?.schemaPointer) continue; // error-without-schema reports these
    if (mediaKind(content.contentType) === 'other') {
      // The fix is the media type of this response, not the schema: point there.
      findings.push(unrenderable(def, content.contentType));
      continue;
    }
    const key = `${content.contentType} ${content.schemaPointer}`;
    const entry = bySchema.get(key) ?? { schemaPointer: content.schemaPointer, contentType: content.contentType, uses: [] };
    bySchema.set(key, entry);
    entry.uses.push(...def.uses);
  }
  for (const { schemaPointer, contentType, uses } of bySchema.values()) {
    const result = buildBodyRecipe(ctx.resolve(schemaPointer), contentType, { resolve: ctx.resolve, pointer: schemaPointer });
    if (result.ok) continue;
    findings.push({ pointer: result.pointer, message: `no valid ${statusesOf(uses)} body can be built (${contentType}, used by ${describeUsers(uses)}): ${result.message}`, fix: result.fix });
  }
  return findings;
}

function unrenderable(def: ErrorResponseDefinition, contentType: string): RawFinding {
  return {
    pointer: `${def.pointer}/content/${escapePointerToken(contentType)}`,
    message: `the ${statusesOf(def.uses)} response of ${describeUsers(def.uses)} is documented only as ${contentType}, which faultline cannot render error bodies as`,
    fix: 'document the error as application/json, application/problem+json or text/plain',
  };
}
