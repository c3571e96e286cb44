/**
 * What the validators of one operation need to know about its parameters, body and responses,
 * worked out once by the generator from the author's document (generator/model/validation-plan.ts)
 * and written into contract.gen.ts as plain data. The runtime reads these plans instead of walking
 * the spec: at start-up it reads no spec at all, and on an operation's first request it only compiles
 * the schemas the plan points at (by JSON pointer into openapi.json).
 */
export type Field = 'query' | 'headers' | 'params' | 'cookies';

export interface ParameterPlan {
  /** As the request carries it: header names lower-cased. */
  name: string;
  field: Field;
  /** Flags are present only when true. */
  required?: boolean;
  /** Pointer of the schema in openapi.json (what Ajv validates); absent: any value. */
  schemaPointer?: string;
  style: string;
  explode: boolean;
  allowReserved?: boolean;
  allowEmptyValue?: boolean;
  /** The value is JSON (`content: application/json`): parsed, not split by a style. */
  jsonContent?: boolean;
  /** The schema's `type` when it is a single string (`array`, `object`, ...); one `$ref` followed. */
  type?: string;
  /** An object, a `$ref`, or an allOf/oneOf/anyOf holding one: the value is parsed or exploded as an object. */
  objectLike?: boolean;
  /** `type: object` with `additionalProperties`: any query parameter name is accepted. */
  open?: boolean;
  /** form + explode objects: the properties read from top-level query keys, and which of them are arrays. */
  explodeProperties?: string[];
  explodeArrays?: string[];
  /** deepObject: the value used when the parameter is absent (the schema's default, else its properties' defaults). */
  deepObjectDefault?: unknown;
}

export type NumberKindOf = 'integer' | 'number';

/** The parameters (and form fields) whose schema or item schema is `type: integer` or `type: number`. */
export interface NumericParameter {
  field: Field | 'body';
  name: string;
  kind: NumberKindOf;
  /** The parameter is an array of numbers (after its style split it). */
  array: boolean;
}

/** Form bodies (urlencoded, multipart, XML) arrive as strings: which top-level fields are typed. */
export interface FormFields {
  numeric: NumericParameter[];
  booleans: string[];
  arrays: string[];
}

export interface MediaPlan {
  /** The documented media type key, as written. */
  type: string;
  /** Pointer of the schema in openapi.json; absent: the media type has no schema. */
  schemaPointer?: string;
  /** `format: binary`: checked for presence only. */
  binary?: boolean;
  form?: FormFields;
}

export interface RequestBodyPlan {
  /** OpenAPI's `required`; absent when the spec does not say. */
  required?: boolean;
  /** In document order. */
  media: MediaPlan[];
}

export interface ResponsePlan {
  /** The documented key as written: '200', '4XX', 'default'. */
  status: string;
  /** The response declares content (then a body is expected). */
  hasContent: boolean;
  /** JSON (and wildcard) media types with a schema, in document order. */
  json: { type: string; schemaPointer: string }[];
}

export interface ValidationPlan {
  /** Operation parameters first, then the path item's that the operation does not redeclare. */
  parameters: ParameterPlan[];
  /** Integer and number parameters, parsed strictly before Ajv sees them (numbers.ts); absent: none. */
  numeric?: NumericParameter[];
  /** Query names of apiKey credentials the operation accepts: not "unknown query parameters"; absent: none. */
  credentialQueryNames?: string[];
  body?: RequestBodyPlan;
  responses: ResponsePlan[];
}
