/**
 * A small service whose handlers throw generated error classes at several depths: in the handler,
 * through an imported function, a class method, a constructor, a user subclass, a typed mapper, a
 * call cycle and a chain deeper than a small --depth. Written over the generated stubs.
 */
export const CHECK_SPEC = `openapi: 3.0.3
info: { title: Check fixture, version: '1' }
paths:
  /items:
    get:
      operationId: listItems
      responses:
        '200': { description: ok }
        '500': { description: crash, content: { application/json: { schema: { type: object, properties: { detail: { type: string } } } } } }
    post:
      operationId: createItem
      responses:
        '201': { description: created }
        '400': { description: bad, content: { application/json: { schema: { type: object, properties: { detail: { type: string } } } } } }
        '409': { description: taken, content: { application/json: { schema: { type: object, properties: { detail: { type: string } } } } } }
        5XX: { description: server, content: { application/json: { schema: { type: object, properties: { detail: { type: string } } } } } }
  /items/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get:
      operationId: getItem
      responses:
        '200': { description: ok }
        '404': { description: missing, content: { application/json: { schema: { type: object, properties: { detail: { type: string } } } } } }
        '500': { description: crash, content: { application/json: { schema: { type: object, properties: { detail: { type: string } } } } } }
    delete:
      operationId: deleteItem
      responses:
        '204': { description: gone }
        '403': { description: forbidden, content: { application/json: { schema: { type: object, properties: { detail: { type: string } } } } } }
        default: { description: any, content: { application/json: { schema: { type: object, properties: { detail: { type: string } } } } } }
`;

export const CHECK_FILES: Record<string, string> = {
  'lib/items.ts': `import { ConflictError, ForbiddenError, NotFoundError } from '../generated/errors.gen.js';

export class ItemGone extends NotFoundError {}

export function loadItem(id: string) {
  assertVisible(id);
  return { id };
}

function assertVisible(id: string): void {
  if (id === 'hidden') throw new ConflictError('hidden');
}

export class ItemService {
  create(name: string) {
    if (name === 'admin') throw new ForbiddenError('not yours');
    return { name };
  }
}

export class Audit {
  constructor(readonly who: string) {
    if (!who) throw new ForbiddenError('nobody');
  }
}

export const ping = (n: number): number => (n > 0 ? pong(n - 1) : 0);
const pong = (n: number): number => (n > 100 ? (() => { throw new NotFoundError('deep'); })() : ping(n));

export function level1() { return level2(); }
function level2() { return level3(); }
function level3() { throw new ConflictError('three calls deep'); }
`,
  'lib/teapot.ts': `import { mapError } from '../generated/runtime/index.js';

export class Teapot extends Error {}
export class EarlGrey extends Teapot {}

export const mappers = [mapError(Teapot, 418, (e) => ({ detail: e.message }))];
`,
  'handlers/listItems.ts': `import type { Handlers } from '../generated/handlers.gen.js';
import { ItemGone, ping } from '../lib/items.js';
import { EarlGrey } from '../lib/teapot.js';

export const listItems: Handlers['listItems'] = async ({ req }) => {
  if (req.query.gone) throw new ItemGone('gone');
  if (req.query.tea) throw new EarlGrey('brewing');
  ping(1);
  return { status: 200 };
};
`,
  'handlers/createItem.ts': `import type { Handlers } from '../generated/handlers.gen.js';
import { HttpError } from '../generated/errors.gen.js';
import { Audit, ItemService } from '../lib/items.js';

export const createItem: Handlers['createItem'] = async ({ req }) => {
  new Audit(String(req.query.who));
  if (req.query.busy) throw new HttpError(503, 'busy');
  new ItemService().create(String(req.query.name));
  return { status: 201 };
};
`,
  'handlers/getItem.ts': `import type { Handlers } from '../generated/handlers.gen.js';
import { NotFoundError } from '../generated/errors.gen.js';
import { level1, loadItem } from '../lib/items.js';

export const getItem: Handlers['getItem'] = async ({ params }) => {
  if (params.id === 'none') throw new NotFoundError('none');
  loadItem(params.id);
  level1();
  return { status: 200 };
};
`,
  'handlers/deleteItem.ts': `import type { DeleteItemInput, DeleteItemResult } from '../generated/handlers.gen.js';
import { ConflictError } from '../generated/errors.gen.js';
import { loadItem } from '../lib/items.js';

export async function deleteItem({ params }: DeleteItemInput): Promise<DeleteItemResult> {
  if (params.id === 'locked') throw new ConflictError('locked');
  loadItem(params.id);
  return { status: 204 };
}
`,
};
