/**
 * From one handler, the throws it can reach: its own `throw` statements and those of the project
 * functions, methods and constructors it calls, to a bounded depth. Calls are resolved by the checker
 * (imports, methods of project classes, arrow functions in consts); callbacks written inside a
 * function are part of it. Not followed: calls through interfaces or `any`, functions passed by name,
 * packages and faultline's generated/ folder.
 */
import ts from 'typescript';
import type { ErrorClassReader, ThrownError } from './classes.js';
import { isProjectFile } from './program.js';

/** One call on the way from the handler to a throw: `name` is called at file:line. */
export interface CallStep {
  name: string;
  file: string;
  line: number;
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
  const walk = (body: ts.Node, via: CallStep[]): void => {
    const visit = (node: ts.Node): void => {
      if (ts.isThrowStatement(node) && node.expression && !reported.has(node)) {
        reported.add(node);
        const where = locate(node);
        for (const thrown of reader.thrown(node.expression)) found.push({ ...thrown, ...where, via });
      }
      const failed = ts.isCallExpression(node) ? reader.failCall(node) : undefined;
      if (failed) found.push({ ...failed, ...locate(node), via });
      // children first: a callback written inside this function is reported with this function's path
      ts.forEachChild(node, visit);
      if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && via.length < maxDepth) {
        const target = callTarget(node, checker);
        if (target && !seen.has(target.body) && isProjectFile(target.body.getSourceFile(), generatedDir)) {
          seen.add(target.body);
          walk(target.body, [...via, { name: target.name, ...locate(node) }]);
        }
      }
    };
    visit(body);
  };
  walk(root, []);
  return found;
}

function locate(node: ts.Node): { file: string; line: number } {
  const file = node.getSourceFile();
  return { file: file.fileName, line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1 };
}

/** The body a call runs: the resolved signature's declaration, or a class's constructor for `new`. */
function callTarget(node: ts.CallExpression | ts.NewExpression, checker: ts.TypeChecker): { name: string; body: ts.Node } | undefined {
  const name = calleeName(node.expression);
  const declaration = checker.getResolvedSignature(node)?.declaration;
  if (declaration && !ts.isJSDocSignature(declaration) && 'body' in declaration && declaration.body)
    return { name, body: declaration.body as ts.Node };
  if (ts.isNewExpression(node)) {
    let symbol = checker.getSymbolAtLocation(node.expression);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const body = symbol?.declarations?.find(ts.isClassDeclaration)?.members.find(ts.isConstructorDeclaration)?.body;
    if (body) return { name, body };
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
