/** The in-memory user store all three servers share (same data, same answers). */
export interface StoredUser {
  id: number;
  email: string;
  dept: string;
  name: string;
  username: string;
  created_at: string;
  password: string;
}

export type PublicUser = Omit<StoredUser, 'password'>;

export const SEED = { email: 'pam@dm.com', dept: 'Accounting', password: 'jimjim', name: 'Pam Beesly', username: 'pam' };

export function createStore() {
  const users = new Map<string, StoredUser>();
  let nextId = 1;
  const store = {
    create(input: Omit<StoredUser, 'id' | 'created_at'>): PublicUser | undefined {
      if (users.has(input.username)) return undefined;
      const user: StoredUser = { ...input, id: nextId++, created_at: '2024-01-01T00:00:00.000Z' };
      users.set(user.username, user);
      return toPublic(user);
    },
    get(username: string): PublicUser | undefined {
      const user = users.get(username);
      return user && toPublic(user);
    },
    list(limit = 20, offset = 0): PublicUser[] {
      return [...users.values()].slice(offset, offset + limit).map(toPublic);
    },
    update(username: string, patch: Partial<Omit<StoredUser, 'id' | 'created_at'>>): PublicUser | undefined | 'conflict' {
      const user = users.get(username);
      if (!user) return undefined;
      if (patch.username && patch.username !== username && users.has(patch.username)) return 'conflict';
      const updated = { ...user, ...patch };
      users.delete(username);
      users.set(updated.username, updated);
      return toPublic(updated);
    },
    remove(username: string): boolean {
      return users.delete(username);
    },
  };
  store.create(SEED);
  return store;
}

function toPublic({ password: _password, ...user }: StoredUser): PublicUser {
  return user;
}
