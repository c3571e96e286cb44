/** Every lint rule, in the order they are documented. Ids are stable: configs and CI refer to them. */
import type { Rule } from '../types.js';
import { createNeeds409, inputNeeds400, needs5xx, pathParamsNeed404 } from './coverage.js';
import { errorWithoutSchema, inconsistentErrorSchema } from './schemas.js';
import { clientErrorDocumented } from './client-error-documented.js';
import { errorBodyUnbuildable, errorCodeMeaning } from './unbuildable.js';
import { scopedNeeds403, securedNeeds401 } from './security.js';
import { allofClosedBranch } from './closed-allof.js';

export const RULES: readonly Rule[] = [
  pathParamsNeed404,
  inputNeeds400,
  needs5xx,
  errorWithoutSchema,
  errorBodyUnbuildable,
  inconsistentErrorSchema,
  createNeeds409,
  clientErrorDocumented,
  errorCodeMeaning,
  securedNeeds401,
  scopedNeeds403,
  allofClosedBranch,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);
