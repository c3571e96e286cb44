/**
 * Timing-safe comparison of two secrets for verifiers that compare a presented key with a stored one
 * (`safeEqual(key, process.env.API_KEY)`). Both sides are hashed first, so neither the content nor the
 * length of the stored secret leaks through how long the comparison takes.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export function safeEqual(presented: string | Buffer, expected: string | Buffer | undefined): boolean {
  if (expected === undefined || expected.length === 0) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
