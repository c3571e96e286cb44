/**
 * How handlers reach the database. The generated registry imports handlers as plain module
 * functions, so the connection cannot be passed as an argument; app.ts puts it on `app.locals`
 * and every handler reads it from its request. Tests hand createApp a database of their own
 * (in memory, or wrapped to inject faults) without touching module state.
 */
import type { Express, Request } from 'express';
import type { Database } from './types.js';

const KEY = 'faultlineDatabase';

export function attachDatabase(app: Express, db: Database): void {
  app.locals[KEY] = db;
}

/** The request's database; a missing one is a programming error and becomes the documented 500. */
export function databaseOf(req: Request): Database {
  const db = req.app.locals[KEY] as Database | undefined;
  if (!db) throw new Error('no database attached: pass `database` to createApp');
  return db;
}
