/**
 * One entry point for the example services: DATABASE_URL picks the backend.
 *   postgres://… or postgresql://…  a real server through pg
 *   memory://                       PGlite in memory (tests, demos; nothing is kept)
 *   anything else (or unset)        PGlite with its data in that folder, default ./data/<service>
 * Migrations run before the database is handed out, so a service never serves an old schema.
 */
import path from 'node:path';
import { migrate } from './migrate.js';
import { openPg } from './pg.js';
import { openPglite } from './pglite.js';
import type { Database, Migration } from './types.js';

export interface OpenOptions {
  /** Names the migration ledger rows, the default data folder and the pg application_name. */
  service: string;
  migrations: readonly Migration[];
  /** Defaults to process.env.DATABASE_URL, then ./data/<service>. */
  url?: string;
  onWarning?: (message: string, error?: unknown) => void;
}

export function databaseUrlFor(service: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.trim() || path.join('data', service);
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const url = options.url ?? databaseUrlFor(options.service);
  const onOpen = async (db: Database) => {
    await migrate(db, options.service, options.migrations);
  };
  if (/^postgres(ql)?:\/\//i.test(url)) {
    return openPg({ url, applicationName: `faultline-${options.service}`, onOpen, onWarning: options.onWarning });
  }
  if (url === 'memory://') return openPglite({ onOpen, onWarning: options.onWarning });
  return openPglite({ dataDir: url.replace(/^file:\/\//i, ''), onOpen, onWarning: options.onWarning });
}

/** For logs: the URL without its password. */
export function describeDatabaseUrl(url: string): string {
  return /^postgres(ql)?:\/\//i.test(url) ? url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') : url;
}
