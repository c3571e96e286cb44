/**
 * The shape of contract.gen.ts: plain data worked out at generation time. The router reads only this,
 * so every decision about which documented response answers which failure is visible in one file.
 */
import type { Recipe } from './recipe.js';
import type { SecurityRequirementContract, SecuritySchemeContract } from './security/types.js';
import type { ValidationPlan } from './validate/plan.js';
import type { MultipartFieldsContract } from './multipart-shape.js';

export interface ErrorResponseContract {
  /** '400', '4XX' or 'default' */
  status: string;
  contentType: string;
  recipe: Recipe;
  /** Documented response header names, e.g. Retry-After. */
  headers: string[];
}

export interface OperationContract {
  name: string;
  /** Upper-case HTTP method. */
  method: string;
  path: string;
  /** Anchored regex source matching the raw (undecoded) request path. */
  pattern: string;
  pathParams: string[];
  /** Non-string path parameters, converted after validation. */
  paramTypes?: Record<string, 'integer' | 'number' | 'boolean'>;
  /** `multipart`: per multipart/form-data media type, which declared fields are files (multipart-shape.ts). */
  body?: { required: boolean; contentTypes: string[]; multipart?: MultipartFieldsContract[] };
  /** Documented non-error statuses, e.g. ['201'] or ['2XX']. */
  successStatuses: string[];
  /** Documented error responses, most specific first. */
  errors: ErrorResponseContract[];
  /** Effective security requirements, alternatives OR'ed; absent: public (see security/). */
  security?: SecurityRequirementContract[];
  /** Parameters, body and responses as the validators read them (validate/plan.ts); no spec walking at run time. */
  validation: ValidationPlan;
}

export interface ServiceContract {
  title: string;
  /** The spec's server path (`/v3`), in front of every operation path; absent: the root (model/base-path.ts). */
  basePath?: string;
  operations: OperationContract[];
  /** Used when no operation matched (unknown route, wrong method): the service-level error schema. */
  serviceError: Omit<ErrorResponseContract, 'status' | 'headers'>;
  /** components.securitySchemes, reduced to what enforcement needs. */
  securitySchemes?: Record<string, SecuritySchemeContract>;
}
