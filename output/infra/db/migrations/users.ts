/**
 * Schema of the users service. Append new migrations; never edit an applied one (its id is
 * recorded and it will not run again).
 */
import type { Migration } from '../types.js';

export const usersMigrations: readonly Migration[] = [
  {
    id: '001_users',
    statements: [
      // UNIQUE on username is the real guard against duplicates: the handler's check is only for a
      // friendly message, and two concurrent requests can both pass it (then 23505 -> 409).
      `CREATE TABLE IF NOT EXISTS users (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        username text NOT NULL UNIQUE,
        email text NOT NULL,
        dept text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
    ],
  },
  {
    id: '002_tokens',
    statements: [
      // Only a SHA-256 of each bearer token is stored: a leaked table does not hand out sessions.
      // ON DELETE CASCADE: deleting a user ends their sessions.
      `CREATE TABLE IF NOT EXISTS tokens (
        token_hash text PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        scopes text NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      'CREATE INDEX IF NOT EXISTS tokens_user_id ON tokens (user_id)',
    ],
  },
];
