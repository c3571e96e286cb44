/**
 * The users table row -> the API's User. The password hash is never selected for a response.
 * The User shape is written out here rather than imported from a service's generated types, so
 * this module does not depend on a service; the handlers' return types check it against the spec.
 */
export interface User {
  id: number;
  username: string;
  email: string;
  dept: string;
  name: string;
  created_at: string;
}

/** Columns of a User, for SELECT and RETURNING lists. */
export const USER_COLUMNS = 'id, username, email, dept, name, created_at';

export interface UserRow {
  id: number;
  username: string;
  email: string;
  dept: string;
  name: string;
  created_at: Date | string;
}

export function toUser(row: UserRow): User {
  return {
    id: Number(row.id),
    username: row.username,
    email: row.email,
    dept: row.dept,
    name: row.name,
    created_at: new Date(row.created_at).toISOString(),
  };
}
