/**
 * Error responses, listed once per definition. A response shared through `components/responses`
 * is fixed in one place, so rules about the response itself report it once at its definition and
 * say how many operations use it, instead of repeating the same finding hundreds of times.
 */
import { escapePointerToken } from '../diagnostics.js';
import type { ModelOperation, ModelResponse } from '../model/types.js';

export interface ErrorResponseDefinition {
  /** Where the response is written: `#/components/responses/NotFound` or the operation's own entry. */
  pointer: string;
  response: ModelResponse;
  /** Every (status, operation) that uses this definition, in model order. One definition can serve 404 and 500. */
  uses: { status: string; operation: ModelOperation }[];
}

export function errorResponseDefinitions(operations: readonly ModelOperation[]): ErrorResponseDefinition[] {
  const byPointer = new Map<string, ErrorResponseDefinition>();
  for (const operation of operations) {
    for (const response of operation.responses) {
      if (!response.isError) continue;
      const pointer = definitionPointer(response);
      const entry = byPointer.get(pointer) ?? { pointer, response, uses: [] };
      byPointer.set(pointer, entry);
      entry.uses.push({ status: response.status, operation });
    }
  }
  return [...byPointer.values()];
}

export function definitionPointer(response: ModelResponse): string {
  return response.component !== undefined ? `#/components/responses/${escapePointerToken(response.component)}` : response.pointer;
}

/** Distinct statuses, e.g. "404/500", in first-use order. */
export function statusesOf(uses: readonly { status: string }[]): string {
  return [...new Set(uses.map((u) => u.status))].join('/');
}

/** "GET /a" or "GET /a and 12 other operations": enough to find it, short enough to read. */
export function describeUsers(uses: readonly { operation: ModelOperation }[]): string {
  const keys = [...new Set(uses.map((u) => u.operation.key))];
  const others = keys.length - 1;
  return others === 0 ? keys[0] : `${keys[0]} and ${others} other operation${others === 1 ? '' : 's'}`;
}

/** `#/components/schemas/Error` when the schema is a named component, else "an inline schema". */
export function describeSchema(schemaPointer: string | undefined): string {
  return schemaPointer?.startsWith('#/components/schemas/') ? schemaPointer : 'an inline schema';
}
