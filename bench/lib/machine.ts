/** The machine and tool versions a benchmark ran with, for the header of BENCHMARKS.md. */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  kernel: string;
}

export function machine(): Machine {
  let kernel = '';
  try {
    kernel = readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim();
  } catch {
    kernel = 'unknown';
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    kernel,
  };
}

/** Installed versions (from node_modules, not package.json ranges). */
export function toolVersions(names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    try {
      out[name] = (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      out[name] =
        (readJson(new URL(`../../node_modules/${name}/package.json`, import.meta.url)) as { version?: string })?.version ?? 'not installed';
    }
  }
  return out;
}

function readJson(url: URL): unknown {
  try {
    return JSON.parse(readFileSync(url, 'utf8'));
  } catch {
    return undefined;
  }
}

export const TOOLS = [
  'faultline',
  'openapi-typescript',
  '@hey-api/openapi-ts',
  'express',
  'express-openapi-validator',
  'ajv',
  'js-yaml',
  'autocannon',
  'tsx',
  'typescript',
] as const;

export function faultlineVersion(): string {
  return (readJson(new URL('../../package.json', import.meta.url)) as { version: string }).version;
}
