import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '../../generator/load/index.js';
import { formatDiagnostic } from '../../generator/diagnostics.js';

const dir = fileURLToPath(new URL('../fixtures/load/', import.meta.url));
const load = (name: string) => loadSpec(name, { cwd: dir });

describe('loadSpec: valid specs', () => {
  it.each([
    ['YAML 3.1', { given: 'minimal-31.yaml', want: { version: '3.1', paths: ['/ping'] } }],
    ['JSON 3.0', { given: 'minimal-30.json', want: { version: '3.0', paths: ['/ping'] } }],
  ])('%s', (_name, { given, want }) => {
    const loaded = load(given);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.version).toBe(want.version);
    expect(Object.keys(loaded.document!.paths as object)).toEqual(want.paths);
  });

  it('bundles multi-file refs into components, keeping only local refs', () => {
    const loaded = load('multi/api.yaml');
    expect(loaded.diagnostics).toEqual([]);
    const doc = loaded.document as any;
    const op = doc.paths['/pets/{id}'].get;
    expect(op.parameters[0]).toEqual({ $ref: '#/components/parameters/Id' });
    expect(doc.components.parameters.Id.in).toBe('path');
    // the root already has a schema named Pet: the external one must not overwrite it
    expect(doc.components.schemas.Pet).toEqual({ type: 'object', properties: { local: { type: 'boolean' } } });
    const petRef = op.responses['200'].content['application/json'].schema.$ref;
    expect(petRef).toBe('#/components/schemas/pet');
    // recursion across files (pet -> owner -> pet) ends in local refs
    expect(doc.components.schemas.owner.properties.pets.items).toEqual({ $ref: '#/components/schemas/pet' });
    expect(op.responses['404']).toEqual({ $ref: '#/components/responses/NotFound' });
    expect(doc.components.responses.NotFound.content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/problem' });
    expect(JSON.stringify(doc)).not.toMatch(/"\$ref":"[^#]/);
    expect(loaded.files.map((f) => f.split('/').pop()).sort()).toEqual([
      'api.yaml',
      'owner.yaml',
      'parameters.yaml',
      'pet.yaml',
      'problem.yaml',
      'responses.yaml',
    ]);
  });

  it('locates a pointer of a hoisted component in the file it came from', () => {
    const loaded = load('multi/api.yaml');
    expect(loaded.locate('#/components/schemas/problem/properties/status')).toEqual({ file: 'multi/schemas/problem.yaml', line: 5 });
    expect(loaded.locate('#/paths/~1pets~1{id}/get/operationId')).toEqual({ file: 'multi/api.yaml', line: 6 });
  });
});

describe('loadSpec: every defect is a diagnostic with file, line and pointer', () => {
  it.each([
    ['missing openapi', { given: 'no-version.yaml', want: { code: 'OPENAPI_VERSION_MISSING', line: 1, pointer: '#', text: /missing/ } }],
    [
      'unknown version',
      { given: 'version-4.yaml', want: { code: 'OPENAPI_VERSION_UNSUPPORTED', line: 1, pointer: '#/openapi', text: /"4\.0\.0"/ } },
    ],
    ['unreadable file', { given: 'nope.yaml', want: { code: 'FILE_UNREADABLE', line: 0, pointer: '#', text: /does not exist/ } }],
    // the flow sequence opened on line 7 never closes: line 7, not the line after the end of the file
    ['YAML syntax error', { given: 'syntax-error.yaml', want: { code: 'SYNTAX_ERROR', line: 7, pointer: '#', text: /syntax error/ } }],
    [
      'dangling $ref',
      {
        given: 'dangling.yaml',
        want: {
          code: 'REF_DANGLING',
          line: 12,
          pointer: '#/paths/~1a/get/responses/200/content/application~1json/schema/$ref',
          text: /points at nothing/,
        },
      },
    ],
  ])('%s', (_name, { given, want }) => {
    const loaded = load(given);
    const d = loaded.diagnostics[0];
    expect(d).toMatchObject({ code: want.code, severity: 'error', line: want.line, pointer: want.pointer });
    expect(d.file).toBe(given);
    expect(`${d.message} ${d.fix ?? ''}`).toMatch(want.text);
    expect(formatDiagnostic(d)).toMatch(
      new RegExp(`^error ${given.replace('.', '\\.')}(:${want.line}(:\\d+)?)? ${want.pointer.replace(/[$.~{}]/g, '\\$&')}: `),
    );
  });

  it('collects every problem before reporting: duplicate operationIds and identical templated paths', () => {
    const codes = load('duplicates.yaml').diagnostics.map((d) => [d.code, d.line, d.pointer]);
    expect(codes).toEqual([
      ['DUPLICATE_PATH', 9, '#/paths/~1users~1{userId}'],
      ['DUPLICATE_OPERATION_ID', 11, '#/paths/~1users~1{userId}/get/operationId'],
    ]);
  });

  it('refuses refs that leave the spec folder or use URLs, without reading them', () => {
    const diagnostics = load('outside-ref.yaml').diagnostics;
    expect(diagnostics.map((d) => d.code)).toEqual(['REF_EXTERNAL', 'REF_EXTERNAL']);
    expect(diagnostics[0].message).toMatch(/leaves the spec's folder/);
    expect(diagnostics[1].message).toMatch(/never fetches/);
    expect(JSON.stringify(diagnostics)).not.toMatch(/must never be read/);
  });

  it('allows a wider ref root when asked', () => {
    const loaded = loadSpec('outside-ref.yaml', { cwd: dir, refRoot: '..' });
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['REF_EXTERNAL']);
  });
});
