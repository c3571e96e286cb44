import type { Handlers } from '../generated/handlers.gen.js';
import { notImplemented } from '../generated/runtime/index.js';

/**
 * PATCH /api/things/{thing_id}: Add votes to a thing
 * Yours: faultline created this file once and never overwrites it. Return one of the documented
 * responses, e.g. `return { status: 200, body }`, or throw an error class from generated/errors.gen.ts.
 */
export const voteThing: Handlers["voteThing"] = async (input) => {
  void input;
  throw notImplemented("voteThing");
};
