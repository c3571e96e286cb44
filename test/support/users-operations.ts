/** How many operations specs/users.yaml has, counted by the model: tests follow the spec instead of a number. */
import { join } from 'node:path';
import { loadSpec } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/operations.js';
import { REPO } from './tmp.js';

export function usersOperations(): number {
  return buildModel(loadSpec(join(REPO, 'specs/users.yaml')).document!).model.operations.length;
}
