/**
 * contract.gen.ts types its tables as tuples (so `recipes[i]` is a Recipe under noUncheckedIndexedAccess):
 * every tuple must count every row, including the service error's recipe, which is added last.
 */
import { describe, expect, it } from 'vitest';
import { contractView } from '../../generator/emit/contract-view.js';
import type { ServiceContract } from '../../templates/runtime/contract.js';

const tupleLength = (type: unknown) => (String(type).match(/Recipe/g) ?? []).length;

describe('contractView tuple types', () => {
  it('count the service error recipe when no operation uses it', () => {
    const contract = {
      title: 't',
      operations: [],
      serviceError: { contentType: 'application/json', recipe: { kind: 'const', value: null } },
    } as unknown as ServiceContract;
    const view = contractView(contract);
    expect(view.recipes).toHaveLength(1);
    expect(tupleLength(view.recipesType)).toBe(1);
  });
});
