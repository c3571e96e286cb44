/**
 * A closed branch in an `allOf`: `additionalProperties: false` only sees the properties declared
 * beside it, never those of the other branches. So `Order: allOf: [NewOrder (closed), {id}]` refuses
 * every object that carries `id`: if `id` is required, no object is valid, and the generated service
 * answers every request (400) or every response (500) that uses the schema with an error. It is the
 * most common way a spec contradicts itself, and the validator is right to refuse, so lint names it.
 *
 * Conservative by design: a closed branch with `patternProperties`, or an `unevaluatedProperties`
 * branch that uses applicators beyond `allOf`/`$ref`, is skipped (whether a name is allowed would need
 * evaluating them); only properties other branches declare by name are considered.
 */
import { escapePointerToken } from '../../diagnostics.js';
import { asObj, resolveLocal } from '../../load/local-ref.js';
import type { LintContext, RawFinding, Rule } from '../types.js';

type Schema = Record<string, unknown>;

export const allofClosedBranch: Rule = {
  id: 'allof-closed-branch',
  defaultSetting: 'error',
  description: 'no allOf branch with additionalProperties: false forbids properties another branch declares',
  check: (ctx) => {
    const findings: RawFinding[] = [];
    walkSchemas(ctx.document, '#', (schema, pointer) => {
      if (Array.isArray(schema.allOf)) findings.push(...closedBranchFindings(ctx, schema, pointer));
    });
    return findings;
  },
};

/** Every object of the document, once, with its pointer; `$ref`s are not followed (their targets are walked where they live). */
function walkSchemas(node: unknown, pointer: string, visit: (schema: Schema, pointer: string) => void): void {
  if (!node || typeof node !== 'object') return;
  if (!Array.isArray(node)) visit(node as Schema, pointer);
  for (const [key, child] of Object.entries(node)) {
    if (child && typeof child === 'object') walkSchemas(child, `${pointer}/${escapePointerToken(key)}`, visit);
  }
}

function closedBranchFindings(ctx: LintContext, schema: Schema, pointer: string): RawFinding[] {
  const branches = (schema.allOf as unknown[]).map((b) => followRefs(ctx, b));
  const findings: RawFinding[] = [];
  branches.forEach((branch, i) => {
    const allowed = allowedNames(ctx, branch);
    if (!allowed) return;
    const others = [schema, ...branches.filter((_, j) => j !== i)];
    const declared = new Set(others.flatMap((o) => declaredNames(ctx, o, 'properties')));
    const required = new Set(others.flatMap((o) => declaredNames(ctx, o, 'required')));
    const forbidden = [...declared, ...required].filter((name, k, all) => !allowed.has(name) && all.indexOf(name) === k);
    if (forbidden.length === 0) return;
    const mustHave = forbidden.filter((name) => required.has(name));
    const where = `${pointer}/allOf/${i}`;
    const subject = `${schemaName(pointer)}: allOf branch ${i}${refName(schema.allOf as unknown[], i)}`;
    const closedBy = branch.unevaluatedProperties === false ? 'unevaluatedProperties' : 'additionalProperties';
    findings.push({
      pointer: where,
      message: mustHave.length
        ? `${subject} sets ${closedBy}: false, which forbids the required ${list(mustHave)} declared by another branch: no object can be valid, so every request or response using this schema fails validation`
        : `${subject} sets ${closedBy}: false, which forbids ${list(forbidden)} declared by another branch: ${forbidden.length === 1 ? 'it' : 'they'} can never be present`,
      fix:
        `remove ${closedBy}: false from the branch and close the combined schema instead ` +
        '(`unevaluatedProperties: false` beside `allOf`, OpenAPI 3.1), or declare every property in the closed schema',
    });
  });
  return findings;
}

/** `schema Order` for a component, else the pointer: the line number alone does not say which schema. */
function schemaName(pointer: string): string {
  const component = /^#\/components\/schemas\/([^/]+)$/.exec(pointer);
  return component ? `schema ${component[1].replace(/~1/g, '/').replace(/~0/g, '~')}` : `the schema at ${pointer}`;
}

/** ` (NewOrder)` when the branch is a `$ref` to a component schema. */
function refName(branches: unknown[], i: number): string {
  const ref = asObj(branches[i])?.$ref;
  const name = typeof ref === 'string' ? /^#\/components\/schemas\/([^/]+)$/.exec(ref)?.[1] : undefined;
  return name ? ` (${name.replace(/~1/g, '/').replace(/~0/g, '~')})` : '';
}

const list = (names: string[]) => names.map((n) => `'${n}'`).join(', ');

/** A branch as a schema, through its local `$ref`s (`{}` when the chain is broken: an open schema). */
const followRefs = (ctx: LintContext, node: unknown): Schema => asObj(resolveLocal(ctx.document, node));

/** Property names a closed branch lets through, or undefined when the branch is open or too dynamic to judge. */
function allowedNames(ctx: LintContext, branch: Schema): Set<string> | undefined {
  if (branch.additionalProperties === false) {
    if (branch.patternProperties !== undefined) return undefined;
    return new Set(Object.keys(asObj(branch.properties) ?? {}));
  }
  if (branch.unevaluatedProperties === false) {
    // unevaluatedProperties sees what in-place applicators inside the branch evaluated.
    if (usesDynamicApplicators(ctx, branch, 0)) return undefined;
    return new Set(declaredNames(ctx, branch, 'properties'));
  }
  return undefined;
}

const DYNAMIC = ['patternProperties', 'additionalProperties', 'anyOf', 'oneOf', 'if', 'dependentSchemas', '$dynamicRef'];

function usesDynamicApplicators(ctx: LintContext, schema: Schema, depth: number): boolean {
  if (depth > 16 || DYNAMIC.some((k) => schema[k] !== undefined)) return true;
  const parts = Array.isArray(schema.allOf) ? schema.allOf : [];
  return parts.some((p) => usesDynamicApplicators(ctx, followRefs(ctx, p), depth + 1));
}

/** `properties` keys or `required` names of a schema and of its own (nested) allOf branches. */
function declaredNames(ctx: LintContext, schema: Schema, kind: 'properties' | 'required', depth = 0): string[] {
  const own =
    kind === 'properties'
      ? Object.keys(asObj(schema.properties) ?? {})
      : Array.isArray(schema.required)
        ? schema.required.filter((n): n is string => typeof n === 'string')
        : [];
  if (depth > 16 || !Array.isArray(schema.allOf)) return own;
  const nested = schema.allOf.flatMap((p) => declaredNames(ctx, followRefs(ctx, p), kind, depth + 1));
  return [...own, ...nested];
}
