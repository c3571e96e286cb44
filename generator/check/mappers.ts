/**
 * Typed mapper registrations: every `mapError(Class, status, ...)` call in the team's code whose
 * `mapError` is the generated runtime's. The status is read from the argument's literal type, so
 * `mapError(UsernameTaken, 409)` and a `const TAKEN = 409` both work; a non-literal status is reported.
 */
import ts from 'typescript';
import { join } from 'node:path';
import { ErrorClassReader, classDeclaration, slash, type MapperInfo } from './classes.js';
import { isProjectFile } from './program.js';

export interface MapperProblem {
  file: string;
  line: number;
  message: string;
}

export function findTypedMappers(program: ts.Program, generatedDir: string): { mappers: MapperInfo[]; problems: MapperProblem[] } {
  const checker = program.getTypeChecker();
  const mapErrorFile = slash(join(generatedDir, 'runtime', 'map-error.ts'));
  const literals = new ErrorClassReader(checker, generatedDir, new Map(), []);
  const mappers: MapperInfo[] = [];
  const problems: MapperProblem[] = [];
  const isMapError = (call: ts.CallExpression) => {
    let symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    return (
      symbol?.declarations?.some(
        (d) => ts.isFunctionDeclaration(d) && d.name?.text === 'mapError' && slash(d.getSourceFile().fileName) === mapErrorFile,
      ) ?? false
    );
  };
  for (const file of program.getSourceFiles()) {
    if (!isProjectFile(file, generatedDir)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.arguments.length >= 2 && isMapError(node)) {
        const where = { file: file.fileName, line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1 };
        const declaration = classDeclaration(checker, checker.getSymbolAtLocation(node.arguments[0]));
        const statuses = literals.literalStatuses(node.arguments[1]);
        if (!declaration)
          problems.push({ ...where, message: `mapError: cannot find the class ${node.arguments[0].getText()} in the project` });
        else if (statuses.length === 0)
          problems.push({
            ...where,
            message: `mapError: the status of ${node.arguments[0].getText()} is not a number literal, so check cannot follow it`,
          });
        else mappers.push({ declaration, statuses, ...where });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { mappers, problems };
}
