import type { Handlers } from '../generated/handlers.gen.js';
import { databaseOf } from '../../infra/db/index.js';
import { THING_COLUMNS, toThing, type ThingRow } from '../../infra/db/things.js';

/**
 * PATCH /api/things/{thing_id}: Add votes to a thing
 * One UPDATE does the read and the write (`votes = votes + $2`), so concurrent votes never lose
 * each other the way read-modify-write in JavaScript would. Past the integer range Postgres raises
 * 22003, which the runtime answers with the documented 400.
 */
export const voteThing: Handlers['voteThing'] = async ({ params, body, req, fail }) => {
  const [row] = await databaseOf(req).query<ThingRow>(
    `UPDATE things SET votes = votes + $2 WHERE thing_id = $1 RETURNING ${THING_COLUMNS}`,
    [params.thing_id, body.increase_votes_by],
  );
  if (!row) return fail(404, 'No thing has this id');
  return { status: 200, body: toThing(row) };
};
