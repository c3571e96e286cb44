/**
 * Dependencies that only some operations need are loaded on first use, not at start-up:
 * fast-xml-parser (XML bodies), busboy (multipart/form-data) and Ajv2020 (OpenAPI 3.1 specs). Imported
 * at the top of their modules they were loaded by every service, and cost about 50, 25 and 20 ms of
 * CPU at each start (measured with `node --cpu-prof` on GitHub's service). They are loaded
 * synchronously with `require` (each ships a CommonJS build; require and import share Node's module
 * cache for CommonJS), so the code that uses them stays synchronous and behaves as before.
 */
import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

/** A function that returns the module `specifier`, loading it on its first call. */
export function loadOnUse<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= requireHere(specifier) as T;
    return loaded;
  };
}
