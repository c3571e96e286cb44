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
];
