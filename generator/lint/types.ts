/**
 * Types shared by the lint rules, the runner and the formatters. A rule sees one read-only context
 * (the bundled document and its IR) and reports raw findings; the runner adds severity and file:line,
 * so rules stay pure functions over data and are cheap to test one at a time.
 */
import type { ModelOperation } from '../model/types.js';
import type { ErrorRecipes } from '../model/recipe/responses.js';

/** How a rule is configured: `off` drops it, `warn`/`error` set the severity of its findings. */
export type RuleSetting = 'off' | 'warn' | 'error';
export type FindingSeverity = 'error' | 'warning';

export interface Finding {
  /** Stable kebab-case rule id, e.g. `path-params-need-404`. */
  rule: string;
  severity: FindingSeverity;
  file: string;
  /** 1-based; 0 when unknown. */
  line: number;
  /** JSON pointer into the bundled document where the fix belongs. */
  pointer: string;
  message: string;
  fix: string;
}

/** What a rule reports before the runner locates it and applies the configured severity. */
export type RawFinding = Pick<Finding, 'pointer' | 'message' | 'fix'>;

export interface LintContext {
  document: Record<string, unknown>;
  operations: readonly ModelOperation[];
  /** Value at a pointer of the bundled document, following local `$ref`s. */
  resolve(pointer: string): unknown;
  /** The error bodies generate would build, and their findings (model/recipe/responses.ts). */
  errorRecipes: ErrorRecipes;
}

export interface Rule {
  id: string;
  defaultSetting: Exclude<RuleSetting, 'off'>;
  /** One line for `--help` and the README. */
  description: string;
  check(ctx: LintContext): RawFinding[];
}

export interface LintSummary {
  errors: number;
  warnings: number;
  /** Findings per rule id, every known rule listed (0 when it found nothing or is off). */
  byRule: Record<string, number>;
}

export interface LintResult {
  findings: Finding[];
  summary: LintSummary;
}
