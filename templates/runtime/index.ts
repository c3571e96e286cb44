/**
 * The runtime a generated service imports, copied into generated/runtime. Its dependencies: express,
 * pino, ajv + ajv-formats (the compiled validation engine), busboy (multipart bodies), fast-xml-parser
 * (XML bodies) and, loaded only with the 'express-openapi-validator' engine, express-openapi-validator.
 */
export { createServiceRouter } from './router.js';
export * from './common-exports.js';
