/**
 * The things table row -> the API's Thing (shape written out, checked against the spec by the
 * handlers' return types, as in users.ts).
 */
export interface Thing {
  thing_id: number;
  name: string;
  description: string;
  rating_out_of_five: number;
  votes: number;
  created_at: string;
}

export const THING_COLUMNS = 'thing_id, name, description, rating_out_of_five, votes, created_at';

export interface ThingRow {
  /** bigint: pg returns it as a string (it may exceed 2^53); ids here stay far below that. */
  thing_id: string | number;
  name: string;
  description: string;
  rating_out_of_five: number;
  votes: number;
  created_at: Date | string;
}

export function toThing(row: ThingRow): Thing {
  return {
    thing_id: Number(row.thing_id),
    name: row.name,
    description: row.description,
    rating_out_of_five: Number(row.rating_out_of_five),
    votes: Number(row.votes),
    created_at: new Date(row.created_at).toISOString(),
  };
}
