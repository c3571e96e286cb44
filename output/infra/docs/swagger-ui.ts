/**
 * API docs at /docs: Swagger UI from the swagger-ui-dist npm package, served by the service itself.
 * No CDN and no third-party requests: the assets come from node_modules, the spec from the
 * service's own bundled openapi.json, and Swagger UI's online validator badge is turned off
 * (it would send the spec to validator.swagger.io).
 *
 * Mount it before the generated router, which answers every unknown path with a documented 404.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type Router } from 'express';

const distDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** Only the files the page needs; the package's own index.html and initializer point at a demo spec. */
const ASSETS = ['swagger-ui.css', 'index.css', 'swagger-ui-bundle.js', 'favicon-32x32.png', 'favicon-16x16.png'];

export function docsRouter(spec: object, title: string): Router {
  const router = express.Router({ strict: true });
  const specJson = JSON.stringify(spec);
  // Relative asset URLs need the trailing slash.
  router.get('/', (req, res, next) => (req.originalUrl.split('?')[0].endsWith('/') ? next() : res.redirect(301, `${req.baseUrl}/`)));
  router.get('/', (_req, res) => res.type('html').send(page(title)));
  router.get('/openapi.json', (_req, res) => res.type('json').send(specJson));
  router.get('/init.js', (_req, res) => res.type('js').send(INIT));
  for (const asset of ASSETS) router.get(`/${asset}`, (_req, res) => res.sendFile(path.join(distDir, asset), { maxAge: '1h' }));
  return router;
}

function page(title: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(title)}: API docs</title>
  <link rel="stylesheet" href="./swagger-ui.css">
  <link rel="stylesheet" href="./index.css">
  <link rel="icon" type="image/png" href="./favicon-32x32.png" sizes="32x32">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="./swagger-ui-bundle.js"></script>
  <script src="./init.js"></script>
</body>
</html>
`;
}

// deepLinking lets /docs/#/users/createUser open that operation directly.
const INIT = `window.ui = SwaggerUIBundle({
  url: './openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
