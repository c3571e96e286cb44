/**
 * The files of a scaffolded project besides the spec and what `generate` renders: package.json,
 * TypeScript configs, faultline.config.ts, README, .gitignore and the contract test. Static ones are
 * copied from templates/scaffold/; the two that mention the spec go through Handlebars, where every
 * spec-derived value passes {{json}} or {{comment}}.
 */
import { readFileSync } from 'node:fs';
import { render, TEMPLATES_DIR } from '../emit/templates.js';
import { scaffoldPackageJson } from './package-json.js';
import type { SpecLayout } from './spec-files.js';
import type { NewFile } from './write-new.js';

export interface ProjectView {
  name: string;
  title: string;
  layout: SpecLayout;
  faultline?: string;
  client?: boolean;
}

/** [file under templates/scaffold, path in the project]. npm never packs a file named .gitignore. */
const STATIC: readonly [string, string][] = [
  ['tsconfig.json', 'tsconfig.json'],
  ['tsconfig.build.json', 'tsconfig.build.json'],
  ['gitignore', '.gitignore'],
  ['test/contract.test.ts', 'test/contract.test.ts'],
  ['test/schemas.ts', 'test/schemas.ts'],
];

export function projectFiles(view: ProjectView): NewFile[] {
  const data = {
    name: view.name,
    title: view.title,
    specPath: view.layout.root,
    client: view.client !== false,
  };
  return [
    { path: 'package.json', text: scaffoldPackageJson({ name: view.name, faultline: view.faultline }) },
    { path: 'faultline.config.ts', text: render('scaffold/faultline.config.ts.hbs', data) },
    { path: 'README.md', text: render('scaffold/README.md.hbs', data) },
    ...STATIC.map(([from, path]) => ({ path, text: readFileSync(`${TEMPLATES_DIR}scaffold/${from}`, 'utf8') })),
  ];
}
