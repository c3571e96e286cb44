/** Starts an express app on 127.0.0.1:0 and returns its base URL and a close function. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function listen(app: { listen: (port: number, host: string, cb: () => void) => Server }): Promise<{ base: string; close(): Promise<void> }> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
