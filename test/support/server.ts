/** Starts an Express app or a Fastify instance (`--target fastify`) on 127.0.0.1:0 and returns its base URL and a close function. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type ExpressLike = { listen: (port: number, host: string, cb: () => void) => Server };
type FastifyLike = {
  server: Server;
  ready: () => PromiseLike<unknown>;
  listen: (o: { port: number; host: string }) => Promise<string>;
  close: () => PromiseLike<unknown>;
};

export function isFastify(app: unknown): app is FastifyLike {
  return (
    typeof (app as FastifyLike)?.ready === 'function' && typeof (app as FastifyLike)?.close === 'function' && 'server' in (app as object)
  );
}

/** The node http.Server behind either kind of app, listening on 127.0.0.1 and a free port. */
export async function listenServer(app: ExpressLike | FastifyLike): Promise<Server> {
  if (isFastify(app)) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    return app.server;
  }
  return new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
}

export async function listen(app: ExpressLike | FastifyLike): Promise<{ base: string; close(): Promise<void> }> {
  const server = await listenServer(app);
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
