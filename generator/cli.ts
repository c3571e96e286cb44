#!/usr/bin/env node
/**
 * The only module that touches argv, the console and exit codes. Each subcommand lives in
 * generator/commands/<name>.ts and exports `run(args, io)`.
 */
import { EXIT, UsageError, type Command, type CommandIO } from './commands/io.js';

const COMMANDS: Record<string, () => Promise<{ run: Command }>> = {
  generate: () => import('./commands/generate.js'),
  lint: () => import('./commands/lint.js'),
  diff: () => import('./commands/diff.js'),
  verify: () => import('./commands/verify.js'),
  new: () => import('./commands/new.js'),
};

const USAGE = `usage: faultline <command> [options]

commands:
  generate <spec> --out <dir>   generate a typed Express service (--check, --watch, --no-client, --config, --target fastify)
  lint <spec>                   report holes in the error contract (--format stylish|json|github)
  diff <old> <new>              error-contract changes between two spec versions (--fail-on breaking)
  verify <spec> --url <base>    check that a running service keeps its error contract
  new <dir> --spec <spec>       scaffold a standalone service

exit codes: 0 ok, 1 findings or spec errors, 2 usage errors`;

export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE + '\n');
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v') {
    const { version } = await import('./version.js');
    io.stdout(version + '\n');
    return EXIT.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`faultline: unknown command "${name}"\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  try {
    const { run } = await load();
    return await run(args, io);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`faultline ${name}: ${(err as Error).message}\n`);
      return EXIT.usage;
    }
    // A bug in faultline, not in the user's spec: say so plainly, keep the stack for the report.
    io.stderr(`faultline ${name}: internal error: ${(err as Error)?.stack ?? String(err)}\nPlease report this at https://github.com/faultline/faultline/issues\n`);
    return EXIT.findings;
  }
}

const io: CommandIO = {
  cwd: process.cwd(),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
};

// Run directly (`tsx generator/cli.ts ...`); bin/faultline.js imports main() instead.
if (process.argv[1]?.endsWith('cli.ts') || process.argv[1]?.endsWith('cli.js')) {
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
