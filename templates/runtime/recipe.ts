/**
 * The Recipe: how one documented error body is built from a Problem. Plain JSON, worked out at
 * generation time (generator/model/body-recipe.ts), stored in each service's contract.gen.ts and
 * followed by `renderBody` (render-body.ts). The generator builds these types and the runtime reads
 * them, so they live here, where both can import them.
 *
 * Copied verbatim into every generated service: no imports.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Problem fields a string slot can carry. `timestamp` is the render time as ISO 8601. */
export type ProblemSlot = 'title' | 'detail' | 'type' | 'instance' | 'path' | 'requestId' | 'code' | 'timestamp';
/** Issue fields a string slot can carry. `field` is the last path element, `where` is 'body.items.0'. */
export type IssueField = 'message' | 'pointer' | 'location' | 'code' | 'field' | 'where';
/** Formats checked at render time with a strict regex; a value that fails uses the fallback. */
export type GuardFormat = 'uri' | 'uri-reference' | 'uuid' | 'json-pointer';

/** Limits a string must meet; the builder verified that `fallback` meets them all. */
export interface StringRules {
  maxLength?: number;
  minLength?: number;
  /** Allowed values; anything else renders `fallback` (always set when `enum` is). */
  enum?: string[];
  format?: GuardFormat;
  /** Used when the value is missing or breaks `enum`/`format`; absent means "omit the property". */
  fallback?: string;
  /**
   * The value that says what a status means, chosen at generation time from the enum (or the
   * response's example): keyed by status ('404'), then by class ('4XX'). A code the handler set
   * itself still wins when the enum allows it.
   */
  byStatus?: Record<string, string>;
  /** The schema has no issue list: a message slot appends a short summary of the issues. */
  summary?: boolean;
}

export interface RecipeProp {
  name: string;
  value: Recipe;
  /** Optional properties are left out when their value is missing or an empty issue list. */
  optional: boolean;
}

export type Recipe =
  | { kind: 'const'; value: Json }
  | { kind: 'status'; as: 'integer' | 'string'; enum?: (number | string)[]; minimum?: number; maximum?: number }
  | ({ kind: 'slot'; slot: ProblemSlot } & StringRules)
  | ({ kind: 'issue'; field: IssueField } & StringRules)
  /** The issue path; `withLocation` prefixes the location like FastAPI's `loc: ['body', 'email']`. */
  | { kind: 'issuePath'; items: 'mixed' | 'string'; withLocation: boolean }
  | { kind: 'object'; props: RecipeProp[] }
  /** One `item` per issue; `synthesize` renders the problem itself as one issue when there are none. */
  | { kind: 'issues'; item: Recipe; synthesize: boolean; minItems?: number; maxItems?: number; unique?: boolean }
  /** FastAPI-style `detail: string | Issue[]`: the list when there are issues, else the text. */
  | { kind: 'choice'; whenIssues: Recipe; otherwise: Recipe }
  /** Text bodies and string issue items: non-empty parts joined, arrays flattened, then cut. */
  | { kind: 'join'; parts: Recipe[]; separator: string; maxLength?: number; minLength?: number }
  /** A boolean such as `retryable`: true for these statuses and whenever Retry-After is sent. */
  | { kind: 'flag'; statuses: number[] };
