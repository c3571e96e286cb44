/**
 * verify against the generated example services (output/users, output/things), started in-process on
 * port 0. A generated service keeps the contract by construction, so every conformance check must
 * pass. The one tolerated finding is a 500 for an unknown id while a handler is still the generated
 * "not implemented" stub: the stub answers the documented 500 before it could know the id is unknown.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadSpec } from '../../generator/load/index.js';
import { verify } from '../../generator/verify/index.js';
import { buildModel } from '../../generator/model/operations.js';
import { serve } from './serve.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SERVICES = ['users', 'things'].filter((name) => existsSync(`${root}output/${name}/app.ts`));

describe.skipIf(!SERVICES.length)('verify against the generated example services', () => {
  it.each(SERVICES)('%s keeps its error contract', async (name) => {
    const { createApp } = await import(pathToFileURL(`${root}output/${name}/app.ts`).href);
    const running = await serve(await createApp());
    try {
      const document = loadSpec(`${root}specs/${name}.yaml`).document!;
      // a generous timeout: the first requests wait for the database to start and migrate, which takes
      // seconds on a busy machine; this test is about the contract, not about speed
      const report = await verify({ document, baseUrl: running.url, timeoutMs: 120_000 });
      const unexplained = report.findings.filter(
        (f) =>
          !(
            f.check === 'no_server_error_for_invalid_input' &&
            f.probe.kind === 'not_found' &&
            /not implemented/.test(f.response?.body ?? '')
          ),
      );
      expect(unexplained.map((f) => `${f.check} ${f.operation} ${f.status}: ${f.message}`)).toEqual([]);
      expect(report.notes).toEqual([]);
      expect(report.requests).toBeGreaterThan(50);
      // Every documented 400 is reachable from the outside; verify has no credentials here, so a secured
      // operation answers its 401 first (tested with credentials in test/security/).
      const secured = new Set(
        buildModel(document)
          .model.operations.filter((op) => op.security)
          .map((op) => op.key),
      );
      for (const c of report.coverage)
        if (c.documentedErrors.includes('400') && !secured.has(c.operation)) expect(c.observedErrors, c.operation).toContain('400');
      for (const c of report.coverage) if (secured.has(c.operation)) expect(c.observedErrors, c.operation).toContain('401');
    } finally {
      await running.close();
    }
  });
});
