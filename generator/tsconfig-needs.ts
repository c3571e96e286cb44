/**
 * The settings a user's own tsconfig.json (kept: faultline creates one only when it is missing) lacks
 * for the generated code, each as the line to add and why. Read with TypeScript's own parser, so
 * comments, trailing commas and `extends` count as tsc would count them.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type * as TS from 'typescript';
import type { ModuleFormat } from './module-format.js';

const load = createRequire(import.meta.url);

export function tsconfigNeeds(path: string, format: ModuleFormat): string[] {
  const ts = load('typescript') as typeof TS;
  const read = ts.readConfigFile(path, ts.sys.readFile);
  if (read.error) return [`a tsconfig.json TypeScript can read (${ts.flattenDiagnosticMessageText(read.error.messageText, ' ')})`];
  const options = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(path), undefined, path).options;
  const needs: string[] = [];
  const module = options.module ?? ts.ModuleKind.CommonJS;
  const nodeModule = module >= ts.ModuleKind.Node16 && module <= ts.ModuleKind.NodeNext;
  const bundler = options.moduleResolution === ts.ModuleResolutionKind.Bundler;
  if (!nodeModule && !bundler) {
    needs.push('"module": "NodeNext" (imports end in .js and packages resolve the way Node resolves them)');
  }
  if (!nodeModule && !options.esModuleInterop && !options.allowSyntheticDefaultImports) {
    needs.push('"esModuleInterop": true (`import express from \'express\'`)');
  }
  const target = options.target ?? ts.ScriptTarget.ES5;
  const libHas2022 = options.lib?.some((lib) => /es20(2[2-9]|[3-9]\d)|esnext/i.test(lib));
  if (target < ts.ScriptTarget.ES2022 && !libHas2022) {
    needs.push('"target": "ES2022" (Error `cause` and other ES2022 library types)');
  }
  if (options.types && !options.types.includes('node')) needs.push('"types": ["node"] (node:fs, process, Buffer)');
  if (format === 'cjs' && options.verbatimModuleSyntax) {
    needs.push('"verbatimModuleSyntax": false (this is CommonJS output: the generated `import` statements compile to require())');
  }
  if (format === 'esm' && options.module === ts.ModuleKind.CommonJS) {
    needs.push('"module": "NodeNext" (this package is "type": "module", the generated code uses import.meta)');
  }
  return needs;
}
