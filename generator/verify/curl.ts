/**
 * A curl command that replays a probe from a POSIX shell. Every argument is single-quoted, so no
 * spec or response text can be interpreted by the shell that pastes it.
 */
import type { Probe } from './types.js';
import { OVERSIZED_BYTES } from './plan.js';

export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function curlCommand(probe: Probe): string {
  const { method, url, headers, body } = probe.request;
  const parts = ['curl', '-sS', '-i', '-X', method, shellQuote(url)];
  for (const [name, value] of Object.entries(headers)) parts.push('-H', shellQuote(`${name}: ${value}`));
  if (body === undefined) return parts.join(' ');
  if (probe.curlBody !== undefined && body.length >= OVERSIZED_BYTES) {
    // Regenerate the 2 MB body instead of printing it.
    const filler = `$(head -c ${OVERSIZED_BYTES} /dev/zero | tr '\\0' x)`;
    return `printf '{"faultline":"%s"}' "${filler}" | ${parts.join(' ')} --data-binary @-`;
  }
  parts.push('--data-binary', shellQuote(body));
  return parts.join(' ');
}
