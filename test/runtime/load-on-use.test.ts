/**
 * fast-xml-parser, busboy and Ajv2020 are loaded on first use (templates/runtime/load-on-use.ts), not
 * when a service starts: a child process loads the runtime with a module hook that refuses those
 * packages, so a static import of any of them anywhere in the runtime fails the load; afterwards none
 * is in the CommonJS cache either. A second child uses each one (an XML document, an XML body, a
 * multipart parser, a 3.1 Ajv) to show that loading on use works under the same loader.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const runtime = (file: string) => pathToFileURL(resolve('templates/runtime', file)).href;
const LAZY = /^(fast-xml-parser|busboy|ajv\/dist\/2020(\.js)?)$/;

function child(script: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
}

describe('dependencies loaded on first use', () => {
  it('loading the runtime imports none of them', { timeout: 120_000 }, () => {
    const hook = `export async function resolve(specifier, context, next) {
      if (${LAZY}.test(specifier)) throw new Error('imported at start-up: ' + specifier);
      return next(specifier, context);
    }`;
    const run = child(`
      import { register, createRequire } from 'node:module';
      register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));
      await import(${JSON.stringify(runtime('index.ts'))});
      await import(${JSON.stringify(runtime('validate/index.ts'))});
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((p) => /node_modules\\/(fast-xml-parser|busboy)\\/|ajv\\/dist\\/2020/.test(p));
      console.log(JSON.stringify(loaded));
    `);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toEqual([]);
  });

  it('each one works when first used', { timeout: 120_000 }, () => {
    const run = child(`
      const { xmlDocument } = await import(${JSON.stringify(runtime('serialize.ts'))});
      const { parseXml } = await import(${JSON.stringify(runtime('xml-body.ts'))});
      const { newAjv } = await import(${JSON.stringify(runtime('validate/ajv.ts'))});
      const { multipartParser } = await import(${JSON.stringify(runtime('multipart.ts'))});
      const ajv = newAjv(true, { strict: false }, 'fast');
      const validate = ajv.compile({ $schema: 'https://json-schema.org/draft/2020-12/schema', prefixItems: [{ type: 'integer' }], items: false });
      let parsed;
      const req = { headers: { 'content-type': 'text/plain' }, on() {}, pipe() {} };
      multipartParser({ fileSize: 10, files: 1, fields: 1 })(req, {}, (error) => (parsed = error?.constructor?.name ?? 'none'));
      console.log(JSON.stringify({
        xml: xmlDocument({ pet: { name: 'x' } }),
        body: parseXml('<Pet><name>x</name><age>3</age></Pet>'),
        ajv2020: [validate([1]), validate([1, 2])],
        multipart: parsed,
      }));
    `);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toEqual({
      xml: '<?xml version="1.0" encoding="UTF-8"?><pet><name>x</name></pet>',
      body: { value: { name: 'x', age: 3 } },
      ajv2020: [true, false],
      // busboy was loaded and refused a request that is not multipart: the documented 400
      multipart: 'ValidationFailure',
    });
  });
});
