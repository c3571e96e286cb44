/**
 * Structural validation with @redocly/openapi-core's built-in `struct` rule (the one openapi-typescript
 * runs): unknown or misplaced keys, wrong types, missing required fields. It runs once, on the document
 * the loader has already read and bundled (every `$ref` local), so nothing is parsed or resolved twice
 * and nothing outside the spec is read: the resolver refuses every external reference.
 *
 * Redocly reports a pointer into the bundled document; `loaded.locate` maps it back to the file and line
 * it came from, like every other diagnostic.
 */
import { BaseResolver, Source, createConfig, type Config, type NormalizedProblem } from '@redocly/openapi-core';
import { lintBundled } from './struct-lint.js';
import { hasErrors, parsePointer, type Diagnostic, type Severity } from '../diagnostics.js';
import { closest } from '../commands/suggest.js';
import { loadSpec, type LoadedSpec, type LoadOptions } from './index.js';
import { asOpenApi31 } from '../emit/client-spec-32.js';

/** loadSpec, then the structural check when the spec loaded without errors (async: Redocly's API is). */
export async function loadCheckedSpec(specPath: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const loaded = loadSpec(specPath, options);
  if (loaded.document && !hasErrors(loaded.diagnostics)) loaded.diagnostics.push(...(await checkSpecStructure(loaded)));
  return loaded;
}

export async function checkSpecStructure(loaded: LoadedSpec): Promise<Diagnostic[]> {
  if (!loaded.document) return [];
  // Redocly's struct rule knows 3.0 and 3.1: a 3.2 document is checked as its 3.1 reading (the copy the
  // tools get; every 3.1 part keeps its pointer), and the fields 3.2 added are not reported as unknown.
  const is32 = String(loaded.document.openapi).startsWith('3.2');
  const parsed = is32 ? asOpenApi31(structuredClone(loaded.document)) : loaded.document;
  const document = { source: new Source(loaded.files[0] ?? '/openapi.json', '', 'application/json'), parsed };
  const config = await structConfig();
  const lint = (parsed: unknown) => lintBundled({ ...document, parsed }, config.styleguide, new LocalOnlyResolver());
  let problems: NormalizedProblem[];
  try {
    problems = await lint(parsed);
  } catch {
    // Redocly's walker crashes on some legal names (a parameter component named `constructor`: it finds
    // Object.prototype.constructor where it looks for a type). Problems under such names are dropped
    // anyway (underPrototypeName), so the check runs again without them; only if that fails too is it skipped.
    try {
      problems = await lint(withoutPrototypeNames(parsed, 0));
    } catch (error) {
      return [
        {
          code: 'INVALID_STRUCTURE',
          severity: 'warning',
          pointer: '#',
          ...loaded.locate('#'),
          message: `the structural check was skipped: @redocly/openapi-core failed on this spec (${firstLine(error)})`,
        },
      ];
    }
  }
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const problem of problems) {
    const pointer = pointerOf(problem.location) ?? '#';
    const key = `${pointer}\n${problem.message}`;
    if (seen.has(key) || underPrototypeName(pointer) || NORMALIZED_LATER.test(problem.message)) continue;
    if ((is32 && addedIn32(problem.message)) || underExtension(pointer)) continue;
    seen.add(key);
    diagnostics.push({
      code: 'INVALID_STRUCTURE',
      severity: severityOf(problem.message, pointer),
      pointer,
      ...loaded.locate(pointer),
      ...describe(problem, loaded),
    });
  }
  return diagnostics;
}

/**
 * Redocly looks keys up in plain objects, so a property or component named `constructor`, `toString`,
 * `__proto__`... finds an Object.prototype member and is checked against the wrong type (a false
 * "Expected type `string` but got `object`"). Such names are legal; problems under them are dropped.
 */
function underPrototypeName(pointer: string): boolean {
  return parsePointer(pointer).some((token) => token in Object.prototype);
}

/**
 * Vendor extensions are free-form in OpenAPI; Redocly still types a few of its own (`x-codeSamples`
 * wants a string `source`), and an extension `$ref` faultline left unresolved is an object there.
 * faultline never reads extension values, so nothing under an `x-` key is a structural problem.
 */
function underExtension(pointer: string): boolean {
  return parsePointer(pointer).some((token) => token.startsWith('x-'));
}

/** `nullable` without `type` (GitHub's spec has it): the normalizer drops it and reports it once, with a count. */
const NORMALIZED_LATER = /must be defined when the `nullable` field is used/;

