import { PACKAGE_JSON } from './paths.js';

/** The package version, read from package.json so it is never out of date. */
export const version: string = PACKAGE_JSON.version;
