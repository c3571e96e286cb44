/**
 * The view of contract.gen.ts. A spec usually shares a handful of error schemas across all its
 * operations (GitHub: ~20 over 800 operations), so each distinct recipe is emitted once in a `recipes`
 * table and every error response refers to it by index; everything else is JSON literals.
 */
import { literal, literalPretty } from './safe-text.js';
import { code, type Code } from './templates.js';
import type { ServiceContract } from '../../templates/runtime/contract.js';

export interface ContractView {
  recipes: Code[];
  serviceError: Code;
  operations: Code[];
  securitySchemes: Code;
}

export function contractView(contract: ServiceContract): ContractView {
  const index = new Map<string, number>();
  const recipes: Code[] = [];
  const ref = (recipe: unknown): string => {
    const key = literal(recipe);
    let i = index.get(key);
    if (i === undefined) {
      i = recipes.length;
      index.set(key, i);
      recipes.push(code(literalPretty(recipe).replace(/\n/g, '\n  ')));
    }
    return `recipes[${i}]`;
  };
  const entry = (e: { recipe: unknown }): string => {
    const { recipe, ...rest } = e;
    const fields = Object.entries(rest).map(([k, v]) => `${literal(k)}: ${literal(v)}`);
    return `{ ${[...fields, `"recipe": ${ref(recipe)}`].join(', ')} }`;
  };
  const operations = contract.operations.map((op) => {
    const { errors, ...rest } = op;
    const fields = Object.entries(rest).map(([k, v]) => `      ${literal(k)}: ${literal(v)},`);
    const list = errors.map((e) => `        ${entry(e)},`);
    return code(['{', ...fields, '      "errors": [', ...list, '      ],', '    }'].join('\n'));
  });
  return { recipes, serviceError: code(entry(contract.serviceError)), operations, securitySchemes: code(literal(contract.securitySchemes ?? {})) };
}
