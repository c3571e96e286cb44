import type { Handlers } from '../generated/handlers.gen.js';
import { databaseOf } from '../../infra/db/index.js';

/** DELETE /api/things/{thing_id}: Delete a thing */
export const deleteThing: Handlers['deleteThing'] = async ({ params, req, fail }) => {
  const rows = await databaseOf(req).query('DELETE FROM things WHERE thing_id = $1 RETURNING thing_id', [params.thing_id]);
  if (rows.length === 0) return fail(404, 'No thing has this id');
  return { status: 204 };
};
