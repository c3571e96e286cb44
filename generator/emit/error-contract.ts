/**
 * Builds the data of contract.gen.ts: per operation, the matcher, the documented statuses and, for
 * every documented error, the recipe of a body that validates against its schema. Recipes are
 * cached per (schema, content type): GitHub's spec has ~1,500 error responses over ~20 schemas.
 */
import type { Diagnostic } from '../diagnostics.js';
import { resolveLocal } from '../load/validate.js';
import { valueAt } from '../load/bundle.js';
import { buildBodyRecipe } from '../model/body-recipe.js';
import type { Model, ModelOperation, ModelResponse } from '../model/types.js';
import type { ErrorResponseContract, OperationContract, ServiceContract } from '../../templates/runtime/contract.js';
import type { Recipe } from '../../templates/runtime/render-body.js';

type Obj = Record<string, unknown>;
type Problem = Omit<Diagnostic, 'file' | 'line'>;

/** An empty recipe for error responses documented without content: the body is left empty. */
const NO_BODY: Recipe = { kind: 'const', value: null };

export function buildServiceContract(model: Model, doc: Obj, preferredServiceSchema?: string): { contract: ServiceContract; problems: Problem[] } {
  const problems: Problem[] = [];
  const cache = new Map<string, Recipe | undefined>();
  const usage = new Map<string, { count: number; entry: Omit<ErrorResponseContract, 'status' | 'headers'> }>();
  const recipeFor = (response: ModelResponse): Omit<ErrorResponseContract, 'status' | 'headers'> | undefined => {
    const content = response.errorContent;
    if (!content) return { contentType: '', recipe: NO_BODY };
    const schemaPointer = content.schemaPointer ?? `${response.pointer}/content`;
    const key = `${schemaPointer} ${content.contentType}`;
    if (!cache.has(key)) {
      const schema = content.schemaPointer ? resolveLocal(doc, valueAt(doc, content.schemaPointer)) : undefined;
      const result = buildBodyRecipe(schema, content.contentType, { resolve: (ref) => valueAt(doc, ref), pointer: schemaPointer });
      if (result.ok) cache.set(key, result.recipe);
      else {
        cache.set(key, undefined);
        problems.push({ code: 'NO_ERROR_BODY', severity: 'error', pointer: result.pointer, message: `no ${content.contentType} body valid against this error schema can be built: ${result.message}`, fix: result.fix });
      }
    }
    const recipe = cache.get(key);
    if (!recipe) return undefined;
    const entry = { contentType: content.contentType, recipe };
    const used = usage.get(key) ?? { count: 0, entry };
    used.count++;
    usage.set(key, used);
    return entry;
  };
  const operations = model.operations.map((op) => operationContract(op, recipeFor));
  const contract: ServiceContract = { title: model.title, operations, serviceError: pickServiceError(usage, preferredServiceSchema), securitySchemes: schemeContracts(model) };
  return { contract, problems };
}

function operationContract(op: ModelOperation, recipeFor: (r: ModelResponse) => Omit<ErrorResponseContract, 'status' | 'headers'> | undefined): OperationContract {
  const errors: ErrorResponseContract[] = [];
  for (const response of op.responses.filter((r) => r.isError)) {
    const built = recipeFor(response);
    if (built) errors.push({ status: response.status, ...built, headers: response.headers.map((h) => h.name) });
  }
  return {
    name: op.name,
    method: op.method.toUpperCase(),
    path: op.path,
    pattern: op.pattern,
    pathParams: op.pathParams,
    ...pathParamTypes(op),
    ...(op.requestBody ? { body: { required: op.requestBody.required, contentTypes: op.requestBody.contentTypes } } : {}),
    successStatuses: op.responses.filter((r) => !r.isError).map((r) => r.status),
    errors,
    ...(op.security ? { security: op.security } : {}),
  };
}

/** Path parameters arrive as strings; the validator checked them, the router converts them. */
function pathParamTypes(op: ModelOperation): { paramTypes?: Record<string, 'integer' | 'number' | 'boolean'> } {
  const types: Record<string, 'integer' | 'number' | 'boolean'> = {};
  for (const p of op.params) if (p.in === 'path' && p.type && p.type !== 'string') types[p.name] = p.type;
  return Object.keys(types).length ? { paramTypes: types } : {};
}

/** RFC 9457 problem+json: the service-level body when the spec documents no error schema at all. */
const DEFAULT_SERVICE_ERROR: Omit<ErrorResponseContract, 'status' | 'headers'> = {
  contentType: 'application/problem+json',
  recipe: {
    kind: 'object',
    props: [
      { name: 'type', optional: false, value: { kind: 'const', value: 'about:blank' } },
      { name: 'title', optional: false, value: { kind: 'slot', slot: 'title' } },
      { name: 'status', optional: false, value: { kind: 'status', as: 'integer' } },
      { name: 'detail', optional: false, value: { kind: 'slot', slot: 'detail' } },
      { name: 'instance', optional: true, value: { kind: 'slot', slot: 'instance' } },
    ],
  },
};

/** The most used error schema (ties: first seen), or the one named in config. */
function pickServiceError(usage: Map<string, { count: number; entry: Omit<ErrorResponseContract, 'status' | 'headers'> }>, preferred?: string) {
  if (preferred) {
    for (const [key, used] of usage) if (key.split(' ')[0] === preferred) return used.entry;
  }
  let best: { count: number; entry: Omit<ErrorResponseContract, 'status' | 'headers'> } | undefined;
  for (const used of usage.values()) if (used.entry.contentType && (!best || used.count > best.count)) best = used;
  return best?.entry ?? DEFAULT_SERVICE_ERROR;
}

/** components.securitySchemes as the runtime reads them (name -> how to find the credential). */
function schemeContracts(model: Model): ServiceContract['securitySchemes'] {
  const out: NonNullable<ServiceContract['securitySchemes']> = {};
  for (const scheme of model.securitySchemes ?? []) out[scheme.name] = scheme.type;
  return out;
}
