import type { Handlers } from '../generated/handlers.gen.js';
import { databaseOf } from '../../infra/db/index.js';
import { THING_COLUMNS, toThing, type ThingRow } from '../../infra/db/things.js';

/** POST /api/things: Create a thing (the table's CHECK repeats the spec's 0..5 rating rule). */
export const createThing: Handlers['createThing'] = async ({ body, req }) => {
  const [row] = await databaseOf(req).query<ThingRow>(
    `INSERT INTO things (name, description, rating_out_of_five) VALUES ($1, $2, $3) RETURNING ${THING_COLUMNS}`,
    [body.name, body.description, body.rating_out_of_five],
  );
  return { status: 201, body: toThing(row) };
};
