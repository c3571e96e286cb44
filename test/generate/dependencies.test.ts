/**
 * What an install of faultline and of a generated service needs, kept in step with the code:
 * - faultline's `dependencies` are exactly what generation and the generated runtime import (the light
 *   install: databases and the docs UI stay devDependencies of the example services);
 * - the scaffold's package.json and the README's "Add it to an existing project" list every package the
 *   generated code imports, so a production install (`npm ci --omit=dev`) of a user's project has them;
 * - `generate` names the packages the project's own package.json leaves out.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../generator/cli.js';
import { generate } from '../../generator/generate.js';
import { importedPackages, unlistedDependencies } from '../../generator/runtime-dependencies.js';
import { scaffoldPackageJson } from '../../generator/scaffold/package-json.js';
import { REPO, tempDir } from '../support/tmp.js';

const OWN = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const README = readFileSync(join(REPO, 'README.md'), 'utf8');

let serviceImports: string[] = [];
beforeAll(async () => {
  const result = await generate({ input: join(REPO, 'specs/users.yaml'), output: 'unused', cwd: REPO, write: false });
  expect(result.files.size).toBeGreaterThan(10);
  serviceImports = importedPackages(result.files);
});

describe('importedPackages', () => {
  it('collects value imports by package name; type-only imports, relative paths and Node built-ins do not count', () => {
    const files = new Map([
      ['a.ts', "import express, { type Request } from 'express';\nimport type { Logger } from 'pino';\nimport { x } from './x.js';\n"],
      ['b.ts', "import { Ajv2020 } from 'ajv/dist/2020.js';\nimport {\n  a,\n  b,\n} from '@scope/pkg/sub';\nimport 'side-effect';\n"],
      ['c.ts', "const v = await import('express-openapi-validator');\nimport { readFileSync } from 'node:fs';\nimport path from 'path';\n"],
      ['d.ts', "export type { Request as NativeRequest } from 'fastify';\nexport { thing } from 'reexported';\n"],
      ['e.md', "import x from 'not-code'\n"],
    ]);
    expect(importedPackages(files)).toEqual(['@scope/pkg', 'ajv', 'express', 'express-openapi-validator', 'reexported', 'side-effect']);
  });

  it('finds the packages a generated Express service loads', () => {
    expect(serviceImports).toEqual(expect.arrayContaining(['ajv', 'ajv-formats', 'busboy', 'express', 'fast-xml-parser', 'pino']));
    expect(serviceImports).not.toContain('faultline');
  });
});

describe('the light install', () => {
  it('faultline depends on every package the generated code imports', () => {
    for (const name of serviceImports) expect(OWN.dependencies, name).toHaveProperty(name);
  });

  it('every dependency is imported by the generator, the templates or the CLI (or types one that is)', () => {
    const sources = ['generator', 'templates', 'bin'].flatMap((dir) => filesUnder(join(REPO, dir)));
    const used = new Set(importedPackages(new Map(sources.map((file) => [file.replace(/\.(hbs|mjs|cjs|js)$/, '.ts'), read(file)]))));
    const unused = Object.keys(OWN.dependencies).filter((name) => {
      const typed = /^@types\/(.+)$/.exec(name)?.[1];
      return !used.has(typed ?? name);
    });
    expect(unused).toEqual([]);
    for (const heavy of ['@electric-sql/pglite', 'pg', 'swagger-ui-dist']) {
      expect(OWN.dependencies, heavy).not.toHaveProperty(heavy);
      expect(OWN.devDependencies, heavy).toHaveProperty(heavy);
    }
  });
});

describe('what a user project must install', () => {
  it("the scaffold's dependencies are the packages the generated code imports, plus tsx for npm start", () => {
    const manifest = JSON.parse(scaffoldPackageJson({ name: 'svc' })) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies).sort()).toEqual([...serviceImports, 'tsx'].sort());
  });

  it('the README names every one of them for an existing project', () => {
    const line = /^npm install ([^#\n]+?)\s+# what the generated code imports$/m.exec(README);
    expect(line, 'README: npm install ... # what the generated code imports').not.toBeNull();
    expect(line![1].split(/\s+/).sort()).toEqual(serviceImports);
  });
});

describe('generate names what the project package.json leaves out', () => {
  let dir: ReturnType<typeof tempDir>;
  const cli = async (args: string[]) => {
    const out = { stdout: '', stderr: '' };
    const code = await main(args, {
      cwd: dir.path,
      env: {},
      isTTY: false,
      stdout: (t) => void (out.stdout += t),
      stderr: (t) => void (out.stderr += t),
    });
    return { code, ...out };
  };
  beforeAll(() => {
    dir = tempDir('deps');
    // a project that installed what the README of an older faultline listed, nothing else
    writeFileSync(
      join(dir.path, 'package.json'),
      JSON.stringify({ name: 'mine', type: 'module', dependencies: { express: '^5', ajv: '^8', 'ajv-formats': '^3', pino: '^10' } }),
    );
  });
  afterAll(() => dir.remove());

  it('prints the missing packages and the command that adds them', async () => {
    const r = await cli(['generate', join(REPO, 'specs/things.yaml'), '--out', 'api', '--no-client']);
    expect(r.code, r.stderr).toBe(0);
    const missing = serviceImports.filter((name) => !['express', 'ajv', 'ajv-formats', 'pino'].includes(name));
    expect(missing).toContain('busboy');
    expect(r.stdout).toContain(`${join(dir.path, 'package.json')} does not list ${missing.join(', ')}, which the generated code imports`);
    expect(r.stdout).toContain(`    npm install ${missing.join(' ')}\n`);
  });

  it('says nothing once package.json lists them (as dependencies or devDependencies)', async () => {
    const devDependencies = Object.fromEntries(serviceImports.map((name) => [name, '*']));
    writeFileSync(join(dir.path, 'package.json'), JSON.stringify({ name: 'mine', type: 'module', devDependencies }));
    const r = await cli(['generate', join(REPO, 'specs/things.yaml'), '--out', 'api', '--no-client']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/does not list/);
    expect(unlistedDependencies(new Map([['x.ts', "import x from 'express';"]]), join(dir.path, 'api'))).toBeUndefined();
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : /\.(ts|hbs|mjs|cjs|js)$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

function read(file: string): string {
  return readFileSync(file, 'utf8');
}
