/** `faultline new <dir> --spec <spec>`: scaffold a standalone service project (see generator/scaffold). */
import { parseArgs } from 'node:util';
import { relative } from 'node:path';
import { formatDiagnostic } from '../diagnostics.js';
import { isValidPackageName } from '../scaffold/package-json.js';
import { scaffold } from '../scaffold/index.js';
import { EXIT, UsageError, type CommandIO } from './io.js';

const HELP = `usage: faultline new <dir> --spec <spec> [--name <package>] [--force] [--no-client] [--faultline-version <npm spec>]

Creates a standalone service project in <dir>: package.json, faultline.config.ts, the spec and every
file it references under spec/, generated/, handlers/, app.ts, server.ts, a contract test, README.md.
<dir> must be empty; --force adds the missing files and never overwrites an existing one.
`;

export async function run(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      spec: { type: 'string', short: 's' },
      force: { type: 'boolean', short: 'f' },
      name: { type: 'string' },
      'no-client': { type: 'boolean' },
      // The npm spec of the faultline devDependency, e.g. file:../faultline-0.1.0.tgz (default: where this faultline came from).
      'faultline-version': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const [dir] = positionals;
  if (!dir) throw new UsageError('missing the folder: faultline new <dir> --spec <spec>');
  if (positionals.length > 1) throw new UsageError(`expected one folder, got ${positionals.length}`);
  if (!values.spec) throw new UsageError('missing --spec <spec>: the OpenAPI file to start from');
  if (values.name !== undefined && !isValidPackageName(values.name)) {
    throw new UsageError(`--name ${JSON.stringify(values.name)} is not a valid npm package name (lower case letters, digits, - . _ ~, optional @scope/)`);
  }
  const result = await scaffold({
    dir, spec: values.spec, cwd: io.cwd, force: values.force, name: values.name,
    faultline: values['faultline-version'], client: values['no-client'] ? false : undefined,
  });
  for (const d of result.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
  if (result.refused) {
    io.stderr(`faultline new: ${result.refused}\n`);
    return EXIT.usage;
  }
  if (!result.ok) {
    io.stderr(`faultline new: the spec has ${result.diagnostics.filter((d) => d.severity === 'error').length} error(s); nothing was written\n`);
    return EXIT.findings;
  }
  const shown = relative(io.cwd, result.root) || '.';
  const lines = [
    `faultline: created ${shown} from ${values.spec}`,
    `  ${result.stats!.operations} operations, ${result.stats!.errorResponses} error responses; spec copied to ${result.specPath}`,
    `  ${result.created.length} files created, ${result.generated} in generated/${result.kept.length ? `, ${result.kept.length} existing kept: ${result.kept.join(', ')}` : ''}`,
    `  devDependency "faultline": ${JSON.stringify(result.faultlineDependency!.spec)}: ${result.faultlineDependency!.note}`,
    '',
    'next:',
    `  cd ${shown}`,
    '  npm install',
    '  npm test          # every documented error renders a schema-valid body',
    '  npm run build     # type-check and compile to dist/',
    '  npm start         # http://localhost:8000 (npm run dev restarts on changes)',
  ];
  io.stdout(lines.join('\n') + '\n');
  return EXIT.ok;
}
