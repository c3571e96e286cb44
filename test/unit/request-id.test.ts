import { describe, expect, it } from 'vitest';
import { requestIdFor, uuidV4 } from '../../templates/runtime/logger.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it('makes version 4 UUIDs, distinct across more than one refill of the random pool', () => {
    const ids = Array.from({ length: 1000 }, () => uuidV4());
    for (const id of ids) expect(id).toMatch(V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reuses a well-formed incoming id and replaces a malformed one', () => {
    expect(requestIdFor('trace-123.a:b')).toBe('trace-123.a:b');
    expect(requestIdFor('bad id')).toMatch(V4);
    expect(requestIdFor(['a', 'b'])).toMatch(V4);
    expect(requestIdFor(undefined)).toMatch(V4);
  });
});
