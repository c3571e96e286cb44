/** Types of `faultline diff`: one Change per difference in the error contract of an operation. */
export type ChangeKind =
  | 'operation-added'
  | 'operation-removed'
  | 'operation-moved'
  | 'status-added'
  | 'status-removed'
  | 'content-type-changed'
  | 'body-added'
  | 'body-removed'
  | 'schema-changed'
  | 'security-changed';

export interface Place {
  file: string;
  line: number;
  pointer: string;
}

export interface Change {
  kind: ChangeKind;
  /** "GET /user/{username}" as in the new spec (the old one when removed). */
  operation: string;
  operationId?: string;
  /** Error status concerned, e.g. '409', '4XX', 'default'. */
  status?: string;
  /** Field path inside the error body for schema changes: `detail[].loc`, `(body)` for the root. */
  field?: string;
  /** true when a client written against the old spec may break against the new one. */
  breaking: boolean;
  message: string;
  old?: Place;
  new?: Place;
}

export interface DiffResult {
  changes: Change[];
  summary: { breaking: number; nonBreaking: number };
}
