/**
 * From one handler, the throws it can reach: its own `throw` statements (and `Promise.reject(...)`s)
 * and those of the project functions, methods and constructors it calls, to a bounded depth. Calls are
 * resolved by the checker (imports, re-exports, methods of project classes and object literals, arrow
 * functions in consts and class fields); callbacks written inside a function are part of it, and a
 * project function passed by name (`ids.map(loadItem)`, `wrap(impl)`) counts as called. Not followed:
 * calls through interfaces or `any`, packages and faultline's generated/ folder.
 *
 * The walk is breadth first, so each function is read once, at the shallowest depth it is reached,
 * and every throw is reported with its shortest call path: a function first met at the depth limit is
 * still followed further when the handler also calls it directly. Recursion ends because no function
 * is read twice.
 */
import ts from 'typescript';
import type { ErrorClassReader, ThrownError } from './classes.js';
import { isProjectFile } from './program.js';

/** One call on the way from the handler to a throw: `name` is called at file:line. */
export interface CallStep {
  name: string;
  file: string;
  line: number;
  /** The function is passed by name there (`ids.map(loadItem)`), not called. */
  byName?: true;
}

export interface ReachedThrow extends ThrownError {
  file: string;
  line: number;
  /** Empty when the throw is in the handler itself. */
  via: CallStep[];
}

export function reachableThrows(
  root: ts.Node,
  reader: ErrorClassReader,
  checker: ts.TypeChecker,
  generatedDir: string,
  maxDepth: number,
): ReachedThrow[] {
  const found: ReachedThrow[] = [];
  const seen = new Set<ts.Node>([root]);
  const reported = new Set<ts.Node>();
  let queue: { body: ts.Node; via: CallStep[] }[] = [{ body: root, via: [] }];
  const follow = (target: Target | undefined, at: ts.Node, via: CallStep[], next: typeof queue) => {
    if (!target || via.length >= maxDepth || seen.has(target.body)) return;
    if (!isProjectFile(target.body.getSourceFile(), generatedDir)) return;
    seen.add(target.body);
    const step: CallStep = { name: target.name, ...locate(at), ...(target.byName ? { byName: true as const } : {}) };
    next.push({ body: target.body, via: [...via, step] });
  };
  while (queue.length) {
    const next: typeof queue = [];
    for (const { body, via } of queue) {
      const visit = (node: ts.Node): void => {
        const thrown = thrownExpression(node);
        if (thrown && !reported.has(node)) {
          reported.add(node);
          for (const error of reader.thrown(thrown)) found.push({ ...error, ...locate(node), via });
        }
        const failed = ts.isCallExpression(node) && !reported.has(node) ? reader.failCall(node) : undefined;
        if (failed) {
          reported.add(node);
          found.push({ ...failed, ...locate(node), via });
        }
        if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
          follow(callTarget(node, checker), node, via, next);
          for (const argument of node.arguments ?? []) follow(functionReference(argument, checker), argument, via, next);
        }
        // what a catch swallows never reaches the handler's caller: read the catch, not what it guards
        if (ts.isTryStatement(node) && node.catchClause && swallows(node.catchClause.variableDeclaration?.name, node.catchClause.block)) {
          visit(node.catchClause);
          if (node.finallyBlock) visit(node.finallyBlock);
          return;
        }
        const guarded = swallowedByCatchCall(node);
        if (guarded) {
          for (const argument of (node as ts.CallExpression).arguments) visit(argument);
          visit(guarded.callee);
          return;
        }
        ts.forEachChild(node, visit);
      };
      // a handler written as `export const getItem = impl` (a reference, not a function) runs impl
      if (via.length === 0 && (ts.isIdentifier(body) || ts.isPropertyAccessExpression(body)))
        follow(functionReference(body, checker), body, via, next);
      visit(body);
    }
    queue = next;
  }
  return found;
}

/**
 * Whether a catch clause (or a `.catch` callback) keeps what it catches: it does unless it throws or
 * rejects with the caught value itself (`throw e`). A catch that rethrows only some errors
 * (`if (e instanceof NotFoundError) ...; throw e`) counts as rethrowing all of them: the check
 * cannot tell which get through, and a false alarm is better than a missed one.
 */
