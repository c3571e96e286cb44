/**
 * What a thrown value answers with, read from its class: a registered typed mapper (mapError) for the
 * class or a base class wins, as in the runtime (classify.ts walks mappers first); else the status of
 * the generated error class it is or extends; else `new HttpError(409, ...)`'s literal status.
 */
import ts from 'typescript';
import { join, sep } from 'node:path';

export interface MapperInfo {
  /** The class the mapper is registered for. */
  declaration: ts.ClassLikeDeclaration;
  statuses: number[];
  file: string;
  line: number;
}

export interface ThrownError {
  className: string;
  statuses: number[];
  mapper?: MapperInfo;
}

export class ErrorClassReader {
  private readonly errorsFile: string;
  private readonly runtimeDir: string;

  /** `generatedClasses`: errors.gen.ts class name -> its statuses (from the model, as the emitter names them). */
  constructor(
    private readonly checker: ts.TypeChecker,
    generatedDir: string,
    private readonly generatedClasses: Map<string, number[]>,
    private readonly mappers: MapperInfo[],
  ) {
    this.errorsFile = slash(join(generatedDir, 'errors.gen.ts'));
    this.runtimeDir = slash(join(generatedDir, 'runtime')) + '/';
  }

  /** Every class a thrown expression may be (a union type gives several), with what it answers. */
  thrown(expr: ts.Expression): ThrownError[] {
    const type = this.checker.getTypeAtLocation(expr);
    const out: ThrownError[] = [];
    for (const t of type.isUnion() ? type.types : [type]) {
      const declaration = classDeclaration(this.checker, t.getSymbol());
      if (!declaration) continue;
      const found = this.answer(declaration, ts.isNewExpression(expr) ? expr : undefined);
      if (found) out.push(found);
    }
    return out;
  }

  private answer(declaration: ts.ClassLikeDeclaration, construction: ts.NewExpression | undefined): ThrownError | undefined {
    const className = declaration.name?.text ?? '(anonymous class)';
    const chain = this.chain(declaration);
    const mapper = chain.map((c) => this.mappers.find((m) => m.declaration === c)).find(Boolean);
    if (mapper) return { className, statuses: mapper.statuses, mapper };
    // the first argument each class of the chain receives: `new X(409)`'s, then each constructor's `super(409)`
    let status: ts.Expression | undefined = construction?.arguments?.[0];
    for (const c of chain) {
      const file = slash(c.getSourceFile().fileName);
      const name = c.name?.text ?? '';
      if (file === this.errorsFile && this.generatedClasses.has(name)) {
        const statuses = this.generatedClasses.get(name)!;
        // a class shared by several statuses takes the status as its first argument
        if (statuses.length === 1) return { className, statuses };
        const given = this.literalStatuses(status);
        return given.length ? { className, statuses: given } : undefined;
      }
      if (file.startsWith(this.runtimeDir) && name === 'HttpError') {
        const given = this.literalStatuses(status);
        return given.length ? { className, statuses: given } : undefined;
      }
      // a class without a constructor passes its arguments on unchanged
      const ctor = c.members.find(ts.isConstructorDeclaration);
      if (ctor) status = superCall(ctor)?.arguments[0];
    }
    return undefined;
  }

  /**
   * `fail(404, ...)`: the compiler already rejects an undocumented status, but `check` also runs where
   * tsc does not (generate --check in CI), and it catches a status forced through a cast.
   */
  failCall(call: ts.CallExpression): ThrownError | undefined {
    const declaration = this.checker.getResolvedSignature(call)?.declaration;
    if (!declaration || slash(declaration.getSourceFile().fileName) !== this.runtimeDir + 'fail.ts') return undefined;
    const statuses = this.literalStatuses(call.arguments[0]);
    return statuses.length ? { className: 'fail', statuses } : undefined;
  }

  /** The class and its bases, most derived first (through `extends` clauses, across files). */
  private chain(declaration: ts.ClassLikeDeclaration): ts.ClassLikeDeclaration[] {
    const chain: ts.ClassLikeDeclaration[] = [];
    for (let c: ts.ClassLikeDeclaration | undefined = declaration; c && !chain.includes(c); ) {
      chain.push(c);
      const base: ts.ExpressionWithTypeArguments | undefined = c.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)
        ?.types[0];
      c = base ? classDeclaration(this.checker, this.checker.getSymbolAtLocation(base.expression)) : undefined;
    }
    return chain;
  }

  /** 409, or 409 | 410 from a literal type; nothing for a plain `number`. */
  literalStatuses(node: ts.Node | undefined): number[] {
    if (!node) return [];
    const type = this.checker.getTypeAtLocation(node);
    const parts = type.isUnion() ? type.types : [type];
    return parts.every((p) => p.isNumberLiteral()) ? parts.map((p) => (p as ts.NumberLiteralType).value).sort((a, b) => a - b) : [];
  }
}

/** The `super(...)` call of a constructor (its top-level statements; a conditional super is not followed). */
function superCall(ctor: ts.ConstructorDeclaration): ts.CallExpression | undefined {
  for (const statement of ctor.body?.statements ?? [])
    if (
      ts.isExpressionStatement(statement) &&
      ts.isCallExpression(statement.expression) &&
      statement.expression.expression.kind === ts.SyntaxKind.SuperKeyword
    )
      return statement.expression;
  return undefined;
}

export function classDeclaration(checker: ts.TypeChecker, symbol: ts.Symbol | undefined): ts.ClassLikeDeclaration | undefined {
  const resolved = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return resolved?.declarations?.find((d): d is ts.ClassLikeDeclaration => ts.isClassDeclaration(d) || ts.isClassExpression(d));
}

export function slash(path: string): string {
  return path.split(sep).join('/');
}
