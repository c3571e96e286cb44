/**
 * The compiled validation engine of one service: one schema family per side (requests, responses),
 * and per operation the compiled request validators and response validators. Everything compiles on
 * the operation's first use, from the operation's plan in contract.gen.ts; start-up does no work that
 * grows with the spec (no copy, no index, no scan of openapi.json).
 */
import type { ValidateFunction } from 'ajv';
import type { OperationContract } from '../contract.js';
import { coveringStatus } from '../status-cover.js';
import { compileRequest, compileResponse, type CompiledRequest } from './compile.js';
import { SchemaFamily } from './schema-family.js';

type Obj = Record<string, unknown>;

export interface ResponseRule {
  /** The documented status that covers the actual one: '200', '2XX' or 'default'. */
  key: string;
  /** JSON media types -> validator; empty when the response has no JSON content. */
  validators: Map<string, ValidateFunction>;
  hasContent: boolean;
}

export class ValidationEngine {
  private readonly requestSchemas: SchemaFamily;
  private responseSchemas?: SchemaFamily;
  private readonly is31: boolean;
  private readonly requests = new Map<string, CompiledRequest>();
  /** Per operation, per actual status: nested maps, so the lookup on every response builds no key string. */
  private readonly rules = new Map<string, Map<number, ResponseRule | null>>();
  private readonly responses = new Map<string, Map<string, ValidateFunction>>();

  constructor(
    private readonly spec: object,
    readonly validateResponses: boolean,
  ) {
    this.is31 = String((spec as { openapi?: unknown }).openapi ?? '').startsWith('3.1');
    this.requestSchemas = new SchemaFamily(spec as Obj, 'request', this.is31);
  }

  request(op: OperationContract): CompiledRequest {
    let compiled = this.requests.get(op.name);
    if (!compiled) {
      compiled = compileRequest(this.requestSchemas, op.validation);
      this.requests.set(op.name, compiled);
    }
    return compiled;
  }

  /**
   * Validators for the documented response that covers `status` (exact, then `2XX`, then `default`):
   * key is the documented status; validators is empty when that response has no JSON content.
   */
  response(op: OperationContract, status: number): ResponseRule | undefined {
    let byStatus = this.rules.get(op.name);
    if (!byStatus) this.rules.set(op.name, (byStatus = new Map()));
    let rule = byStatus.get(status);
    if (rule === undefined) {
      const plans = op.validation.responses;
      const key = coveringStatus(
        plans.map((r) => r.status),
        status,
      );
      const plan = key === undefined ? undefined : plans.find((r) => r.status === key);
      rule = plan ? { key: plan.status, validators: this.responseValidators(op, plan), hasContent: plan.hasContent } : null;
      byStatus.set(status, rule);
    }
    return rule ?? undefined;
  }

  private responseValidators(
    op: OperationContract,
    plan: OperationContract['validation']['responses'][number],
  ): Map<string, ValidateFunction> {
    const cacheKey = `${op.name} ${plan.status}`;
    let validators = this.responses.get(cacheKey);
    if (!validators) {
      this.responseSchemas ??= new SchemaFamily(this.spec as Obj, 'response', this.is31);
      validators = compileResponse(this.responseSchemas, plan);
      this.responses.set(cacheKey, validators);
    }
    return validators;
  }
}
