/**
 * faultline.config.ts (typed with defineConfig) is found in the working folder or given with --config;
 * flags override it. `generate --watch` regenerates on changes to the spec or any file it references,
 * and keeps the last good output when the spec breaks.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { faultline } from '../support/run.js';
import { REPO, tempDir } from '../support/tmp.js';

const config = (body: string) =>
  `import { defineConfig } from ${JSON.stringify(join(REPO, 'generator/config.ts'))};\n\nexport default defineConfig(${body});\n`;

describe('faultline.config.ts', () => {
  it('supplies input and output; flags override it; lint reads its rules', () => {
    const dir = tempDir('config');
    try {
      copyFileSync(join(REPO, 'specs/things.yaml'), join(dir.path, 'api.yaml'));
      writeFileSync(
        join(dir.path, 'faultline.config.ts'),
        config(`{ input: 'api.yaml', output: 'svc', client: false, rules: { 'create-needs-409': 'error' } }`),
      );
      const fromConfig = faultline(['generate'], dir.path);
      expect(fromConfig.stderr).toBe('');
      expect(fromConfig.code).toBe(0);
      expect(existsSync(join(dir.path, 'svc/generated/contract.gen.ts'))).toBe(true);
      expect(existsSync(join(dir.path, 'svc/generated/client'))).toBe(false);

      expect(faultline(['generate', '--out', 'other'], dir.path).code).toBe(0);
      expect(existsSync(join(dir.path, 'other/generated/router.gen.ts'))).toBe(true);

      const lintStrict = faultline(['lint', '--format', 'json'], dir.path);
      expect(lintStrict.code).toBe(1);
      expect(lintStrict.stdout).toMatch(/"rule": ?"create-needs-409"[^}]*"severity": ?"error"/);
      const lintFlag = faultline(['lint', '--rule', 'create-needs-409=off', '--format', 'json'], dir.path);
      expect(lintFlag.stdout).not.toMatch(/"rule": ?"create-needs-409"/);

      mkdirSync(join(dir.path, 'conf'));
      writeFileSync(join(dir.path, 'conf/custom.config.ts'), config(`{ input: 'api.yaml', output: 'custom', client: false }`));
      expect(faultline(['generate', '--config', 'conf/custom.config.ts'], dir.path).code).toBe(0);
      expect(existsSync(join(dir.path, 'custom/app.ts'))).toBe(true);
      expect(faultline(['generate', '--config', 'conf/missing.ts'], dir.path).code).toBe(2);
    } finally {
      dir.remove();
    }
  }, 300_000);
});

describe('generate --watch', () => {
  it('regenerates on a change to a referenced file, keeps the last good output on a broken spec', async () => {
    const dir = tempDir('watch');
    writeFileSync(join(dir.path, 'api.yaml'), 'openapi: 3.1.0\n');
    const child = spawn(
      process.execPath,
      [join(REPO, 'bin/faultline.js'), 'generate', 'api.yaml', '--out', 'svc', '--watch', '--no-client'],
      { cwd: dir.path },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const waitFor = async (what: () => boolean, label: string) => {
      // a hang guard, not a timing target: up to 60 s on a busy machine
      for (let i = 0; i < 600 && !what(); i++) await new Promise((r) => setTimeout(r, 100));
      expect(what(), `${label}\nstdout: ${stdout}\nstderr: ${stderr}`).toBe(true);
    };
    try {
      writeFileSync(join(dir.path, 'schemas.yaml'), 'Thing:\n  type: object\n  properties:\n    name: { type: string }\n');
      writeFileSync(
        join(dir.path, 'api.yaml'),
        [
          'openapi: 3.1.0',
          'info: { title: Watched, version: "1" }',
          'paths:',
          '  /things:',
          '    get:',
          '      operationId: listThings',
          '      responses:',
          "        '200':",
          '          description: ok',
          '          content:',
          '            application/json:',
          "              schema: { $ref: 'schemas.yaml#/Thing' }",
          "        '500':",
          '          description: failed',
          '          content:',
          '            application/json:',
          '              schema: { type: object, properties: { message: { type: string } } }',
          '',
        ].join('\n'),
      );
      // the spec may be incomplete when the watcher starts: it reports and waits for the next change
      await waitFor(() => /watching/.test(stdout), 'started');
      const types = join(dir.path, 'svc/generated/types.gen.ts');
      await waitFor(() => existsSync(types), 'first output');
      writeFileSync(
        join(dir.path, 'schemas.yaml'),
        'Thing:\n  type: object\n  properties:\n    name: { type: string }\n    colour: { type: string }\n',
      );
      await waitFor(() => readFileSync(types, 'utf8').includes('colour'), 'regenerated after the referenced file changed');
      writeFileSync(join(dir.path, 'api.yaml'), 'openapi: 3.1.0\npaths: [unclosed\n');
      await waitFor(() => /kept the last good output/.test(stderr), 'broken spec reported');
      expect(readFileSync(types, 'utf8')).toContain('colour');
    } finally {
      child.kill('SIGTERM');
      dir.remove();
    }
  }, 300_000);
});
