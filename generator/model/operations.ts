/**
 * buildModel: bundled document -> IR. Names are resolved once here (operationId, else method + path),
 * mangled to safe identifiers and de-duplicated; every collision is reported, never overwritten.
 */
import { basePathOf } from './base-path.js';
import { pointerOf, type Diagnostic } from '../diagnostics.js';
import { resolveLocal } from '../load/local-ref.js';
import { camelCase, safeIdentifier, NameRegistry } from './identifiers.js';
import { parsePathTemplate, compareOperations, METHOD_ORDER, type HttpMethod } from './paths.js';
import type { Model, ModelOperation, ModelParam, ModelResponse, ModelContent } from './types.js';
import { buildSecuritySchemes, operationSecurity } from './security.js';
import { buildValidationPlan, credentialQueryNames } from './validation-plan.js';
import { escapeToken, parsePointer } from '../../templates/runtime/json-pointer.js';
import { multipartFieldsOf } from './multipart-fields.js';

type Obj = Record<string, unknown>;
type Problem = Omit<Diagnostic, 'file' | 'line'>;

export function buildModel(doc: Obj): { model: Model; problems: Problem[] } {
  const problems: Problem[] = [];
  const raw: Omit<ModelOperation, 'name'>[] = [];
  const security = buildSecuritySchemes(doc);
  problems.push(...security.problems);
  const declared = new Set(security.schemes.map((s) => s.name));
  for (const [path, itemRaw] of Object.entries(asObj(doc.paths))) {
    const item = asObj(resolveLocal(doc, itemRaw));
    for (const method of METHOD_ORDER) {
      if (!item[method] || typeof item[method] !== 'object') continue;
      const op = asObj(item[method]);
      const requirements = operationSecurity(doc, op, pointerOf(['paths', path, method]), declared, problems);
      const validation = buildValidationPlan(doc, path, method, credentialQueryNames(requirements, security.schemes));
      raw.push({ ...buildOperation(doc, path, method, item, op), security: requirements, validation });
    }
  }
  raw.sort(compareOperations);
  const names = new NameRegistry(['createRouter', 'contract', 'handlers']);
  const operations = raw.map((op) => {
    const wanted = safeIdentifier(camelCase(op.operationId ?? `${op.method} ${op.path.replace(/[{}]/g, ' ')}`), op.method);
    const { name, collided } = names.claim(wanted);
    if (collided) {
      problems.push({
        code: 'NAME_COLLISION',
        severity: 'warning',
        pointer: op.operationId ? `${op.pointer}/operationId` : op.pointer,
        message: `the name "${wanted}" is already taken by another operation; this one is called "${name}"`,
        fix: 'give the operation a distinct operationId',
      });
    }
    return { ...op, name };
  });
  const info = asObj(doc.info);
  return {
    model: {
      title: String(info.title ?? 'API'),
      version: String(info.version ?? ''),
      openapi: String(doc.openapi),
      basePath: basePathOf(doc.servers),
      operations,
      securitySchemes: security.schemes,
    },
    problems,
  };
}

function buildOperation(
  doc: Obj,
  path: string,
  method: HttpMethod,
  item: Obj,
  op: Obj,
): Omit<ModelOperation, 'name' | 'security' | 'validation'> {
  const pointer = pointerOf(['paths', path, method]);
  const template = parsePathTemplate(path);
  return {
    key: `${method.toUpperCase()} ${path}`,
    operationId: typeof op.operationId === 'string' ? op.operationId : undefined,
    method,
    path,
    pattern: template.pattern,
    pathParams: template.params,
    pointer,
    summary: typeof op.summary === 'string' ? op.summary : undefined,
    params: mergeParams(doc, path, method, item, op),
    requestBody: buildRequestBody(doc, op.requestBody, `${pointer}/requestBody`),
    responses: buildResponses(doc, asObj(op.responses), `${pointer}/responses`),
    deprecated: op.deprecated === true,
  };
}

