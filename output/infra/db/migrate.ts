/**
 * Idempotent migrations, run on every start (and on every PGlite reopen). Each service records what
 * it applied in `faultline_migrations`, keyed by service so users and things can share one database.
 * Everything happens in one transaction under an advisory lock: two instances starting at once
 * against the same server serialise here instead of both creating the same table, and a failed
 * migration leaves nothing half-applied (Postgres DDL is transactional).
 */
import type { Database, Migration } from './types.js';

const LEDGER = `CREATE TABLE IF NOT EXISTS faultline_migrations (
  service text NOT NULL,
  id text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (service, id)
)`;

/** Applies the migrations not yet recorded, in order; returns the ids it applied. */
export async function migrate(db: Pick<Database, 'transaction'>, service: string, migrations: readonly Migration[]): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`faultline_migrations:${service}`]);
    await tx.query(LEDGER);
    const rows = await tx.query<{ id: string }>('SELECT id FROM faultline_migrations WHERE service = $1', [service]);
    const done = new Set(rows.map((row) => row.id));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO faultline_migrations (service, id) VALUES ($1, $2)', [service, migration.id]);
      applied.push(migration.id);
    }
    return applied;
  });
}
