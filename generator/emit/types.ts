/** types.gen.ts, by openapi-typescript, from the normalized bundled spec (no network: all refs are local). */
import openapiTS, { astToString } from 'openapi-typescript';

export async function emitTypes(document: object): Promise<string> {
  const nodes = await openapiTS(structuredClone(document) as never, { silent: true, alphabetize: false });
  return astToString(nodes);
}
