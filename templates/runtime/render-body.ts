/**
 * Renders a documented error body from a Problem by following a Recipe.
 *
 * A Recipe is plain JSON worked out at generation time (generator/model/body-recipe.ts) and
 * stored in contract.gen.ts: no functions, no code strings, so a hostile spec cannot smuggle code
 * into the service through it. Everything that needs judgement (which property holds the message,
 * which value satisfies an enum, which branch of a oneOf) was decided when the recipe was built;
 * this file only walks the tree, so it stays small and fast on the error path.
 *
 * Copied verbatim into every generated service: imports only from templates/runtime.
 */
import { problemAsIssue, type Issue, type Problem } from './problem.js';
import type { GuardFormat, IssueField, Json, ProblemSlot, Recipe, RecipeProp, StringRules } from './recipe.js';

interface Scope {
  problem: Problem;
  issue: Issue;
  now: Date;
}

/** Renders `recipe` for `problem`. `now` only matters for `timestamp` slots. */
export function renderBody(recipe: Recipe, problem: Problem, now: Date = new Date()): unknown {
  return render(recipe, { problem, issue: problemAsIssue(problem), now });
}

function render(recipe: Recipe, scope: Scope): Json | undefined {
  switch (recipe.kind) {
    case 'const':
      return recipe.value;
    case 'status':
      return renderStatus(recipe, scope.problem.status);
    case 'slot':
      return applyRules(slotValue(recipe, scope), recipe);
    case 'issue':
      return applyRules(issueField(recipe.field, scope.issue), recipe);
    case 'issuePath': {
      const path = recipe.withLocation ? [scope.issue.location, ...scope.issue.path] : scope.issue.path;
      return recipe.items === 'string' ? path.map(String) : path.slice();
    }
    case 'object':
      return renderObject(recipe.props, scope);
    case 'issues':
      return renderIssues(recipe, scope);
    case 'choice':
      return render(hasIssues(scope.problem) ? recipe.whenIssues : recipe.otherwise, scope);
    case 'join':
      return renderJoin(recipe, scope);
    case 'flag':
      return recipe.statuses.includes(scope.problem.status) || scope.problem.retryable === true;
  }
}

function renderStatus(recipe: Extract<Recipe, { kind: 'status' }>, status: number): Json {
  if (recipe.enum) {
    // An enum such as [400, 404, 500] fits only some statuses (the builder noted it): a 405 says
    // 400, the generic status of its class, rather than the first value.
    const cls = String(status)[0];
    const hit =
      recipe.enum.find((v) => String(v) === String(status)) ??
      recipe.enum.find((v) => String(v) === `${cls}00`) ??
      recipe.enum.find((v) => String(v)[0] === cls);
    return hit ?? recipe.enum[0]!;
  }
  let value = status;
  if (recipe.minimum !== undefined && value < recipe.minimum) value = recipe.minimum;
  if (recipe.maximum !== undefined && value > recipe.maximum) value = recipe.maximum;
  return recipe.as === 'string' ? String(value) : value;
}

function problemSlot(slot: ProblemSlot, scope: Scope): string | undefined {
  return slot === 'timestamp' ? scope.now.toISOString() : scope.problem[slot];
}

/**
 * A code-like slot: the handler's own code when the enum allows it, then the value chosen for
 * the status, then the runtime's code; enum values match whatever their spelling (`NOT_FOUND`
 * renders `not_found` when that is how the enum writes it).
 */
function slotValue(recipe: Extract<Recipe, { kind: 'slot' }>, scope: Scope): string | undefined {
  const problem = scope.problem;
  const own = problemSlot(recipe.slot, scope);
  if (recipe.summary) return withSummary(own, problem.issues);
  if (!recipe.enum && !recipe.byStatus) return own;
  const explicit = recipe.slot === 'code' ? allowed(problem.explicitCode, recipe.enum) : undefined;
  const meant = recipe.byStatus?.[String(problem.status)] ?? recipe.byStatus?.[`${String(problem.status)[0]}XX`];
  return explicit ?? meant ?? allowed(own, recipe.enum);
}

function allowed(value: string | undefined, values: string[] | undefined): string | undefined {
  if (value === undefined || !values || values.includes(value)) return value;
  const key = (v: string) => v.toLowerCase().replace(/[^a-z0-9]/g, '');
  return values.find((v) => key(v) === key(value));
}

/** 'The request is invalid: body.email: is required; query.limit: must be <= 100' (messages never hold input). */
function withSummary(text: string | undefined, issues: Issue[] | undefined): string | undefined {
  if (!issues?.length) return text;
  const shown = issues.slice(0, 5).map((i) => {
    const where = [i.location, ...i.path].join('.');
    return i.path.length || i.location !== 'request' ? `${where}: ${i.message}` : i.message;
  });
  const more = issues.length > shown.length ? `; and ${issues.length - shown.length} more` : '';
  const lead = (text ?? '').replace(/[.:\s]+$/, '');
  return `${lead ? lead + ': ' : ''}${shown.join('; ')}${more}`;
}

