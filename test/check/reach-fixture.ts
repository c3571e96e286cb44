/**
 * A service for how far `faultline check` reaches and what it must not report: namespace imports, a
 * class held in a variable, barrels and `export *`, object-literal and field methods, recursion,
 * a function met first at the depth limit and then called directly, functions passed by name,
 * `Promise.reject`, a tsconfig `paths` alias, a handler that is a reference to a function; try/catch and `.catch` that swallow (not reported) or
 * rethrow (reported); functions with the same name as a throwing one (not reported).
 * Written over the stubs of CHECK_SPEC (test/check/fixture.ts).
 */
export const REACH_FILES: Record<string, string> = {
  'handlers/createItem.ts': `import type { Handlers } from '../generated/handlers.gen.js';
import { createImpl } from '../lib/impl.js';

export const createItem: Handlers['createItem'] = createImpl;
`,
  'handlers/getItem.ts': `import type { Handlers } from '../generated/handlers.gen.js';
import * as errors from '../generated/errors.gen.js';
import { ConflictError } from '../generated/errors.gen.js';
import { helper } from '../lib/same-b.js';
import { aliasThrow, starThrow } from '../lib/index.js';
import { Service, c1, countdown, even, overloaded, raiseOwn, rejects, repo, shared, throwsConflict } from '../lib/probe.js';

export const getItem: Handlers['getItem'] = async ({ params }) => {
  if (params.id === 'ns') throw new errors.ConflictError('namespace import');
  const Klass = ConflictError;
  if (params.id === 'var') throw new Klass('variable holding the class');
  helper();
  aliasThrow();
  starThrow();
  repo.find(params.id);
  new Service().run(params.id);
  countdown(3);
  even(4);
  c1();
  shared();
  [1].map(throwsConflict);
  await rejects();
  overloaded('x');
  raiseOwn(params.id);
  return { status: 200 };
};
`,
  'handlers/listItems.ts': `import type { Handlers } from '../generated/handlers.gen.js';
import { swallowAndLog, translate, viaCatch } from '../lib/caught.js';
import { viaAlias } from '@lib/alias.js';

export const listItems: Handlers['listItems'] = async () => {
  swallowAndLog();
  await translate();
  await viaCatch();
  try {
    viaAlias();
  } catch {}
  viaAlias();
  return { status: 200 };
};
`,
  'lib/alias.ts': `import { ConflictError } from '../generated/errors.gen.js';

export function viaAlias(): void {
  throw new ConflictError('imported through a tsconfig paths alias');
}
`,
  'lib/caught.ts': `import { ConflictError, NotFoundError } from '../generated/errors.gen.js';

export function mayConflict(): number {
  throw new ConflictError('caught by the caller');
}
export async function mayConflictLater(): Promise<number> {
  throw new ConflictError('caught by .catch');
}
export async function rethrown(): Promise<number> {
  throw new ConflictError('rethrown by the caller');
}
export async function rethrownByCatch(): Promise<number> {
  throw new ConflictError('rethrown by .catch');
}
export function swallowAndLog(): number {
  try {
    return mayConflict();
  } catch (error) {
    console.log(error);
    return 0;
  }
}
export async function translate(): Promise<number> {
  try {
    return await rethrown();
  } catch (error) {
    if (error instanceof NotFoundError) return 0;
    throw error;
  }
}
export async function viaCatch(): Promise<number | null> {
  await rethrownByCatch().catch((e) => Promise.reject(e));
  return mayConflictLater().catch(() => null);
}
`,
  'lib/deep.ts': `import { ConflictError } from '../generated/errors.gen.js';
export function deepThrow(): void {
  throw new ConflictError('through a barrel');
}
export function starThrow(): void {
  throw new ConflictError('through export *');
}
`,
  'lib/impl.ts': `import { ForbiddenError } from '../generated/errors.gen.js';
import type { CreateItemInput, CreateItemResult } from '../generated/handlers.gen.js';

export async function createImpl(input: CreateItemInput): Promise<CreateItemResult> {
  if (input.requestId) throw new ForbiddenError('through a handler that is a reference');
  return { status: 201 };
}
`,
  'lib/index.ts': `export { deepThrow as aliasThrow } from './deep.js';
export * from './deep.js';
`,
  'lib/probe.ts': `import { ConflictError, HttpError } from '../generated/errors.gen.js';

export function throwsConflict(): number {
  throw new ConflictError('passed by name');
}

export const repo = {
  find(id: string) {
    if (id === 'x') throw new ConflictError('object literal method');
    return id;
  },
};

class Store {
  get(id: string) {
    if (id === 'y') throw new ConflictError('method through a field');
    return id;
  }
}

export class Service {
  private readonly store = new Store();
  run = (id: string) => this.store.get(id);
}

export function countdown(n: number): number {
  if (n === 0) throw new ConflictError('recursion bottom');
  return countdown(n - 1);
}

export function even(n: number): boolean {
  return n === 0 ? true : odd(n - 1);
}
function odd(n: number): boolean {
  if (n < 0) throw new ConflictError('mutual recursion');
  return n === 0 ? false : even(n - 1);
}

// depth ordering: chain reaches shared at depth 6, then the handler calls shared directly
export function c1() { return c2(); }
function c2() { return c3(); }
function c3() { return c4(); }
function c4() { return c5(); }
function c5() { return shared(); }
export function shared() { return deepest(); }
function deepest() { throw new ConflictError('reached through shared'); }

export function rejects(): Promise<never> {
  return Promise.reject(new ConflictError('rejected, not thrown'));
}

export function overloaded(id: string): string;
export function overloaded(id: number): number;
export function overloaded(id: string | number): string | number {
  if (id === 0) throw new ConflictError('in the implementation of an overload');
  return id;
}

// the team's own HttpError subclasses: the status comes from their super(...) call
export class Taken extends HttpError {
  constructor(what: string) {
    super(409, { detail: what + ' is taken' });
  }
}
export class UsernameTaken extends Taken {}
export class Teapot extends HttpError {
  constructor(status: 418, detail: string) {
    super(status, { detail });
  }
}
export function raiseOwn(kind: string): void {
  if (kind === 'taken') throw new UsernameTaken('this name');
  if (kind === 'teapot') throw new Teapot(418, 'short and stout');
}
`,
  'lib/same-a.ts': `import { ConflictError } from '../generated/errors.gen.js';

// same names as lib/same-b.ts and lib/probe.ts's Store, never called by a handler
export function helper(): number {
  throw new ConflictError('the other helper');
}
export class Store {
  get(id: string): string {
    throw new ConflictError(id);
  }
}
`,
  'lib/same-b.ts': `export function helper(): number {
  return 1;
}
`,
};