function mergeParams(doc: Obj, path: string, method: string, item: Obj, op: Obj): ModelParam[] {
  const byKey = new Map<string, ModelParam>();
  const add = (list: unknown, base: string[]) => {
    if (!Array.isArray(list)) return;
    list.forEach((entry, i) => {
      const p = asObj(resolveLocal(doc, entry));
      if (typeof p.name !== 'string' || !['path', 'query', 'header', 'cookie'].includes(String(p.in))) return;
      const param: ModelParam = {
        name: p.name,
        in: p.in as ModelParam['in'],
        required: p.in === 'path' || p.required === true,
        pointer: pointerOf([...base, String(i)]),
        type: primitiveType(doc, p.schema),
      };
      byKey.set(`${param.in}:${param.in === 'header' ? param.name.toLowerCase() : param.name}`, param);
    });
  };
  add(item.parameters, ['paths', path, 'parameters']);
  add(op.parameters, ['paths', path, method, 'parameters']);
  return [...byKey.values()];
}

function primitiveType(doc: Obj, schema: unknown): ModelParam['type'] {
  const s = asObj(resolveLocal(doc, schema));
  const types = Array.isArray(s.type) ? s.type.filter((t) => t !== 'null') : [s.type];
  return types.length === 1 && ['string', 'integer', 'number', 'boolean'].includes(types[0] as string)
    ? (types[0] as ModelParam['type'])
    : undefined;
}

function buildRequestBody(doc: Obj, raw: unknown, pointer: string): ModelOperation['requestBody'] {
  if (raw === undefined) return undefined;
  const body = asObj(resolveLocal(doc, raw));
  const multipart = multipartFieldsOf(doc, asObj(body.content));
  return {
    required: body.required === true,
    contentTypes: Object.keys(asObj(body.content)).sort(),
    pointer,
    ...(multipart.length ? { multipart } : {}),
  };
}

function buildResponses(doc: Obj, responses: Obj, base: string): ModelResponse[] {
  const list: ModelResponse[] = [];
  for (const [status, rawResponse] of Object.entries(responses)) {
    if (!/^([1-5][0-9X]{2}|default)$/i.test(status)) continue;
    const normalized = /X/i.test(status) ? status.toUpperCase() : status;
    const pointer = `${base}/${status}`;
    const ref = rawResponse && typeof rawResponse === 'object' ? (rawResponse as Obj).$ref : undefined;
    const component =
      typeof ref === 'string' && ref.startsWith('#/components/responses/')
        ? decodeToken(ref.slice('#/components/responses/'.length))
        : undefined;
    const response = asObj(resolveLocal(doc, rawResponse));
    const contentBase = typeof ref === 'string' ? ref : pointer;
    const contents: ModelContent[] = Object.entries(asObj(response.content)).map(([contentType, media]) => ({
      contentType,
      schemaPointer:
        asObj(media).schema !== undefined
          ? schemaPointerOf(asObj(media).schema, `${contentBase}/content/${escapeToken(contentType)}/schema`)
          : undefined,
    }));
    const isError = normalized === 'default' || normalized.startsWith('4') || normalized.startsWith('5');
    list.push({
      status: normalized,
      isError,
      pointer,
      component,
      description: typeof response.description === 'string' ? response.description : '',
      contents,
      errorContent: isError ? pickErrorContent(contents) : undefined,
      headers: Object.entries(asObj(response.headers)).map(([name, h]) => ({
        name,
        required: asObj(resolveLocal(doc, h)).required === true,
      })),
    });
  }
  return list.sort((a, b) => statusRank(a.status) - statusRank(b.status));
}

/** Keep the pointer of a `$ref`'d schema so recipes and types can name the component. */
function schemaPointerOf(schema: unknown, inline: string): string {
  const ref = asObj(schema).$ref;
  return typeof ref === 'string' && ref.startsWith('#') ? ref : inline;
}

const ERROR_CONTENT_PREFERENCE = [
  (t: string) => t === 'application/problem+json',
  (t: string) => t === 'application/json',
  (t: string) => /^application\/[^;]*\+json/.test(t) || t.startsWith('application/json'),
  (t: string) => t === '*/*' || t === 'application/*',
  (t: string) => t.startsWith('text/plain'),
];

export function pickErrorContent(contents: ModelContent[]): ModelContent | undefined {
  for (const test of ERROR_CONTENT_PREFERENCE) {
    const hit = contents.find((c) => test(c.contentType.toLowerCase()));
    if (hit) return hit;
  }
  return contents[0];
}

/** 200 < 201 < 2XX < 400 < 4XX < 500 < 5XX < default */
export function statusRank(status: string): number {
  if (status === 'default') return 1000;
  if (/X/.test(status)) return Number(status[0]) * 100 + 99.5;
  return Number(status);
}

function asObj(value: unknown): Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};
}

function decodeToken(t: string): string {
  return parsePointer('#/' + t)[0];
}
