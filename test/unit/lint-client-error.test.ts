/**
 * client-error-documented: an operation without parameters that documents no 400,
 * 422, 4XX or default is an error by default; one with parameters is left to input-needs-400, so no
 * operation is reported twice. The generation summary names the same operations (with parameters too).
 */
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/index.js';
import { lint } from '../../generator/lint/index.js';
import { buildModel } from '../../generator/model/operations.js';
import { undocumentedClientErrorWarnings } from '../../generator/emit/undocumented-client-errors.js';

const FIXTURE = 'test/fixtures/lint/client-error.yaml';

describe('client-error-documented', () => {
  it('reports GET /health (no parameters, no 400) as an error at its responses; 4XX counts; GET /items is input-needs-400', () => {
    const { findings } = lint(loadSpec(FIXTURE));
    const mine = findings
      .filter((f) => f.rule === 'client-error-documented')
      .map(({ line, pointer, severity }) => ({ line, pointer, severity }));
    expect(mine).toEqual([{ line: 6, pointer: '#/paths/~1health/get/responses', severity: 'error' }]);
    expect(findings.filter((f) => f.rule === 'input-needs-400').map((f) => f.pointer)).toEqual(['#/paths/~1items/get/responses']);
  });

  it('finds nothing in the clean fixture and in specs/users.yaml', () => {
    for (const spec of ['test/fixtures/lint/clean.yaml', 'specs/users.yaml']) {
      expect(lint(loadSpec(spec)).findings.filter((f) => f.rule === 'client-error-documented')).toEqual([]);
    }
  });

  it('the generation warning names every operation without a client error, with or without parameters', () => {
    const loaded = loadSpec(FIXTURE);
    const { model } = buildModel(loaded.document as Record<string, unknown>);
    const [warning, ...rest] = undocumentedClientErrorWarnings(model.operations);
    expect(rest).toEqual([]);
    expect(warning.severity).toBe('warning');
    expect(warning.code).toBe('UNDOCUMENTED_CLIENT_ERROR');
    const named = warning.message.split(': ').pop()!.split(', ');
    expect(named.sort()).toEqual(
      model.operations
        .filter((o) => o.path !== '/status')
        .map((o) => o.name)
        .sort(),
    );
  });
});
