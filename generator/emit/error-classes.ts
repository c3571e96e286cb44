/**
 * The classes of errors.gen.ts: one per shared `components/responses` entry used as an error (named
 * after it: Conflict -> ConflictError), plus one per documented error status that no shared class
 * already names (404 -> NotFoundError). Inline error responses are thrown through the status classes.
 */
import { literal } from './safe-text.js';
import { NameRegistry, pascalCase, safeIdentifier } from '../model/identifiers.js';
import { reasonPhrase } from '../../templates/runtime/http-errors.js';
import type { Model } from '../model/types.js';

export interface ErrorClassView {
  name: string;
  status?: number;
  statusType?: string;
  bodyType: string;
  doc: string;
}

export function errorClasses(model: Model): ErrorClassView[] {
  const components = new Map<string, { statuses: Set<number>; contentType?: string; description: string; hasContent: boolean }>();
  const statuses = new Set<number>();
  for (const op of model.operations) {
    for (const r of op.responses.filter((x) => x.isError)) {
      const exact = /^\d+$/.test(r.status) ? Number(r.status) : undefined;
      if (exact) statuses.add(exact);
      if (!r.component) continue;
      const entry = components.get(r.component) ?? {
        statuses: new Set<number>(),
        contentType: r.errorContent?.contentType,
        description: r.description,
        hasContent: r.contents.length > 0,
      };
      if (exact) entry.statuses.add(exact);
      components.set(r.component, entry);
    }
  }
  const reserved = ['HttpError', 'HttpErrorInit', 'Error', 'components', 'rt'];
  const names = new NameRegistry(reserved);
  const classes: ErrorClassView[] = [];
  for (const [component, info] of [...components].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const base = pascalCase(component);
    const wanted = safeIdentifier(base.endsWith('Error') ? base : `${base}Error`, 'ApiError');
    // `Error` is the commonest name of a shared error response: ErrorResponse reads better than Error2.
    const name = names.claim(reserved.includes(wanted) ? `${wanted}Response` : wanted).name;
    const list = [...info.statuses].sort();
    const bodyType = info.contentType
      ? `components["responses"][${literal(component)}]["content"][${literal(info.contentType)}]`
      : 'undefined';
    const doc = `${list.join(', ') || 'error'} ${component}: ${info.description}`;
    classes.push(
      list.length === 1
        ? { name, status: list[0], bodyType, doc }
        : { name, statusType: list.length ? list.join(' | ') : 'number', bodyType, doc },
    );
  }
  const named = new Set(classes.filter((c) => c.status !== undefined).map((c) => c.status));
  for (const status of [...statuses].sort()) {
    if (named.has(status)) continue;
    const base = safeIdentifier(pascalCase(reasonPhrase(status)), 'Status');
    const wanted = base.endsWith('Error') ? base : `${base}Error`;
    const { name, collided } = names.claim(wanted);
    if (collided) continue;
    classes.push({
      name,
      status,
      bodyType: 'unknown',
      doc: `${status} ${reasonPhrase(status)}: the body is built from the schema the operation documents for ${status}.`,
    });
  }
  return classes;
}
