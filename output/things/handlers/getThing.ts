import type { Handlers } from '../generated/handlers.gen.js';
import { databaseOf } from '../../infra/db/index.js';
import { THING_COLUMNS, toThing, type ThingRow } from '../../infra/db/things.js';

/** GET /api/things/{thing_id}: Get a thing */
export const getThing: Handlers['getThing'] = async ({ params, req, fail }) => {
  const [row] = await databaseOf(req).query<ThingRow>(`SELECT ${THING_COLUMNS} FROM things WHERE thing_id = $1`, [params.thing_id]);
  if (!row) return fail(404, 'No thing has this id');
  return { status: 200, body: toThing(row) };
};
