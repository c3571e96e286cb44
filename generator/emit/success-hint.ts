/**
 * The `return` a handler stub suggests: the operation's first documented success status (201 when it
 * documents 201), with a body only when that response has content. Built from the status code and
 * fixed text only, so no spec string reaches the stub through it.
 */
import type { ModelOperation } from '../model/types.js';

export function successHint(op: Pick<ModelOperation, 'responses'>): string {
  const success = op.responses.find((r) => /^2\d\d$/.test(r.status)) ?? op.responses.find((r) => r.status === '2XX');
  if (!success) return 'return { status, body }';
  const status = success.status === '2XX' ? '200' : success.status;
  return success.contents.length === 0 ? `return { status: ${status} }` : `return { status: ${status}, body }`;
}
