/**
 * Rules about the body of error responses. faultline builds every error body from the documented
 * schema, so a missing schema leaves the service nothing to validate against, and a status whose
 * body differs between operations forces clients to parse the same status in several ways.
 */
import { escapePointerToken } from '../../diagnostics.js';
import { createFingerprinter } from '../../model/schema-fingerprint.js';
import { describeSchema, describeUsers, errorResponseDefinitions, statusesOf, type ErrorResponseDefinition } from '../error-responses.js';
import type { LintContext, RawFinding, Rule } from '../types.js';

export const errorWithoutSchema: Rule = {
  id: 'error-without-schema',
  defaultSetting: 'error',
  description: 'every error response has content with a schema',
  check: (ctx) => errorResponseDefinitions(ctx.operations).flatMap(missingSchema),
};

function missingSchema(def: ErrorResponseDefinition): RawFinding[] {
  const { response } = def;
  const where = `the ${statusesOf(def.uses)} response of ${describeUsers(def.uses)}`;
  if (response.contents.length === 0) {
    return [
      {
        pointer: def.pointer,
        message: `${where} has no content, so clients cannot tell what went wrong`,
        fix: "add `content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } }`",
      },
    ];
  }
  const content = response.errorContent;
  if (content && content.schemaPointer === undefined) {
    return [
      {
        pointer: `${def.pointer}/content/${escapePointerToken(content.contentType)}`,
        message: `${where} declares ${content.contentType} without a schema`,
        fix: 'add a `schema` to the media type',
      },
    ];
  }
  return [];
}

export const inconsistentErrorSchema: Rule = {
  id: 'inconsistent-error-schema',
  defaultSetting: 'warn',
  description: 'the same error status uses the same body schema in every operation',
  check: checkConsistency,
};

type Use = ErrorResponseDefinition['uses'][number];
/** One body shape seen for a status, with the definitions that have it and how often they are used. */
interface Variant {
  defs: ErrorResponseDefinition[];
  uses: Use[];
}

function checkConsistency(ctx: LintContext): RawFinding[] {
  const fingerprint = createFingerprinter(ctx.document);
  const byStatus = new Map<string, Map<string, Variant>>();
  for (const def of errorResponseDefinitions(ctx.operations)) {
    const content = def.response.errorContent;
    if (!content?.schemaPointer) continue; // error-without-schema reports these
    // Content type is part of the contract: a client parses problem+json and json differently.
    const key = `${content.contentType} ${fingerprint(ctx.resolve(content.schemaPointer))}`;
    for (const use of def.uses) {
      const variants = byStatus.get(use.status) ?? new Map<string, Variant>();
      byStatus.set(use.status, variants);
      const variant = variants.get(key) ?? { defs: [], uses: [] };
      variants.set(key, variant);
      if (!variant.defs.includes(def)) variant.defs.push(def);
      variant.uses.push(use);
    }
  }
  const findings: RawFinding[] = [];
  for (const [status, variants] of byStatus) {
    if (variants.size < 2) continue;
    // The most used shape is taken as the intended one; ties go to the first seen (model order).
    const [usual, ...others] = [...variants.values()].sort((a, b) => b.uses.length - a.uses.length);
    for (const variant of others) {
      for (const def of variant.defs) findings.push(outlier(status, def, variant, usual, variants.size));
    }
  }
  return findings;
}

function outlier(status: string, def: ErrorResponseDefinition, mine: Variant, usual: Variant, count: number): RawFinding {
  const content = def.response.errorContent!;
  const theirs = usual.defs[0].response.errorContent!;
  const users = mine.uses.filter((u) => u.status === status && def.uses.includes(u));
  const n = usual.uses.length;
  return {
    pointer: def.pointer,
    message:
      `${status} responses use ${count} different body schemas: ` +
      `here ${describeSchema(content.schemaPointer)} (${content.contentType}, used by ${describeUsers(users)}), ` +
      `but ${n} operation${n === 1 ? ' uses' : 's use'} ${describeSchema(theirs.schemaPointer)} (${theirs.contentType})`,
    fix: `use one schema for every ${status} response, e.g. a shared response under components/responses`,
  };
}
