/**
 * The valid inputs of one operation: a value for every parameter and a body, each taken from the
 * spec's examples when it has them, else generated, and each checked with ajv. Invalid probes are
 * built by breaking exactly one of these at a time, so every invalid probe is otherwise valid.
 */
import { resolveLocal } from '../load/validate.js';
import { escapeToken, valueAt } from '../../templates/runtime/json-pointer.js';
import type { ModelOperation, ModelParam } from '../model/types.js';
import { exampleOf, sampleSchema, asObj, type SampleContext } from './sample.js';
import type { SchemaValidator } from './schemas.js';
import type { Random } from './prng.js';

type Obj = Record<string, unknown>;

export interface ParamInput {
  param: ModelParam;
  /** Pointer of the parameter's schema, undefined when it has none (then anything goes). */
  schemaPointer?: string;
  value: unknown;
  /** The generated alternative when the example was used for `value`. */
  generated: unknown;
}

export interface BodyInput {
  contentType: string;
  schemaPointer?: string;
  value: unknown;
  generated: unknown;
  /** false when the spec's media type is not JSON: then only the valid probe is sent. */
  json: boolean;
}

export interface OperationInputs {
  params: ParamInput[];
  body?: BodyInput;
  /** Problems found with our own valid inputs (an example that breaks its schema, say). */
  notes: string[];
}

export function buildInputs(document: Obj, op: ModelOperation, random: Random, validator: SchemaValidator): OperationInputs {
  const ctx: SampleContext = { document, random, direction: 'request' };
  const notes: string[] = [];
  const params = op.params.filter((p) => p.in !== 'cookie').map((param) => paramInput(document, ctx, param, validator, notes));
  return { params, body: bodyInput(document, ctx, op, validator, notes), notes };
}

function paramInput(document: Obj, ctx: SampleContext, param: ModelParam, validator: SchemaValidator, notes: string[]): ParamInput {
  const schemaPointer = paramSchemaPointer(document, param.pointer);
  const generated = schemaPointer ? sampleSchema(ctx, { $ref: schemaPointer }) : 'faultline';
  const example = exampleOf(document, valueAt(document, param.pointer));
  const value = example.found ? example.value : generated;
  if (schemaPointer) {
    const errors = validator.validateParam(schemaPointer, serializeParam(value));
    if (errors.length) notes.push(`${param.in}.${param.name}: our valid value ${JSON.stringify(value)} is invalid (${errors[0]})`);
  }
  return { param, schemaPointer, value, generated };
}

function bodyInput(document: Obj, ctx: SampleContext, op: ModelOperation, validator: SchemaValidator, notes: string[]): BodyInput | undefined {
  if (!op.requestBody?.contentTypes.length) return undefined;
  const types = op.requestBody.contentTypes;
  const contentType = types.find(isJsonType) ?? types[0];
  const bodyRef = asObj(valueAt(document, op.requestBody.pointer)).$ref;
  const base = typeof bodyRef === 'string' ? bodyRef : op.requestBody.pointer;
  const mediaPointer = `${base}/content/${escapeToken(contentType)}`;
  const media = asObj(resolveLocal(document, valueAt(document, mediaPointer)));
  const schemaRef = asObj(media.schema).$ref;
  const schemaPointer = media.schema === undefined ? undefined : typeof schemaRef === 'string' ? schemaRef : `${mediaPointer}/schema`;
  const generated = schemaPointer ? sampleSchema(ctx, { $ref: schemaPointer }) : {};
  const example = exampleOf(document, media);
  const fromSchema = schemaPointer ? exampleOf(document, { $ref: schemaPointer }) : { found: false };
  const value = example.found ? example.value : fromSchema.found ? fromSchema.value : generated;
  if (schemaPointer && isJsonType(contentType)) {
    const errors = validator.validate(schemaPointer, value);
    if (errors.length) notes.push(`body: our valid value is invalid (${errors[0]})`);
  }
  return { contentType, schemaPointer, value, generated, json: isJsonType(contentType) };
}

/** A parameter's schema is `schema` on the (possibly $ref'd) parameter object. */
function paramSchemaPointer(document: Obj, pointer: string): string | undefined {
  let at = pointer;
  for (let i = 0; i < 10; i++) {
    const node = asObj(valueAt(document, at));
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#')) at = node.$ref;
    else break;
  }
  const schema = asObj(valueAt(document, at)).schema;
  if (schema === undefined) return undefined;
  const ref = asObj(schema).$ref;
  return typeof ref === 'string' ? ref : `${at}/schema`;
}

export function isJsonType(contentType: string): boolean {
  const t = contentType.toLowerCase().split(';')[0].trim();
  return t === 'application/json' || /^application\/[^/]*\+json$/.test(t);
}

/** Wire form of a parameter value (form style, explode for arrays). */
export function serializeParam(value: unknown): string | string[] {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export { valueAt };
