/**
 * Drift through `fail` and `check` on the users example: its real handlers (output/users/handlers)
 * over a generated copy of the service. Adding a 409 to GET /user/{username} makes `fail(409)`
 * compile; removing its 404 makes tsc fail at the `fail(404)` line and nowhere else; a 404 thrown
 * from repository code, or by the handler itself, still compiles, and `check` (also through
 * `generate --check`) reports it at its line, with the call path when it is not in the handler.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { generate } from '../../generator/generate.js';
import { loadSpec } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/operations.js';
import { checkProject } from '../../generator/check/index.js';
import { formatFinding } from '../../generator/check/format.js';
import { REPO, tempDir } from '../support/tmp.js';
import { faultline, tsc } from '../support/run.js';

/** The example's getUser plus one line that raises 409, which GET /user/{username} does not document yet. */
const getUserWith409 = () =>
  readFileSync(join(REPO, 'output/users/handlers/getUser.ts'), 'utf8').replace(
    "  if (!row) return fail(404, 'No user has this username');\n",
    "  if (params.username === 'taken') return fail(409, 'Username already taken');\n  if (!row) return fail(404, 'No user has this " +
      "username');\n",
  );

const REPOSITORY = `import { NotFoundError } from '../generated/errors.gen.js';
import type { Database } from '../../infra/db/index.js';
import { USER_COLUMNS, toUser, type UserRow } from '../../infra/db/users.js';

export async function findUser(db: Database, username: string) {
  const [row] = await db.query<UserRow>(\`SELECT \${USER_COLUMNS} FROM users WHERE username = $1\`, [username]);
  if (!row) throw new NotFoundError('No user has this username');
  return toUser(row);
}
`;

/** The example's getUser with the 404 thrown as a class, as a user coming from another framework writes it. */
const getUserThrowing = () =>
  readFileSync(join(REPO, 'output/users/handlers/getUser.ts'), 'utf8')
    .replace(
      "import type { Handlers } from '../generated/handlers.gen.js';\n",
      (m) => `${m}import { NotFoundError } from '../generated/errors.gen.js';\n`,
    )
    .replace('async ({ params, req, fail })', 'async ({ params, req })')
    .replace("return fail(404, 'No user has this username');", "throw new NotFoundError('No user has this username');");

const GET_USER_THROUGH_REPOSITORY = `import type { Handlers } from '../generated/handlers.gen.js';
import { databaseOf } from '../../infra/db/index.js';
import { findUser } from '../lib/users.js';

export const getUser: Handlers['getUser'] = async ({ params, req }) => {
  return { status: 200, body: await findUser(databaseOf(req), params.username) };
};
`;

/**
 * The statuses tsc says `fail` accepts where `raised` was refused in `file`, sorted: TypeScript prints a
 * union in the order its literal types were first created in the program, which other files change.
 */
function allowedStatuses(stdout: string, file: string, raised: string): string[] {
  const line = stdout
    .split('\n')
    .find((l) => l.includes(file) && l.includes(`Argument of type '${raised}' is not assignable to parameter of type '`));
  const union = line?.split("parameter of type '")[1]?.split("'")[0] ?? '';
  return union.split(' | ').filter(Boolean).sort();
}

/** Several tsc runs over a service: generous, so a busy machine never fails the test. */
const TSC_TIMEOUT = 600_000;

