#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so the package ships its sources with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../generator/cli.ts');
const io = {
  cwd: process.cwd(),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
};
process.exitCode = await main(process.argv.slice(2), io);
