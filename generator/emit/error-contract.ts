/**
 * Builds the data of contract.gen.ts: per operation, the matcher, the documented statuses and, for
 * every documented error, the recipe of a body that validates against its schema. The recipes come
 * from the model (generator/model/recipe/responses.ts), built from the author's document.
 */
import type { Model, ModelOperation, ModelResponse } from '../model/types.js';
import { errorKey, type ErrorRecipes } from '../model/recipe/responses.js';
import { defaultProblem } from '../model/recipe/defaults.js';
import type { ErrorResponseContract, OperationContract, ServiceContract } from '../../templates/runtime/contract.js';

type ErrorEntry = Omit<ErrorResponseContract, 'status' | 'headers'>;

export function buildServiceContract(model: Model, recipes: ErrorRecipes, preferredServiceSchema?: string): ServiceContract {
  const usage = new Map<string, { count: number; entry: ErrorEntry }>();
  const operations = model.operations.map((op) =>
    operationContract(op, (response) => {
      const entry = recipes.bodies.get(errorKey(op, response.status));
      if (!entry || !response.errorContent) return entry;
      const key = `${response.errorContent.schemaPointer ?? response.pointer} ${entry.contentType}`;
      const used = usage.get(key) ?? { count: 0, entry };
      used.count++;
      usage.set(key, used);
      return entry;
    }),
  );
  return {
    title: model.title,
    ...(model.basePath ? { basePath: model.basePath } : {}),
    operations,
    serviceError: pickServiceError(usage, preferredServiceSchema),
    securitySchemes: schemeContracts(model),
  };
}

function operationContract(op: ModelOperation, recipeFor: (r: ModelResponse) => ErrorEntry | undefined): OperationContract {
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
    ...(op.requestBody
      ? {
          body: {
            required: op.requestBody.required,
            contentTypes: op.requestBody.contentTypes,
            ...(op.requestBody.multipart ? { multipart: op.requestBody.multipart } : {}),
          },
        }
      : {}),
    successStatuses: op.responses.filter((r) => !r.isError).map((r) => r.status),
    errors,
    ...(op.security ? { security: op.security } : {}),
    validation: op.validation,
  };
}

/** Path parameters arrive as strings; the validator checked them, the router converts them. */
function pathParamTypes(op: ModelOperation): { paramTypes?: Record<string, 'integer' | 'number' | 'boolean'> } {
  const types: Record<string, 'integer' | 'number' | 'boolean'> = {};
  for (const p of op.params) if (p.in === 'path' && p.type && p.type !== 'string') types[p.name] = p.type;
  return Object.keys(types).length ? { paramTypes: types } : {};
}

/** RFC 9457 problem+json: the service-level body when the spec documents no error schema at all. */
const DEFAULT_SERVICE_ERROR: ErrorEntry = { contentType: 'application/problem+json', recipe: defaultProblem() };

/** The most used error schema (ties: first seen), or the one named in config. */
function pickServiceError(usage: Map<string, { count: number; entry: ErrorEntry }>, preferred?: string): ErrorEntry {
  if (preferred) {
    for (const [key, used] of usage) if (key.split(' ')[0] === preferred) return used.entry;
  }
  let best: { count: number; entry: ErrorEntry } | undefined;
  for (const used of usage.values()) if (used.entry.contentType && (!best || used.count > best.count)) best = used;
  return best?.entry ?? DEFAULT_SERVICE_ERROR;
}

/** components.securitySchemes as the runtime reads them (name -> how to find the credential). */
function schemeContracts(model: Model): ServiceContract['securitySchemes'] {
  const out: NonNullable<ServiceContract['securitySchemes']> = {};
  for (const scheme of model.securitySchemes ?? []) out[scheme.name] = scheme.type;
  return out;
}
