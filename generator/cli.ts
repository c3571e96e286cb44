#!/usr/bin/env node
/**
 * The only module that touches argv, the console and exit codes. Each subcommand lives in
 * generator/commands/<name>.ts and exports `run(args, io)`.
 */
import { EXIT, UsageError, type Command, type CommandIO } from './commands/io.js';
import { EXIT_CODES_HELP } from './commands/flags.js';
import { closest } from './commands/suggest.js';

/** Every command: its one-line synopsis and where it lives. A new command is one row here plus its file. */
const COMMANDS: Record<string, { synopsis: string; load: () => Promise<{ run: Command }> }> = {
  generate: {
    synopsis:
      'generate [spec] --out <dir>   generate a typed Express or Fastify service (--check, --dry-run, --watch, --no-client, --target)',
    load: () => import('./commands/generate.js'),
  },
  lint: {
    synopsis: 'lint [spec]                   report holes in the error contract and structural problems',
    load: () => import('./commands/lint.js'),
  },
  diff: {
    synopsis: 'diff <old> [new]              error-contract changes between two spec versions (--fail-on breaking)',
    load: () => import('./commands/diff.js'),
  },
  verify: {
    synopsis: 'verify [spec] --url <base>    check that a running service keeps its error contract',
    load: () => import('./commands/verify.js'),
  },
  check: {
    synopsis: 'check [spec] --out <dir>      report thrown error classes the operation does not document (--depth)',
    load: () => import('./commands/check.js'),
  },
  new: { synopsis: 'new <dir> --spec <spec>       scaffold a standalone service', load: () => import('./commands/new.js') },
};

const USAGE = `usage: faultline <command> [options]

commands:
${Object.values(COMMANDS)
  .map((c) => `  ${c.synopsis}`)
  .join('\n')}

The spec defaults to \`input\` in faultline.config.ts. Every command takes -h/--help (or: faultline help <command>).

${EXIT_CODES_HELP}`;

export async function main(argv: string[], io: CommandIO): Promise<number> {
  // `faultline help generate` is `faultline generate --help`, as in git and npm
  if (argv[0] === 'help' && argv[1] !== undefined) return main([argv[1], '--help'], io);
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
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    const guess = closest(name, Object.keys(COMMANDS));
    io.stderr(`faultline: unknown command "${name}"${guess ? `; did you mean "${guess}"?` : ''}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  try {
    const { run } = await command.load();
    return await run(args, io);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`faultline ${name}: ${(err as Error).message}\n`);
      return EXIT.usage;
    }
    // A bug in faultline, not in the user's spec: say so plainly, keep the stack for the report.
    io.stderr(
      `faultline ${name}: internal error: ${(err as Error)?.stack ?? String(err)}\n` +
        'Please report this at https://github.com/faultline/faultline/issues\n',
    );
    return EXIT.internal;
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
