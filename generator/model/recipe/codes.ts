/**
 * Code-like values by meaning. A `code` (or `type`, `title`, gRPC-style `status`) enum renders, for
 * each status, the value whose words say that status (meanings.ts), worked out here once per
 * schema so the runtime only looks it up. When no value fits, the recipe falls back to a value that
 * means nothing known, or (required, and every value means something else) to the first one, and
 * `unmetCodes` names the field so lint and generate can warn about that (operation, status).
 */
import type { Json, Recipe } from '../../../templates/runtime/recipe.js';
import { MEANINGFUL_STATUSES, contradicts, neutralChoice, pickByMeaning } from './meanings.js';

/** A value an example body put there for this status is the author's own choice. */
const fromExample = (r: { byStatus?: Record<string, string>; enum?: string[] }, status: number) => {
  const v = r.byStatus?.[String(status)];
  return v !== undefined && r.enum !== undefined && pickByMeaning(r.enum, status)?.value !== v;
};

export interface CodeRules {
  byStatus?: Record<string, string>;
  fallback?: string;
}

/** byStatus for every status of the table plus `4XX`/`5XX` for the rest of each class. */
export function codeRules(values: readonly string[], required: boolean): CodeRules {
  const byStatus: Record<string, string> = {};
  const classOf = { '4XX': pickByMeaning(values, 400)?.value, '5XX': pickByMeaning(values, 500)?.value };
  for (const [key, value] of Object.entries(classOf)) if (value !== undefined) byStatus[key] = value;
  for (const status of MEANINGFUL_STATUSES) {
    const pick = pickByMeaning(values, status);
    const cls = status >= 500 ? '5XX' : '4XX';
    if (pick && pick.value !== byStatus[cls]) byStatus[String(status)] = pick.value;
  }
  const fallback = neutralChoice(values) ?? (required ? values[0] : undefined);
  return { ...(Object.keys(byStatus).length ? { byStatus } : {}), ...(fallback !== undefined ? { fallback } : {}) };
}

/** The status a documented key is judged as: 404 as 404, 4XX as 400, default as 500. */
export function representativeStatus(documented: string): number {
  if (documented === 'default') return 500;
  return /X/i.test(documented) ? Number(documented[0]) * 100 : Number(documented);
}

export interface UnmetCode {
  /** `code`, `error.code`: where in the body. */
  field: string;
  why: string;
}

/**
 * Code-like fields of `recipe` that say nothing true for `documented`: an enum with no value
 * that means it, or a constant that contradicts it (`NOT_FOUND` fixed in a 500's schema).
 */
export function unmetCodes(recipe: Recipe, documented: string): UnmetCode[] {
  const status = representativeStatus(documented);
  const out: UnmetCode[] = [];
  const visit = (r: Recipe, path: string[]) => {
    switch (r.kind) {
      case 'object':
        for (const p of r.props) visit(p.value, [...path, p.name]);
        return;
      case 'choice':
        visit(r.otherwise, path);
        return;
      case 'slot': {
        if (!r.enum || !isCodeLike(r.slot)) return;
        const chosen = r.byStatus?.[String(status)] ?? r.byStatus?.[`${String(status)[0]}XX`];
        // An exact status answered with its class's generic value (`bad_request` for a 404) is
        // still worth a warning: the client learns less than the status says.
        const generic =
          /^\d{3}$/.test(documented) && chosen !== undefined && pickByMeaning(r.enum, status)?.generic === true && !fromExample(r, status);
        if (chosen === undefined || generic) {
          const falls =
            chosen !== undefined
              ? `renders the generic ${JSON.stringify(chosen)}`
              : r.fallback !== undefined
                ? `renders ${JSON.stringify(r.fallback)}`
                : 'is left out';
          out.push({ field: path.join('.') || '(body)', why: `no value of [${r.enum.join(', ')}] means ${documented}; it ${falls}` });
        }
        return;
      }
      case 'const':
        if (typeof r.value === 'string' && path.length && isCodeName(path[path.length - 1]!) && contradicts(r.value, status)) {
          out.push({ field: path.join('.'), why: `the fixed value ${JSON.stringify(r.value)} contradicts ${documented}` });
        }
        return;
      default:
        return;
    }
  };
  visit(recipe, []);
  return out;
}

const isCodeLike = (slot: string) => slot === 'code' || slot === 'type' || slot === 'title';
const isCodeName = (name: string) => /^(code|errorcode|error_code|errorCode|type|kind|status|reason)$/i.test(name);

/** Code-like values a rendered body holds at shallow, named places, for verify's contradiction check. */
export function codesIn(body: unknown): { field: string; value: string }[] {
  const out: { field: string; value: string }[] = [];
  const visit = (node: unknown, path: string[]) => {
    if (!node || typeof node !== 'object' || Array.isArray(node) || path.length > 2) return;
    for (const [k, v] of Object.entries(node as Record<string, Json>)) {
      if (typeof v === 'string' && /^(code|errorcode|error_code|errorCode|status)$/i.test(k))
        out.push({ field: [...path, k].join('.'), value: v });
      else if (v && typeof v === 'object' && /^(error|err|fault|problem)$/i.test(k)) visit(v, [...path, k]);
    }
  };
  visit(body, []);
  return out;
}
