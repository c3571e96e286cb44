/** Type helpers used by handlers.gen.ts. */
import type { NativeRequest, NativeResponse } from './native.js';
import type { Logger } from './logger.js';

type Range<Lo extends number, Acc extends number[] = [], Out extends number = never> = Acc['length'] extends 100
  ? Out
  : Range<Lo, [...Acc, 0], Out | Add<Lo, Acc['length']>>;
type Add<A extends number, B extends number> = [...Tuple<A>, ...Tuple<B>]['length'] & number;
type Tuple<N extends number, T extends unknown[] = []> = T['length'] extends N ? T : Tuple<N, [...T, unknown]>;

/** 200..299, 400..499, 500..599: what a `2XX`/`4XX`/`5XX` response lets a handler return. */
export type Status2XX = Range<200>;
export type Status4XX = Range<400>;
export type Status5XX = Range<500>;

/**
 * The body of a sequential response (`text/event-stream`, JSON Lines, JSON text sequences): its items,
 * as a list or an async iterable, each sent as one event or line (serialize.ts). `T` is the documented
 * type: a list (an OpenAPI 3.2 `itemSchema` is typed as the list of its items) gives its item type.
 */
export type Sequence<T> = T extends readonly (infer I)[] ? readonly I[] | AsyncIterable<I> : readonly T[] | AsyncIterable<T>;

/** `never` (no parameters of this kind) becomes an empty object, so handlers can always destructure. */
export type OrEmpty<T> = [T] extends [never] ? Record<string, never> : [T] extends [undefined] ? Record<string, never> : NonNullable<T>;

export interface HandlerInput<Params, Query, Headers, Body, Auth = undefined> {
  params: OrEmpty<Params>;
  query: OrEmpty<Query>;
  headers: OrEmpty<Headers> & Record<string, string | string[] | undefined>;
  body: Body;
  /** Cookie parameters the operation declares, parsed and validated (integers are numbers). */
  cookies: Record<string, unknown>;
  requestId: string;
  /** Secured operations: which security requirement was met and each scheme's principal. */
  auth: Auth;
  log: Logger;
  /** The target framework's own request (Express or Fastify): the escape hatch. */
  req: NativeRequest;
  /** The target framework's own response (Express `Response`, Fastify `FastifyReply`). */
  res: NativeResponse;
}
