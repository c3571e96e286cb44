import { createApp } from './app.js';

/** Serves Things on PORT (default 8000) and shuts down gracefully on SIGTERM. Yours to edit. */
const port = Number(process.env.PORT ?? 8000);
const server = createApp().listen(port, () => {
  console.log(`listening on http://localhost:${port}`);
});

function shutdown(signal: string) {
  console.log(`${signal}: closing`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
