/**
 * client/, by @hey-api/openapi-ts with its fetch client. hey-api writes to disk only, so it writes
 * into a private temporary folder and the files are read back into memory; the caller decides where
 * they land. It gets the normalized spec, whose remaining `$ref`s are all local: it never fetches.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createClient } from '@hey-api/openapi-ts';

export async function emitClient(document: object): Promise<Map<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-client-'));
  try {
    await createClient({
      input: structuredClone(document) as never,
      output: { path: dir, postProcess: [], importFileExtension: '.js', tsConfigPath: null } as never,
      plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
      logs: { level: 'silent', file: false },
    } as never);
    const files = new Map<string, string>();
    for (const file of listFiles(dir)) files.set(relative(dir, file).split('\\').join('/'), readFileSync(file, 'utf8'));
    return files;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}