/** Fields OpenAPI 3.2 added (https://spec.openapis.org/oas/v3.2.0.html) that a 3.1 struct check calls unknown. */
const FIELDS_32 = new Set([
  '$self',
  'kind',
  'parent',
  'summary',
  'itemSchema',
  'itemEncoding',
  'prefixEncoding',
  'dataValue',
  'serializedValue',
  'oauth2MetadataUrl',
  'deviceAuthorization',
  'deprecated',
  'mediaTypes',
  'query',
  'additionalOperations',
]);

function addedIn32(message: string): boolean {
  const name = /^Property `([^`]+)` is not expected here/.exec(message)?.[1];
  return name !== undefined && FIELDS_32.has(name);
}

let config: Promise<Config> | undefined;

/** Only `struct`: Redocly's other rules are style, and faultline's own checks cover refs and operationIds. */
function structConfig(): Promise<Config> {
  config ??= createConfig({ extends: [], rules: { struct: 'error' } }, { extends: [] }).then((c) => {
    // example payloads are data: a `$ref` key inside one is never followed
    c.styleguide.doNotResolveExamples = true;
    return c;
  });
  return config;
}

/** Every ref in a bundled document is local; anything else is refused, never read or fetched. */
class LocalOnlyResolver extends BaseResolver {
  async loadExternalRef(absoluteRef: string): Promise<Source> {
    throw new Error(`faultline does not follow the external reference ${absoluteRef}`);
  }
}

function pointerOf(location: NormalizedProblem['location'] | NormalizedProblem['from'] | undefined): string | undefined {
  const first = Array.isArray(location) ? location[0] : location;
  return (first as { pointer?: string } | undefined)?.pointer;
}

/**
 * Which structural problems stop generation. Errors: missing required fields, wrong types and unknown
 * keys where they change what is generated (a path key indented at the root, a typo for a method or
 * for `parameters`/`responses` in an operation).
 * Warnings: unknown keys deeper down (every tool ignores them, real specs carry many), anything in the
 * parts faultline never reads.
 */
const UNREAD = [
  /^#\/(info|servers|tags|externalDocs|security)(\/|$)/,
  /^#\/components\/(securitySchemes|examples|links|callbacks)(\/|$)/,
  /^#\/(paths|webhooks)\/[^/]+\/(servers|[a-z]+\/(servers|externalDocs|callbacks|security|tags))(\/|$)/,
];

export function severityOf(message: string, pointer: string): Severity {
  if (UNREAD.some((r) => r.test(pointer))) return 'warning';
  if (message.startsWith('Property `')) {
    const rootKey = /^#\/[^/]+$/.test(pointer);
    const pathItemKey = /^#\/(paths|webhooks)\/[^/]+\/[^/]+$/.test(pointer);
    const operationKey = /^#\/(paths|webhooks)\/[^/]+\/(get|put|post|delete|options|head|patch|trace)\/[^/]+$/.test(pointer);
    return rootKey || pathItemKey || operationKey ? 'error' : 'warning';
  }
  return 'error';
}

function describe(problem: NormalizedProblem, loaded: LoadedSpec): { message: string; fix?: string } {
  let message = problem.message.replace(/\.$/, '');
  const from = pointerOf(problem.from);
  // a node reached through a $ref is checked as what the ref expects: say where the ref is
  if (from) {
    const at = loaded.locate(from);
    message += ` (as used by the $ref at ${from}${at.line ? `, ${at.file}:${at.line}` : ''})`;
  }
  const key = parsePointer(pointerOf(problem.location) ?? '#').pop() ?? '';
  const suggest = problem.message.startsWith('Property `') ? closest(key, problem.suggest ?? []) : undefined;
  let fix: string | undefined;
  if (/^#\/~1[^/]*$/.test(pointerOf(problem.location) ?? ''))
    fix = `this looks like a path written at the document root: indent it under \`paths:\``;
  else if (suggest) fix = `did you mean \`${suggest}\`?`;
  else if (problem.message.startsWith('Property `')) fix = 'move the key where OpenAPI expects it, remove it, or prefix it with `x-`';
  return { message: `OpenAPI ${loaded.version} structure: ${message}`, fix };
}

/** A copy without the keys that are Object.prototype names (`constructor`, `toString`...), at any depth. */
function withoutPrototypeNames(node: unknown, depth: number): unknown {
  if (node === null || typeof node !== 'object' || depth > 400) return node;
  if (Array.isArray(node)) return node.map((n) => withoutPrototypeNames(n, depth + 1));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(node)) {
    if (key in Object.prototype) continue;
    out[key] = withoutPrototypeNames((node as Record<string, unknown>)[key], depth + 1);
  }
  return out;
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error)
    .split('\n')[0]
    .slice(0, 300);
}
