/** How many operations a spec has, counted by the model: tests follow the spec instead of a number. */
import { join } from 'node:path';
import { loadSpec } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/operations.js';
import { REPO } from './tmp.js';

export function specOperations(specPath: string): number {
  return buildModel(loadSpec(specPath).document!).model.operations.length;
}

export function usersOperations(): number {
  return specOperations(join(REPO, 'specs/users.yaml'));
}