describe('users example: spec edits reach fail() and check', () => {
  let dir: ReturnType<typeof tempDir>;
  const spec = () => join(dir.path, 'users.yaml');
  const out = () => join(dir.path, 'users');
  /** tsc's incremental state across this file's compiles of the same project (outside it) */
  const buildInfo = () => join(dir.path, 'tsc.tsbuildinfo');
  const regenerate = () => generate({ input: spec(), output: out(), cwd: dir.path, client: false });
  const editGetUser = (edit: (responses: Record<string, unknown>) => void) => {
    const doc = yaml.load(readFileSync(spec(), 'utf8')) as any;
    edit(doc.paths['/user/{username}'].get.responses);
    writeFileSync(spec(), yaml.dump(doc));
  };
  /** "handlers/getUser.ts:10" for each tsc error. */
  const errorLines = (stdout: string) => [
    ...new Set([...stdout.matchAll(/(handlers\/\w+\.ts|lib\/\w+\.ts)\((\d+),\d+\): error TS/g)].map((m) => `${m[1]}:${m[2]}`)),
  ];

  beforeAll(async () => {
    dir = tempDir('fail-drift');
    copyFileSync(join(REPO, 'specs/users.yaml'), spec());
    await regenerate();
    // the example's handlers import ../../infra/db: the same layout as examples/
    mkdirSync(join(dir.path, 'infra'));
    symlinkSync(join(REPO, 'output/infra/db'), join(dir.path, 'infra', 'db'));
    for (const file of readdirSync(join(REPO, 'output/users/handlers')))
      copyFileSync(join(REPO, 'output/users/handlers', file), join(out(), 'handlers', file));
    // the example's verifiers declare the principals its handlers read (auth.principals.bearerAuth.user...)
    copyFileSync(join(REPO, 'output/users/security.ts'), join(out(), 'security.ts'));
    writeFileSync(join(out(), 'handlers/getUser.ts'), getUserWith409());
  });
  afterAll(() => dir.remove());

  it(
    'fail(409) does not compile until the spec documents 409; removing 404 fails tsc at the fail(404) line',
    async () => {
      const before = tsc(out(), buildInfo());
      expect(errorLines(before.stdout), before.stdout).toEqual(['handlers/getUser.ts:8']);
      expect(allowedStatuses(before.stdout, 'getUser.ts', '409')).toEqual(['400', '404', '500', '503']);

      editGetUser((responses) => {
        responses['409'] = { $ref: '#/components/responses/Conflict' };
      });
      await regenerate();
      const added = tsc(out(), buildInfo());
      expect(added.stdout + added.stderr).toBe('');
      expect(added.code).toBe(0);

      editGetUser((responses) => {
        delete responses['404'];
      });
      await regenerate();
      const removed = tsc(out(), buildInfo());
      expect(errorLines(removed.stdout), removed.stdout).toEqual(['handlers/getUser.ts:9']);
      expect(removed.stdout).toMatch(
        /handlers\/getUser\.ts\(9,\d+\): error TS2345: Argument of type '404' is not assignable to parameter of type/,
      );
      expect(allowedStatuses(removed.stdout, 'getUser.ts', '404')).toEqual(['400', '409', '500', '503']);
      // check says the same without tsc (generate --check in CI)
      const { model } = buildModel(loadSpec(spec()).document!);
      expect(checkProject(model, out()).map((f) => formatFinding(f, dir.path))).toEqual([
        'error users/handlers/getUser.ts:9: GET /user/{username} does not document 404 (fail)',
      ]);
    },
    TSC_TIMEOUT,
  );

  it(
    'a 404 thrown from repository code compiles without the 404, and check reports it with the call path',
    async () => {
      editGetUser((responses) => {
        delete responses['404'];
      });
      await regenerate();
      mkdirSync(join(out(), 'lib'), { recursive: true });
      writeFileSync(join(out(), 'lib/users.ts'), REPOSITORY);
      writeFileSync(join(out(), 'handlers/getUser.ts'), GET_USER_THROUGH_REPOSITORY);
      const compiled = tsc(out(), buildInfo());
      expect(compiled.stdout + compiled.stderr).toBe('');
      const { model } = buildModel(loadSpec(spec()).document!);
      const findings = checkProject(model, out()).map((f) => formatFinding(f, dir.path));
      expect(findings).toEqual([
        'error users/lib/users.ts:7: GET /user/{username} does not document 404 (NotFoundError)\n  via findUser() at users/handlers/getUser.ts:6',
      ]);
    },
    TSC_TIMEOUT,
  );

  it(
    'a 404 thrown in the handler itself compiles without the 404; check and generate --check report its line',
    async () => {
      editGetUser((responses) => {
        delete responses['404'];
      });
      await regenerate();
      const handler = getUserThrowing();
      expect(handler).toContain("throw new NotFoundError('No user has this username');");
      writeFileSync(join(out(), 'handlers/getUser.ts'), handler);
      const line = handler.split('\n').findIndex((l) => l.includes('throw new NotFoundError')) + 1;
      const compiled = tsc(out(), buildInfo());
      expect(compiled.stdout + compiled.stderr).toBe('');
      const finding = `error users/handlers/getUser.ts:${line}: GET /user/{username} does not document 404 (NotFoundError)`;
      const checked = faultline(['check', 'users.yaml', '--out', 'users'], dir.path);
      expect(checked.stderr).toContain(finding);
      expect(checked.code).toBe(1);
      const generateCheck = faultline(['generate', 'users.yaml', '--out', 'users', '--no-client', '--check'], dir.path);
      expect(generateCheck.stderr).toContain(finding);
      expect(generateCheck.code).toBe(1);
    },
    TSC_TIMEOUT,
  );
});
