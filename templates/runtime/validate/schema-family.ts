/**
 * The Ajv instances of one side of validation (requests: a coercing one for parameters and one for
 * bodies; responses: one), sharing one prepared copy of the spec. Every validator is a small wrapper
 * whose `$ref`s point into that copy (refTo), so a component schema is compiled once per instance
 * and shared by every operation. The copy is filled lazily (prepared-spec.ts); when a schema needs
 * the whole document (identifiers), the family starts over with the whole spec prepared at once.
 */
import type { Ajv, ValidateFunction } from 'ajv';
import { createAjv, type AjvRole } from './ajv.js';
import { prepareSpec, type SpecKind } from './prepare.js';
import { PreparedSpec } from './prepared-spec.js';

type Obj = Record<string, unknown>;

export class SchemaFamily {
  private lazy: PreparedSpec | undefined;
  private readonly ajvs = new Map<AjvRole, Ajv>();

  constructor(
    private readonly spec: Obj,
    private readonly kind: SpecKind,
    private readonly is31: boolean,
  ) {
    this.lazy = new PreparedSpec(spec, kind, is31);
  }

  /** Compiles `schema` with the role's Ajv once the spec pointers it refers to are in the prepared copy. */
  compile(role: AjvRole, schema: object, pointers: readonly string[]): ValidateFunction {
    if (this.lazy && !this.lazy.ensure(pointers)) {
      // validators compiled so far keep working: each holds what it resolved
      this.lazy = undefined;
      this.ajvs.clear();
    }
    let ajv = this.ajvs.get(role);
    if (!ajv)
      this.ajvs.set(role, (ajv = createAjv(this.lazy ? this.lazy.root : prepareSpec(this.spec, this.kind, this.is31), this.is31, role)));
    return ajv.compile(schema);
  }
}
