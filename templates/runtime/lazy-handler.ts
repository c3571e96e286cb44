/**
 * A handler whose module is imported on its operation's first request. registry.gen.ts wires every
 * operation this way, so start-up does not import one module per operation: on a spec with 800
 * operations that was ~800 module loads (seconds under a TypeScript loader) before the first answer.
 * The import is remembered, so each module loads once; a module that fails to load fails its
 * requests with the documented 500 (the router treats the rejection like a throw) and is retried on
 * the next request, so a transient failure does not stick. `tsc` still checks that each module exports
 * a handler of the right type. Framework-independent: used by every target.
 */
export function lazyHandler<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  let loaded: Promise<M> | undefined;
  const handler = async (input: unknown) => {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    const module = await loaded;
    return (module[name] as (input: unknown) => unknown)(input);
  };
  return handler as M[K];
}