function issueField(field: IssueField, issue: Issue): string {
  switch (field) {
    case 'field':
      return issue.path.length ? String(issue.path[issue.path.length - 1]) : '';
    case 'where':
      return issue.path.length ? [issue.location, ...issue.path].join('.') : '';
    default:
      return issue[field];
  }
}

function renderObject(props: RecipeProp[], scope: Scope): Json {
  const out: { [key: string]: Json } = {};
  for (const prop of props) {
    const value = render(prop.value, scope);
    if (value === undefined) continue;
    if (prop.optional && Array.isArray(value) && value.length === 0) continue;
    // defineProperty: a spec may name a property `__proto__`; plain assignment would drop it.
    // A spec may name a property `__proto__`: define it as an own property instead of setting the prototype.
    // Every other name is a plain assignment, several times faster than defineProperty on this hot path.
    if (prop.name === '__proto__') Object.defineProperty(out, prop.name, { value, enumerable: true, writable: true, configurable: true });
    else out[prop.name] = value;
  }
  return out;
}

function hasIssues(problem: Problem): boolean {
  return problem.issues !== undefined && problem.issues.length > 0;
}

function renderIssues(recipe: Extract<Recipe, { kind: 'issues' }>, scope: Scope): Json[] {
  let issues: Issue[] = scope.problem.issues ?? [];
  if (issues.length === 0 && recipe.synthesize) issues = [problemAsIssue(scope.problem)];
  if (recipe.maxItems !== undefined && issues.length > recipe.maxItems) issues = issues.slice(0, recipe.maxItems);
  // minItems > 1 is rare; padding with the problem itself keeps the body valid.
  while (recipe.minItems !== undefined && issues.length < recipe.minItems) issues = [...issues, problemAsIssue(scope.problem)];
  const out: Json[] = [];
  const seen = recipe.unique ? new Set<string>() : undefined;
  for (const issue of issues) {
    const item = render(recipe.item, { ...scope, issue });
    if (item === undefined) continue;
    // uniqueItems: two issues can render alike (same message, no path in the item).
    if (seen) {
      const key = JSON.stringify(item);
      if (seen.has(key)) continue;
      seen.add(key);
    }
    out.push(item);
  }
  return out;
}

function renderJoin(recipe: Extract<Recipe, { kind: 'join' }>, scope: Scope): string {
  const texts: string[] = [];
  for (const part of recipe.parts) collectText(render(part, scope), texts);
  const text = truncate(texts.join(recipe.separator), recipe.maxLength);
  const short = (recipe.minLength ?? 0) - codePoints(text);
  return short > 0 ? text + '.'.repeat(short) : text;
}

function collectText(value: Json | undefined, into: string[]): void {
  if (value === undefined || value === null || value === '') return;
  if (Array.isArray(value)) for (const v of value) collectText(v, into);
  else into.push(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

function applyRules(value: string | undefined, rules: StringRules): string | undefined {
  if (value === undefined) return rules.fallback;
  if (rules.enum && !rules.enum.includes(value)) return rules.fallback;
  if (rules.format && !FORMAT_GUARDS[rules.format].test(value)) return rules.fallback;
  let out = truncate(value, rules.maxLength);
  if (rules.minLength !== undefined && codePoints(out) < rules.minLength) {
    if (rules.fallback !== undefined) return rules.fallback;
    out = out + '.'.repeat(rules.minLength - codePoints(out));
  }
  return out;
}

/**
 * Stricter than ajv-formats on purpose: a value these accept is always accepted there, so a
 * service-supplied `type` or `instance` is only used when it certainly validates.
 */
const PCHAR = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})";
const QUERY = `(?:\\?(?:${PCHAR}|[/?])*)?`;
/** http(s) URLs with a plain host, and rootless URIs such as about:blank or urn:x:y. */
const ABSOLUTE = `(?:https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/${PCHAR}*)*${QUERY}|[a-z][a-z0-9+.-]*:(?!/)${PCHAR}+(?:/${PCHAR}*)*)`;
/** Request paths such as /users/1?x=2. */
const ROOTED = `/(?!/)${PCHAR}*(?:/${PCHAR}*)*${QUERY}`;
const FORMAT_GUARDS: Record<GuardFormat, RegExp> = {
  uri: new RegExp(`^${ABSOLUTE}$`),
  'uri-reference': new RegExp(`^(?:${ABSOLUTE}|${ROOTED})$`),
  uuid: /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
  'json-pointer': /^(?:\/(?:[^~/]|~0|~1)*)*$/,
};

/** JSON Schema lengths count code points, not UTF-16 units (ajv does the same). */
export function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === 0 || text.charCodeAt(i - 1) < 0xd800 || text.charCodeAt(i - 1) > 0xdbff) n++;
  }
  return n;
}

/** Cuts to `max` code points, ending with '…' when there is room, never splitting a pair. */
export function truncate(text: string, max: number | undefined): string {
  if (max === undefined || text.length <= max || codePoints(text) <= max) return text;
  const chars = Array.from(text);
  return max >= 2 ? chars.slice(0, max - 1).join('') + '…' : chars.slice(0, max).join('');
}
