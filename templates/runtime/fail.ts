/**
 * `input.fail(status, detail?, fields?, options?)`: the checked way for a handler to answer with an
 * error. Its type comes from the operation's documented error responses (handlers.gen.ts), so raising
 * a status the operation does not document is a compile error at that call, and removing a status
 * from the spec turns every `fail` of it into one. At run time it throws an HttpError, so the response
 * is exactly the one a thrown error class produces: the documented body built from the schema.
 *
 * Ranges: an operation documenting `4XX` accepts any 400..499, `5XX` any 500..599, and `default` any
 * 400..599 (never a success status: `fail` is for errors). The fields' type follows the same order
 * as the runtime picks the response: the exact status, then its range, then `default`.
 */
import { HttpError } from './http-errors.js';
import type { Status4XX, Status5XX } from './types.js';

/** The statuses `fail` accepts for an operation whose error bodies are `E` (keyed by status, `4XX`, `default`). */
export type FailStatus<E> =
  | Extract<keyof E, number>
  | ('4XX' extends keyof E ? Status4XX : never)
  | ('5XX' extends keyof E ? Status5XX : never)
  | ('default' extends keyof E ? Status4XX | Status5XX : never);

type RangeOf<S extends number> = `${S}` extends `4${string}` ? '4XX' : `${S}` extends `5${string}` ? '5XX' : never;

/** The documented body of status S: exact, else its range, else `default` (as respond.ts chooses). */
export type FailBody<E, S extends number> = S extends keyof E
  ? E[S]
  : RangeOf<S> extends keyof E
    ? E[RangeOf<S>]
    : 'default' extends keyof E
      ? E['default']
      : never;

/**
 * Body fields a failure may set over the synthesized body: the documented schema's own properties.
 * Bodies that are not objects (text, arrays, no content) take none.
 */
export type FailFields<B> = [B] extends [never] ? never : B extends readonly unknown[] ? never : B extends object ? Partial<B> : never;

export interface FailOptions {
  /** Response headers, e.g. Retry-After on a documented 503. */
  headers?: Record<string, string> | undefined;
  /** Fed to the body recipe like an HttpError's: the problem title and stable SCREAMING_SNAKE code. */
  title?: string | undefined;
  code?: string | undefined;
  /** Logged with the error, never sent. */
  cause?: unknown;
}

/**
 * The `fail` of one operation. Returns `never`: `return fail(404, 'No such user')` ends the handler
 * (write the `return`: TypeScript narrows after a bare never-returning call only through explicitly
 * typed names, and a destructured handler input is typed by context). `Allowed` is spelled out in
 * handlers.gen.ts so a compile error lists the documented statuses rather than a type name.
 */
export type Fail<E, Allowed extends number = FailStatus<E>> = <S extends Allowed>(
  status: S,
  detail?: string,
  fields?: FailFields<FailBody<E, S>>,
  options?: FailOptions,
) => never;

/** What every handler input gets besides its parameters. */
export interface CanFail<E, Allowed extends number = FailStatus<E>> {
  fail: Fail<E, Allowed>;
}

/** The one implementation behind every operation's typed `fail`. */
export function fail(status: number, detail?: string, fields?: object, options: FailOptions = {}): never {
  throw new HttpError(status, { detail, fields: fields as Record<string, unknown> | undefined, ...options });
}
