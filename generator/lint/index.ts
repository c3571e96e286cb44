/**
 * lint: loaded spec -> findings about holes in the error contract. Pure: no console, no exit codes,
 * so the CLI, tests and a future `faultline.config.ts` all call the same function. Severity comes
 * from each rule's default, overridden per rule id (`{ 'create-needs-409': 'off' }`).
 */
import type { LoadedSpec } from '../load/index.js';
import { resolveLocal } from '../load/local-ref.js';
import { valueAt } from '../../templates/runtime/json-pointer.js';
import { buildModel } from '../model/operations.js';
import { buildErrorRecipes } from '../model/recipe/responses.js';
import { RULES, RULE_IDS } from './rules/index.js';
import type { Finding, LintContext, LintResult, LintSummary, Rule, RuleSetting } from './types.js';

export type { Finding, LintResult, LintSummary, RuleSetting } from './types.js';
export { RULES, RULE_IDS } from './rules/index.js';

export interface LintOptions {
  /** Per-rule overrides; ids not listed keep their default. */
  rules?: Record<string, RuleSetting>;
}

const SETTINGS: readonly string[] = ['off', 'warn', 'error'];

/** Problems with a rules object, e.g. from a config file: unknown ids or settings. Empty when valid. */
export function checkRuleSettings(rules: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [id, setting] of Object.entries(rules)) {
    if (!RULE_IDS.includes(id)) problems.push(`unknown lint rule "${id}" (known: ${RULE_IDS.join(', ')})`);
    else if (typeof setting !== 'string' || !SETTINGS.includes(setting))
      problems.push(`rule "${id}" must be off, warn or error, not ${JSON.stringify(setting)}`);
  }
  return problems;
}

export function lint(loaded: LoadedSpec, options: LintOptions = {}): LintResult {
  const overrides = options.rules ?? {};
  const problems = checkRuleSettings(overrides);
  if (problems.length) throw new Error(problems.join('; '));
  const findings: Finding[] = [];
  if (loaded.document) {
    const ctx = contextOf(loaded.document);
    const locate = memoize(loaded.locate);
    for (const rule of RULES) {
      const setting = overrides[rule.id] ?? rule.defaultSetting;
      if (setting === 'off') continue;
      findings.push(...runRule(rule, ctx, setting, locate));
    }
  }
  findings.sort(compareFindings);
  return { findings, summary: summarize(findings) };
}

function contextOf(document: Record<string, unknown>): LintContext {
  const { model } = buildModel(document);
  return {
    document,
    operations: model.operations,
    resolve: (pointer) => resolveLocal(document, valueAt(document, pointer)),
    errorRecipes: buildErrorRecipes(document, model.operations),
  };
}

function runRule(rule: Rule, ctx: LintContext, setting: 'warn' | 'error', locate: LoadedSpec['locate']): Finding[] {
  const severity = setting === 'warn' ? 'warning' : 'error';
  return rule
    .check(ctx)
    .map((raw) => ({ rule: rule.id, severity, ...locate(raw.pointer), pointer: raw.pointer, message: raw.message, fix: raw.fix }));
}

/** Locating walks the YAML tree; many findings share a pointer (the same shared response). */
function memoize(locate: LoadedSpec['locate']): LoadedSpec['locate'] {
  const cache = new Map<string, { file: string; line: number }>();
  return (pointer) => {
    let hit = cache.get(pointer);
    if (!hit) cache.set(pointer, (hit = locate(pointer)));
    return hit;
  };
}

/** file, then line, then rule: output reads top to bottom like the spec. */
function compareFindings(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.pointer.localeCompare(b.pointer) || a.rule.localeCompare(b.rule);
}

export function summarize(findings: readonly Finding[]): LintSummary {
  const byRule: Record<string, number> = Object.fromEntries(RULE_IDS.map((id) => [id, 0]));
  for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    byRule,
  };
}
