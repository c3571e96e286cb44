/**
 * express-openapi-validator, loaded on the first request that needs it, with a dynamic import().
 * Loaded lazily because the default compiled engine does not need it (it costs start-up time and
 * memory), and with import() because it works the same in an ES module and in CommonJS output:
 * createRequire on this module's own URL does not compile to CommonJS (TS1470) and `require` does not
 * exist in an ES module.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';

type ValidatorOptions = Parameters<typeof import('express-openapi-validator')['middleware']>[0];

export function lazyValidator(options: ValidatorOptions): RequestHandler {
  let chain: Promise<RequestHandler[]> | undefined;
  return (req: Request, res: Response, next: NextFunction) => {
    chain ??= import('express-openapi-validator').then((mod) => {
      // a CommonJS package: its exports are named exports, or sit on `default`, depending on the loader
      const api = (typeof mod.middleware === 'function' ? mod : (mod as unknown as { default: typeof mod }).default) as typeof mod;
      // express-openapi-validator types its handlers with its own (Express 4) request types, not Express 5's
      return api.middleware(options) as unknown as RequestHandler[];
    });
    chain.then((handlers) => runChain(handlers, req, res, next), next);
  };
}

/** Runs the validator's middleware one after another, as router.use(array) would. */
function runChain(handlers: RequestHandler[], req: Request, res: Response, next: NextFunction): void {
  let i = 0;
  const step = (error?: unknown): void => {
    if (error !== undefined && error !== null) return next(error);
    const handler = handlers[i++];
    if (!handler) return next();
    try {
      void handler(req, res, step);
    } catch (thrown) {
      next(thrown);
    }
  };
  step();
}
