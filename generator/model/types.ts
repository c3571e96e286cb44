/** The IR: what the emitters wish the spec looked like. Keyed and sorted deterministically. */
import type { HttpMethod } from './paths.js';
import type { ModelSecurity, ModelSecurityScheme } from './security.js';
import type { ValidationPlan } from '../../templates/runtime/validate/plan.js';
import type { MultipartFields } from './multipart-fields.js';

export interface ModelParam {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  pointer: string;
  /** The schema's primitive type, when it has one (path parameters are coerced to it). */
  type?: 'string' | 'integer' | 'number' | 'boolean';
}

export interface ModelContent {
  contentType: string;
  /** Pointer of the schema in the bundled document, if the media type has one. */
  schemaPointer?: string;
}

export interface ModelResponse {
  /** '200', '4XX', 'default' */
  status: string;
  isError: boolean;
  pointer: string;
  /** Name under components/responses when the response is shared. */
  component?: string;
  description: string;
  contents: ModelContent[];
  /** The content type errors are rendered as (problem+json, json, +json, text). */
  errorContent?: ModelContent;
  headers: { name: string; required: boolean }[];
}

export interface ModelOperation {
  /** "POST /user/" */
  key: string;
  name: string;
  operationId?: string;
  method: HttpMethod;
  path: string;
  pattern: string;
  pathParams: string[];
  pointer: string;
  summary?: string;
  params: ModelParam[];
  requestBody?: {
    required: boolean;
    contentTypes: string[];
    pointer: string;
    /** multipart/form-data media types whose schema declares properties: which are files (multipart-fields.ts). */
    multipart?: MultipartFields[];
  };
  responses: ModelResponse[];
  deprecated: boolean;
  /** Effective security requirements (see security.ts); undefined: public. */
  security?: ModelSecurity;
  /** What the runtime's validators need, as data (validation-plan.ts). */
  validation: ValidationPlan;
}

export interface Model {
  title: string;
  version: string;
  openapi: string;
  /** The first server's path (`/v3`), `''` for the root: where the service answers (base-path.ts). */
  basePath: string;
  operations: ModelOperation[];
  securitySchemes?: ModelSecurityScheme[];
}
