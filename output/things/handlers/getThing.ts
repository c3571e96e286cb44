import type { Handlers } from '../generated/handlers.gen.js';
import { notImplemented } from '../generated/runtime/index.js';

/**
 * GET /api/things/{thing_id}: Get a thing
 * Yours: faultline created this file once and never overwrites it. Return one of the documented
 * responses, e.g. `return { status: 200, body }`, or throw an error class from generated/errors.gen.ts.
 */
export const getThing: Handlers["getThing"] = async (input) => {
  void input;
  throw notImplemented("getThing");
};
