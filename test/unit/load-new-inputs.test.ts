/**
 * New inputs, loader side: OpenAPI 3.2 read as 3.1 plus its new parts, JSON Schema 2020-12 identifiers,
 * `$ref`s inside vendor extensions, and Swagger 2.0 converted to OpenAPI 3. Fixtures in
 * test/fixtures/specs16 (and test/fixtures/load/swagger2.yaml).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/operations.js';
import { clientSpec } from '../../generator/emit/client-spec.js';

const dir = fileURLToPath(new URL('../fixtures/specs16/', import.meta.url));
const load = (name: string) => loadSpec(name, { cwd: dir });
type Obj = Record<string, any>;
const errors = (l: ReturnType<typeof load>) => l.diagnostics.filter((d) => d.severity === 'error');

function loadText(text: string, name = 'spec.yaml') {
  const folder = mkdtempSync(join(process.env.TMPDIR ?? tmpdir(), 'load16-'));
  try {
    writeFileSync(join(folder, name), text);
    return loadSpec(name, { cwd: folder });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('OpenAPI 3.2', () => {
  it('reads query and additionalOperations as operations, keeping the spec pointer for diagnostics', () => {
    const loaded = load('openapi-32.yaml');
    expect(errors(loaded)).toEqual([]);
    expect(loaded.version).toBe('3.1');
    const item = (loaded.document!.paths as Obj)['/items'];
    expect(Object.keys(item).sort()).toEqual(['copy', 'get', 'query']);
    expect(item.copy.operationId).toBe('copyItems');
    expect(loaded.locate('#/paths/~1items/copy/parameters/0')).toEqual({ file: 'openapi-32.yaml', line: 29 });
    const { model } = buildModel(loaded.document!);
    expect(model.operations.map((o) => o.key)).toEqual(['GET /items', 'QUERY /items', 'COPY /items', 'GET /items/stream']);
  });

  it('keeps 3.1 meaning for 3.1 specs: a `query` key there is not an operation', () => {
    const loaded = loadText(
      'openapi: 3.1.0\ninfo: {title: T, version: "1"}\npaths:\n  /a:\n    query: {responses: {"200": {description: ok}}}\n    get: ' +
        '{responses: {"200": {description: ok}}}\n',
    );
    expect(errors(loaded)).toEqual([]);
    expect(loaded.diagnostics).toMatchObject([{ code: 'INVALID_STRUCTURE', severity: 'warning', pointer: '#/paths/~1a/query', line: 5 }]);
    expect(Object.keys((loaded.document!.paths as Obj)['/a'])).toEqual(['get']);
  });

  it('refuses additionalOperations that repeat a fixed method, and reports methods Node cannot receive', () => {
    const loaded = loadText(
      'openapi: 3.2.0\ninfo: {title: T, version: "1"}\npaths:\n  /a:\n    additionalOperations:\n      POST: {responses: {"200": ' +
        '{description: ok}}}\n      BREW: {responses: {"200": {description: ok}}}\n      LINK: {responses: {"200": {description: ' +
        'ok}}}\n',
    );
    expect(loaded.diagnostics.map((d) => [d.code, d.severity, d.pointer])).toEqual([
      ['INVALID_STRUCTURE', 'error', '#/paths/~1a/additionalOperations/POST'],
      ['OPENAPI_32_LIFTED', 'warning', '#/paths/~1a/additionalOperations/BREW'],
    ]);
    expect(Object.keys((loaded.document!.paths as Obj)['/a'])).toEqual(['link']);
  });

  it('inlines refs to reusable media types (components/mediaTypes) and accepts the other 3.2 fields', () => {
    const loaded = loadText(
      [
        'openapi: 3.2.0',
        'info: {title: T, version: "1"}',
        'tags: [{name: a, kind: nav, summary: A}, {name: b, parent: a}]',
        'servers: [{url: "https://x.test", name: prod}]',
        'paths:',
        '  /s:',
        '    get:',
        '      responses:',
        '        "200": {description: ok, summary: fine, content: {application/json: {$ref: "#/components/mediaTypes/Thing"}}}',
        'components:',
        '  mediaTypes:',
        '    Thing: {schema: {type: object, properties: {a: {type: string}}}}',
        '  examples:',
        '    E: {dataValue: {a: 1}, serializedValue: \'{"a":1}\'}',
      ].join('\n') + '\n',
    );
    expect(loaded.diagnostics).toEqual([]);
    expect((loaded.document as Obj).paths['/s'].get.responses['200'].content['application/json']).toEqual({
      schema: { type: 'object', properties: { a: { type: 'string' } } },
    });
  });

  it('hands the client a 3.1 copy: no extra methods, itemSchema typed as a list, $self gone', () => {
    const copy = clientSpec(load('openapi-32.yaml').document!) as Obj;
    expect(copy.openapi).toBe('3.1.1');
    expect(copy.$self).toBeUndefined();
    expect(Object.keys(copy.paths['/items']).sort()).toEqual(['get']);
    expect(copy.paths['/items/stream'].get.responses['200'].content['text/event-stream'].schema).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/Item' },
    });
  });
});

describe('JSON Schema 2020-12 identifiers (3.1)', () => {
  it('resolves $id base URIs, $anchor and plain-name fragments, and a static $dynamicRef, to local pointers', () => {
    const loaded = load('schema-ids.yaml');
    expect(errors(loaded)).toEqual([]);
    const doc = loaded.document as Obj;
    const get = doc.paths['/details/{id}'].get;
    expect(get.parameters[0].schema).toEqual({ $ref: '#/components/schemas/details/properties/id' });
    expect(get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/details' });
    expect(get.responses['400'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/error' });
    expect(doc.components.schemas.details.properties.owner).toEqual({ $ref: '#/components/schemas/owner' });
    expect(doc.paths['/tree'].get.responses['400'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/treeError' });
    expect(doc.components.schemas.tree.properties.children.items).toEqual({ $ref: '#/components/schemas/tree' });
    // identifiers are resolved, then dropped so no tool re-bases the local pointers on them
    expect(JSON.stringify(doc)).not.toMatch(/"\$(id|anchor|dynamicAnchor|dynamicRef)"/);
  });

  it('resolves `#/...` and `#` inside a schema resource against its `$id`, relative ids, anchors in other files, and $dynamicRef in its own resource', () => {
    const loaded = load('schema-ids-resources.yaml');
    expect(errors(loaded).map((d) => `${d.code} ${d.pointer} ${d.message}`)).toEqual([]);
    const doc = loaded.document as Obj;
    const schemaOf = (path: string, status: string) => doc.paths[path].get.responses[status].content['application/json'].schema;
    expect(schemaOf('/foo', '200')).toEqual({ $ref: '#/components/schemas/Foo' });
    expect(schemaOf('/foo', '400')).toEqual({ $ref: '#/components/schemas/RealLeaf/$defs/l' });
    expect(schemaOf('/foo', '404')).toEqual({ $ref: '#/components/schemas/Foo/$defs/bar' });
    expect(schemaOf('/other', '200')).toEqual({ $ref: '#/components/schemas/Other' });
    expect(doc.components.schemas.Other).toMatchObject({ required: ['o'] });
    const foo = doc.components.schemas.Foo;
    // `#/$defs/bar` inside Foo (which has an $id) is Foo's $defs, not the document's (which has none)
    expect(foo.properties.bar).toEqual({ $ref: '#/components/schemas/Foo/$defs/bar' });
    expect(foo.properties.self).toEqual({ $ref: '#/components/schemas/Foo' });
    // a pointer that is not inside Foo is the document's, as every OpenAPI tool reads it
    expect(foo.properties.plain).toEqual({ $ref: '#/components/schemas/Leaf' });
    // `nested/leaf` against Foo's base is https://example.test/schemas/nested/leaf, not the Leaf whose $id is relative to the file
    expect(foo.properties.leaf).toEqual({ $ref: '#/components/schemas/RealLeaf' });
    expect(doc.components.schemas.RealLeaf.properties.x).toEqual({ $ref: '#/components/schemas/RealLeaf/$defs/l' });
    // two resources declare `$dynamicAnchor: node`: each `$dynamicRef: '#node'` starts in its own resource
    expect(doc.components.schemas.Tree.properties.children.items).toEqual({ $ref: '#/components/schemas/Tree' });
    expect(doc.components.schemas.OtherTree.properties.kids.items).toEqual({ $ref: '#/components/schemas/OtherTree' });
    expect(JSON.stringify(doc)).not.toMatch(/"\$(id|anchor|dynamicAnchor|dynamicRef)"/);
  });

  it('still reports a plain-name fragment that names no anchor', () => {
    const loaded = loadText(
      'openapi: 3.1.0\ninfo: {title: T, version: "1"}\npaths:\n  /a:\n    get: {responses: {"200": {description: ok, content: ' +
        '{application/json: {schema: {$ref: "#nowhere"}}}}}}\n',
    );
    expect(errors(loaded).map((d) => d.code)).toEqual(['REF_DANGLING']);
  });
});

describe('$refs inside vendor extensions', () => {
  it('never block: existing files are read as text, local pointers kept, the rest left unresolved with a warning each', () => {
    const loaded = load('extension-refs.yaml');
    expect(errors(loaded)).toEqual([]);
    const warnings = loaded.diagnostics.filter((d) => d.code === 'REF_IN_EXTENSION');
    expect(warnings.map((d) => [d.pointer, d.line])).toEqual([
      ['#/info/x-topics/1/content/$ref', 9],
      ['#/paths/~1things/get/x-codeSamples/1/source/$ref', 18],
      ['#/paths/~1things/get/x-see-also/$ref', 19],
      ['#/paths/~1things/get/x-remote/$ref', 20],
      ['#/components/schemas/Thing/x-doc/$ref', 29],
    ]);
    expect(warnings[1].message).toMatch(/ext\/never-published\.php.*does not exist/);
    const op = (loaded.document as Obj).paths['/things'].get;
    expect(op['x-codeSamples'][0].source).toBe('var x = 1; // C# sample\n');
    expect(op['x-codeSamples'][1].source).toEqual({ 'x-unresolved-ref': 'ext/never-published.php' });
    expect(op['x-local']).toEqual({ $ref: '#/components/schemas/Thing' });
    // a property named x-name is a property, not an extension
    expect((loaded.document as Obj).components.schemas.Thing.properties['x-name']).toEqual({ type: 'string' });
  });
});

describe('vendor extensions in the Paths object', () => {
  it('an `x-` key under `paths` is an extension, not a path: no error, its dangling $ref a warning, and it is not served', () => {
    const loaded = loadText(
      'openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths:\n  x-groups: {$ref: docs/missing.md}\n  /a:\n    get: {responses: ' +
        '{"200": {description: ok}}}\n',
    );
    expect(errors(loaded)).toEqual([]);
    expect(loaded.diagnostics.map((d) => [d.code, d.pointer, d.line])).toEqual([['REF_IN_EXTENSION', '#/paths/x-groups/$ref', 4]]);
    expect(Object.keys((loaded.document as Obj).paths)).toEqual(['/a']);
  });
});

describe('Swagger 2.0', () => {
  it('is converted to OpenAPI 3.0 with a warning listing what changed', () => {
    const loaded = loadText(
      [
        'swagger: "2.0"',
        'info: {title: Old, version: "1"}',
        'host: api.example.test',
        'basePath: /v1',
        'consumes: [application/json]',
        'produces: [application/json]',
        'paths:',
        '  /pets:',
        '    post:',
        '      operationId: addPet',
        '      parameters: [{name: body, in: body, required: true, schema: {$ref: "#/definitions/Pet"}}]',
        '      responses: {"201": {description: ok, schema: {$ref: "#/definitions/Pet"}}, "400": {description: bad}}',
        'definitions:',
        '  Pet: {type: object, properties: {name: {type: string}}}',
      ].join('\n') + '\n',
    );
    expect(errors(loaded)).toEqual([]);
    expect(loaded.version).toBe('3.0');
    const [warning] = loaded.diagnostics;
    expect(warning).toMatchObject({ code: 'SWAGGER_2_CONVERTED', severity: 'warning', pointer: '#/swagger', line: 1 });
    expect(warning.message).toMatch(
      /host\/basePath\/schemes became `servers`.*1 definitions moved to components\/schemas.*1 body parameters became requestBody/,
    );
    const op = (loaded.document as Obj).paths['/pets'].post;
    expect(op.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Pet' });
    expect((loaded.document as Obj).servers).toEqual([{ url: '//api.example.test/v1' }]);
  });
});
