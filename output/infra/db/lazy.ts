/**
 * A Database opened on first use. createApp() is synchronous and opening Postgres is not, so an
 * app built without a database (tests, `createApp().listen(0)`) gets one of these around a private
 * in-memory PGlite. A failed open is forgotten, so the next request tries again.
 */
import type { Database } from './types.js';

export function lazyDatabase(kind: Database['kind'], open: () => Promise<Database>): Database {
  let opening: Promise<Database> | undefined;
  const get = () => {
    opening ??= open().catch((error: unknown) => {
      opening = undefined;
      throw error;
    });
    return opening;
  };
  return {
    kind,
    query: async (sql, params) => (await get()).query(sql, params),
    transaction: async (work, options) => (await get()).transaction(work, options),
    close: async () => {
      const db = await opening?.catch(() => undefined);
      opening = undefined;
      await db?.close();
    },
  };
}
