import type { Handlers } from '../generated/handlers.gen.js';
import { databaseOf } from '../../infra/db/index.js';
import { THING_COLUMNS, toThing, type ThingRow } from '../../infra/db/things.js';

/** GET /api/things: List things, newest first. */
export const listThings: Handlers['listThings'] = async ({ query, req }) => {
  const rows = await databaseOf(req).query<ThingRow>(`SELECT ${THING_COLUMNS} FROM things ORDER BY created_at DESC, thing_id DESC LIMIT $1`, [query.limit ?? 20]);
  return { status: 200, body: rows.map(toThing) };
};
