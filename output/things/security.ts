import type { Verifiers } from './generated/security.gen.js';
import { safeEqual } from './generated/runtime/index.js';

/**
 * The verifiers of Things. adminKey compares the X-Admin-Key header with THINGS_ADMIN_KEY in
 * constant time; with no key configured every request is refused (the documented 401).
 */
export const security: Verifiers = {
  adminKey: (key) => (safeEqual(key, process.env.THINGS_ADMIN_KEY) ? { role: 'admin' } : null),
};
