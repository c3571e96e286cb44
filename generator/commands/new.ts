/** `faultline new <dir> --spec <spec>`: scaffold a standalone service project (see generator/scaffold). */
import { relative } from 'node:path';
import { formatDiagnostic } from '../diagnostics.js';
import { isValidPackageName } from '../scaffold/package-json.js';
import { scaffold } from '../scaffold/index.js';
import { EXIT, UsageError, type CommandIO } from './io.js';
import { formatHelp, parseCommand, withCommonFlags, type CommandSpec } from './flags.js';
import { commandConfig, isUnreadable, specFrom } from './spec-input.js';

export const SPEC: CommandSpec = {
  name: 'new',
  usage: 'new <dir> --spec <spec> [options]',
  summary: 'Scaffold a standalone service project from a spec (default spec: `input` of faultline.config.ts).',
  flags: withCommonFlags([
    { name: 'spec', short: 's', type: 'string', value: '<spec>', description: 'the OpenAPI file to start from' },
    { name: 'name', type: 'string', value: '<package>', description: 'npm package name (default: the folder name)' },
    { name: 'force', short: 'f', type: 'boolean', description: 'add the missing files to a non-empty folder; never overwrite one' },
    { name: 'no-client', type: 'boolean', description: 'skip the @hey-api/openapi-ts typed client' },
    {
      name: 'faultline-version',
      type: 'string',
      value: '<npm spec>',
      description:
        'the npm spec of the faultline devDependency, e.g. file:../faultline-0.1.0.tgz (default: where this faultline came from)',
    },
  ]),
  details: `Creates a standalone service project in <dir>: package.json, faultline.config.ts, the spec and every
file it references under spec/, generated/, handlers/, app.ts, server.ts, a contract test, README.md.
<dir> must be empty; --force adds the missing files and never overwrites an existing one.`,
};

export async function run(args: string[], io: CommandIO): Promise<number> {
  const flags = parseCommand(SPEC, args);
  if (flags.help) {
    io.stdout(formatHelp(SPEC));
    return EXIT.ok;
  }
  const [dir] = flags.positionals;
  if (!dir) throw new UsageError('missing the folder: faultline new <dir> --spec <spec>');
  if (flags.positionals.length > 1) throw new UsageError(`expected one folder, got ${flags.positionals.length}`);
  const name = flags.string('name');
  if (name !== undefined && !isValidPackageName(name)) {
    throw new UsageError(
      `--name ${JSON.stringify(name)} is not a valid npm package name (lower case letters, digits, - . _ ~, optional @scope/)`,
    );
  }
  const config = flags.string('spec') ? {} : await commandConfig(io.cwd, flags.string('config'));
  const spec = specFrom(flags.string('spec'), config, 'faultline new <dir> --spec <spec>');
  const result = await scaffold({
    dir,
    spec,
    cwd: io.cwd,
    force: flags.boolean('force'),
    name,
    faultline: flags.string('faultline-version'),
    client: flags.boolean('no-client') ? false : undefined,
  });
  for (const d of result.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
  if (isUnreadable(result.diagnostics)) return EXIT.usage;
  if (result.refused) {
    io.stderr(`faultline new: ${result.refused}\n`);
    return EXIT.usage;
  }
  if (!result.ok) {
    io.stderr(
      `faultline new: the spec has ${result.diagnostics.filter((d) => d.severity === 'error').length} error(s); nothing was written\n`,
    );
    return EXIT.findings;
  }
  const shown = relative(io.cwd, result.root) || '.';
  const lines = [
    `faultline: created ${shown} from ${spec}`,
    `  ${result.stats!.operations} operations, ${result.stats!.errorResponses} error responses; spec copied to ${result.specPath}`,
    `  ${result.created.length} files created, ${result.generated} in generated/` +
      (result.kept.length ? `, ${result.kept.length} existing kept: ${result.kept.join(', ')}` : ''),
    `  devDependency "faultline": ${JSON.stringify(result.faultlineDependency!.spec)}: ${result.faultlineDependency!.note}`,
    '',
    'next:',
    `  cd ${shown}`,
    '  npm install',
    '  npm test          # every documented error renders a schema-valid body',
    '  npm run build     # type-check and compile to dist/',
    `  npm start         # http://localhost:8000${result.stats?.basePath ?? ''} (npm run dev restarts on changes)`,
  ];
  io.stdout(lines.join('\n') + '\n');
  return EXIT.ok;
}
