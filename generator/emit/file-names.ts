/** File names come from identifiers only, never from raw spec text, and avoid names Windows reserves. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

export function handlerFileName(name: string): string {
  if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)) throw new Error(`refusing ${JSON.stringify(name)} as a file name`);
  return WINDOWS_RESERVED.test(name) ? `${name}_` : name;
}
