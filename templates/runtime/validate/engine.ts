/**
 * The compiled validation engine of one service: the spec prepared once, one Ajv instance per role
 * with the whole spec added once, and per operation the compiled request validators and response
 * validators. Everything compiles on first use. warmUp (compile everything in background setImmediate
 * slices) is kept but no longer started by validate/index.ts: its unref'd slices ran only when a
 * request woke the loop, so on a large spec every request paid for one.
 */
import type { Ajv, ValidateFunction } from 'ajv';
import type { OperationContract } from '../contract.js';
import { createAjv } from './ajv.js';
import { prepareSpec } from './prepare.js';
import { coveringStatus } from '../status-cover.js';
import { valueAt } from '../json-pointer.js';
import { compileRequest, compileResponse, operationAt, type CompiledRequest } from './compile.js';

type Obj = Record<string, unknown>;

export interface ResponseRule {
  /** The documented status that covers the actual one: '200', '2XX' or 'default'. */
  key: string;
  /** JSON media types -> validator; empty when the response has no JSON content. */
  validators: Map<string, ValidateFunction>;
  hasContent: boolean;
}

/** Longest a background slice keeps the event loop before yielding to requests. */
const SLICE_MS = 8;

export class ValidationEngine {
  private readonly is31: boolean;
  private readonly requestDoc: Obj;
  private readonly ajvs: { params: Ajv; body: Ajv };
  private responseDoc?: Obj;
  private responseAjv?: Ajv;
  private readonly requests = new Map<string, CompiledRequest>();
  private readonly responses = new Map<string, Map<string, ValidateFunction> | null>();
  private readonly rules = new Map<string, ResponseRule | null>();

  constructor(private readonly spec: object, readonly validateResponses: boolean) {
    this.is31 = String((spec as Obj).openapi ?? '').startsWith('3.1');
    this.requestDoc = prepareSpec(spec, 'request', this.is31);
    this.ajvs = { params: createAjv(this.requestDoc, this.is31, 'params'), body: createAjv(this.requestDoc, this.is31, 'body') };
    // prepared now, not on the first response: on GitHub's spec that is ~100 ms no request should wait for
    if (validateResponses) this.responseSpec();
  }

  request(op: OperationContract): CompiledRequest {
    let compiled = this.requests.get(op.name);
    if (!compiled) {
      compiled = compileRequest(this.requestDoc, this.ajvs, op.path, op.method.toLowerCase());
      this.requests.set(op.name, compiled);
    }
    return compiled;
  }

  /**
   * Validators for the documented response that covers `status` (exact, then `2XX`, then `default`):
   * key is the documented status; validators is empty when that response has no JSON content.
   */
  response(op: OperationContract, status: number): ResponseRule | undefined {
    const cacheKey = `${op.name} ${status}`;
    let rule = this.rules.get(cacheKey);
    if (rule === undefined) {
      const found = this.findResponse(op, status);
      rule = found ? { ...found, hasContent: this.responseHasContent(op, found.key) } : null;
      this.rules.set(cacheKey, rule);
    }
    return rule ?? undefined;
  }

  private findResponse(op: OperationContract, status: number): { key: string; validators: Map<string, ValidateFunction> } | undefined {
    const doc = this.responseSpec();
    const responses = (operationAt(doc, op.path, op.method.toLowerCase()).value?.responses ?? {}) as Obj;
    const key = coveringStatus(Object.keys(responses), status);
    if (!key) return undefined;
    const validators = this.responseValidators(op, key);
    return validators ? { key, validators } : undefined;
  }

  private responseValidators(op: OperationContract, key: string): Map<string, ValidateFunction> | undefined {
    const doc = this.responseSpec();
    const cacheKey = `${op.name} ${key}`;
    let validators = this.responses.get(cacheKey);
    if (validators === undefined) {
      validators = compileResponse(doc, this.responseAjv!, op.path, op.method.toLowerCase(), key) ?? null;
      this.responses.set(cacheKey, validators);
    }
    return validators ?? undefined;
  }

  /** Whether the documented response `key` declares any content (then a body is expected). */
  private responseHasContent(op: OperationContract, key: string): boolean {
    const doc = this.responseSpec();
    const responses = (operationAt(doc, op.path, op.method.toLowerCase()).value?.responses ?? {}) as Obj;
    let response = responses[key] as Obj | undefined;
    for (let hops = 0; hops < 20 && typeof response?.$ref === 'string'; hops++) {
      response = valueAt(doc, response.$ref as string) as Obj | undefined;
    }
    return !!response?.content;
  }

  /** Compiles every operation (and its responses when they are validated) without blocking requests. */
  warmUp(operations: readonly OperationContract[], onError: (op: OperationContract, error: unknown) => void): void {
    const queue = [...operations];
    const step = () => {
      const started = performance.now();
      while (queue.length && performance.now() - started < SLICE_MS) {
        const op = queue.shift()!;
        try {
          this.request(op);
          if (this.validateResponses) for (const key of this.documentedStatuses(op)) this.responseValidators(op, key);
        } catch (error) {
          onError(op, error);
        }
      }
      if (queue.length) setImmediate(step).unref();
    };
    setImmediate(step).unref();
  }

  private documentedStatuses(op: OperationContract): string[] {
    const responses = (operationAt(this.responseSpec(), op.path, op.method.toLowerCase()).value?.responses ?? {}) as Obj;
    return Object.keys(responses).filter((k) => k === 'default' || /^[1-5]/.test(k));
  }

  private responseSpec(): Obj {
    if (!this.responseDoc) {
      this.responseDoc = prepareSpec(this.spec, 'response', this.is31);
      this.responseAjv = createAjv(this.responseDoc, this.is31, 'response');
    }
    return this.responseDoc;
  }
}
