/**
 * Which `format` values constrain a value. OpenAPI (3.0 §4.7.4.1, 3.1 §4.2) and JSON Schema let a
 * tool ignore formats it does not know; the generated runtime validates with ajv-formats in "fast"
 * mode, so exactly those formats are checked there, and only those may shape a synthesized body.
 * Formats ajv-formats accepts unconditionally (`binary`, `password`) constrain nothing either.
 */
import { fastFormats } from 'ajv-formats/dist/formats.js';

const FORMATS = fastFormats as Record<string, unknown>;

/** True when `format` is one the runtime validator checks (an unknown `format: html` is ignored). */
export function isConstrainingFormat(format: string): boolean {
  if (!Object.hasOwn(FORMATS, format)) return false;
  return FORMATS[format] !== true;
}
