/**
 * Schema of the things service. Append new migrations; never edit an applied one.
 */
import type { Migration } from '../types.js';

export const thingsMigrations: readonly Migration[] = [
  {
    id: '001_things',
    statements: [
      // The CHECK repeats the spec's 0..5 so the rule holds for writes that skip the API too.
      // votes is a 32-bit integer on purpose: an increment past its range raises 22003, which the
      // runtime answers with the documented 400 instead of wrapping around or failing with a 500.
      `CREATE TABLE IF NOT EXISTS things (
        thing_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL,
        description text NOT NULL,
        rating_out_of_five smallint NOT NULL CHECK (rating_out_of_five BETWEEN 0 AND 5),
        votes integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX IF NOT EXISTS things_newest ON things (created_at DESC, thing_id DESC)`,
    ],
  },
];