function swallows(binding: ts.BindingName | undefined, block: ts.Node): boolean {
  if (!binding) return true;
  if (!ts.isIdentifier(binding)) return false;
  let rethrows = false;
  const visit = (node: ts.Node): void => {
    const thrown = thrownExpression(node);
    if (thrown && ts.isIdentifier(thrown) && thrown.text === binding.text) rethrows = true;
    if (!rethrows) ts.forEachChild(node, visit);
  };
  visit(block);
  return !rethrows;
}

/**
 * `promise.catch(handler)` whose handler swallows: the promise expression's throws never get out.
 * Returns the `promise.catch` callee (the receiver is skipped, `.catch` itself and its handler are read).
 */
function swallowedByCatchCall(node: ts.Node): { callee: ts.MemberName } | undefined {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'catch')
    return undefined;
  const handler = node.arguments[0];
  if (!handler || !(ts.isArrowFunction(handler) || ts.isFunctionExpression(handler))) return undefined;
  // an expression body `(e) => Promise.reject(e)` rethrows, `() => null` swallows
  if (!swallows(handler.parameters[0]?.name, handler.body)) return undefined;
  return { callee: node.expression.name };
}

/** `throw x` and `Promise.reject(x)` (which an async handler answers exactly like a throw): x. */
function thrownExpression(node: ts.Node): ts.Expression | undefined {
  if (ts.isThrowStatement(node)) return node.expression;
  if (
    ts.isCallExpression(node) &&
    node.arguments.length === 1 &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 'reject' &&
    ts.isIdentifier(node.expression.expression) &&
    node.expression.expression.text === 'Promise'
  )
    return node.arguments[0];
  return undefined;
}

/** A function body to read next, and how the path names it. */
interface Target {
  name: string;
  body: ts.Node;
  byName?: boolean;
}

function locate(node: ts.Node): { file: string; line: number } {
  const file = node.getSourceFile();
  return { file: file.fileName, line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1 };
}

/** The body a call runs: the resolved signature's declaration, or a class's constructor for `new`. */
function callTarget(node: ts.CallExpression | ts.NewExpression, checker: ts.TypeChecker): Target | undefined {
  const name = calleeName(node.expression);
  const declaration = checker.getResolvedSignature(node)?.declaration;
  if (declaration && !ts.isJSDocSignature(declaration)) {
    const body = 'body' in declaration && declaration.body ? (declaration.body as ts.Node) : implementationOf(declaration, checker);
    if (body) return { name, body };
  }
  if (ts.isNewExpression(node)) {
    let symbol = checker.getSymbolAtLocation(node.expression);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const body = symbol?.declarations
      ?.find(ts.isClassDeclaration)
      ?.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && m.body !== undefined)?.body;
    if (body) return { name, body };
  }
  return undefined;
}

/** An overload signature's implementation body (overloads have none of their own). */
function implementationOf(declaration: ts.SignatureDeclaration, checker: ts.TypeChecker): ts.Node | undefined {
  const symbol = declaration.name && checker.getSymbolAtLocation(declaration.name);
  for (const d of symbol?.declarations ?? [])
    if ((ts.isFunctionDeclaration(d) || ts.isMethodDeclaration(d) || ts.isConstructorDeclaration(d)) && d.body) return d.body;
  return undefined;
}

/**
 * A function named rather than called (`loadItem`, `repo.find`, `this.load`): the body it names, when
 * the name resolves to a function declaration, a method, or a const / property holding a function.
 */
function functionReference(expression: ts.Expression, checker: ts.TypeChecker): Target | undefined {
  if (!ts.isIdentifier(expression) && !ts.isPropertyAccessExpression(expression)) return undefined;
  let symbol = checker.getSymbolAtLocation(expression);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  for (const declaration of symbol?.declarations ?? []) {
    const fn =
      (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration)) &&
      declaration.initializer
        ? declaration.initializer
        : declaration;
    if ((ts.isFunctionLike(fn) || ts.isArrowFunction(fn)) && 'body' in fn && fn.body)
      return { name: calleeName(expression), body: fn.body as ts.Node, byName: true };
  }
  return undefined;
}

function calleeName(expression: ts.Expression): string {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return `${calleeName(expression.expression)}.${expression.name.text}`;
  if (ts.isCallExpression(expression)) return `${calleeName(expression.expression)}()`;
  if (ts.isNewExpression(expression)) return `new ${calleeName(expression.expression)}()`;
  if (ts.isAwaitExpression(expression) || ts.isParenthesizedExpression(expression)) return calleeName(expression.expression);
  return expression.kind === ts.SyntaxKind.ThisKeyword ? 'this' : '(expression)';
}
