/**
 * The view of contract.gen.ts. A spec usually shares a handful of error schemas across all its
 * operations (GitHub: ~20 over 800 operations), so each distinct recipe is emitted once in a `recipes`
 * table and every error response refers to it by index. Parameters and responses are shared the same
 * way (`$ref`'d component parameters and responses: GitHub's 800 operations use ~300 distinct
 * parameter plans), in `parameterPlans` and `responsePlans`. Everything else is JSON literals.
 * The tables are typed as tuples (`[Recipe, Recipe]`), so indexing them gives a Recipe, not
 * `Recipe | undefined`, in a project that type-checks with noUncheckedIndexedAccess.
 */
import { literal, literalPretty } from './safe-text.js';
import { code, type Code } from './templates.js';
import type { ServiceContract } from '../../templates/runtime/contract.js';
import type { ValidationPlan } from '../../templates/runtime/validate/plan.js';

export interface ContractView {
  basePath?: string;
  recipes: Code[];
  recipesType: Code;
  parameterPlans: Code[];
  parameterPlansType: Code;
  responsePlans: Code[];
  responsePlansType: Code;
  serviceError: Code;
  operations: Code[];
  securitySchemes: Code;
}

/** Emits each distinct value once into `rows`; returns `<table>[i]` for a value. */
function table(name: string, rows: Code[], render: (value: unknown) => string): (value: unknown) => string {
  const index = new Map<string, number>();
  return (value) => {
    const key = literal(value);
    let i = index.get(key);
    if (i === undefined) {
      i = rows.length;
      index.set(key, i);
      rows.push(code(render(value)));
    }
    return `${name}[${i}]`;
  };
}

/** `[Row, Row, Row]`: a tuple type of `count` rows, eight to a line. */
function tupleType(row: string, count: number): Code {
  const lines: string[] = [];
  for (let i = 0; i < count; i += 8)
    lines.push(
      Array(Math.min(8, count - i))
        .fill(row)
        .join(', '),
    );
  return code(lines.length > 1 ? `[\n  ${lines.join(',\n  ')},\n]` : `[${lines.join('')}]`);
}

export function contractView(contract: ServiceContract): ContractView {
  const recipes: Code[] = [];
  const parameterPlans: Code[] = [];
  const responsePlans: Code[] = [];
  const recipe = table('recipes', recipes, (r) => literalPretty(r).replace(/\n/g, '\n  '));
  const parameter = table('parameterPlans', parameterPlans, literal);
  const response = table('responsePlans', responsePlans, literal);
  const entry = (e: { recipe: unknown }): string => {
    const { recipe: r, ...rest } = e;
    const fields = Object.entries(rest).map(([k, v]) => `${literal(k)}: ${literal(v)}`);
    return `{ ${[...fields, `"recipe": ${recipe(r)}`].join(', ')} }`;
  };
  const validation = (plan: ValidationPlan): string => {
    const { parameters, responses, ...rest } = plan;
    const fields = [
      `"parameters": [${parameters.map(parameter).join(', ')}]`,
      ...Object.entries(rest).map(([k, v]) => `${literal(k)}: ${literal(v)}`),
      `"responses": [${responses.map(response).join(', ')}]`,
    ];
    return `{ ${fields.join(', ')} }`;
  };
  const operations = contract.operations.map((op) => {
    const { errors, validation: plan, ...rest } = op;
    const fields = Object.entries(rest).map(([k, v]) => `      ${literal(k)}: ${literal(v)},`);
    const list = errors.map((e) => `        ${entry(e)},`);
    return code(['{', ...fields, `      "validation": ${validation(plan)},`, '      "errors": [', ...list, '      ],', '    }'].join('\n'));
  });
  // before the tuple types are counted: the service error's recipe may be the only one, or a new one
  const serviceError = code(entry(contract.serviceError));
  return {
    ...(contract.basePath ? { basePath: contract.basePath } : {}),
    recipes,
    recipesType: tupleType('Recipe', recipes.length),
    parameterPlans,
    parameterPlansType: tupleType('ParameterPlan', parameterPlans.length),
    responsePlans,
    responsePlansType: tupleType('ResponsePlan', responsePlans.length),
    serviceError,
    operations,
    securitySchemes: code(literal(contract.securitySchemes ?? {})),
  };
}
