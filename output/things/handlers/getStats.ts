import type { Handlers } from '../generated/handlers.gen.js';
import { databaseOf } from '../../infra/db/index.js';

/** GET /api/stats: only reached with the admin key (security.ts). */
export const getStats: Handlers['getStats'] = async ({ req }) => {
  const [row] = await databaseOf(req).query<{ things: number | string; votes: number | string | null }>('SELECT count(*) AS things, sum(votes) AS votes FROM things');
  return { status: 200, body: { things: Number(row.things), votes: Number(row.votes ?? 0) } };
};
