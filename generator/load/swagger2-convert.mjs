// Converts one Swagger 2.0 document (JSON on stdin) to OpenAPI 3.0 with swagger2openapi and prints
// { ok, openapi, patches } or { ok: false, message } as JSON. A child process because swagger2openapi
// is asynchronous and the loader is not. `resolve: false`: external refs are left for faultline's own
// bundler (which never fetches); `patch: true` fixes the small errors common in 2.0 specs.
import converter from 'swagger2openapi';

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  input += chunk;
});
process.stdin.on('end', async () => {
  try {
    const result = await converter.convertObj(JSON.parse(input), {
      patch: true,
      warnOnly: true,
      resolve: false,
      direct: false,
      fetch: () => Promise.reject(new Error('faultline never fetches')),
    });
    process.stdout.write(JSON.stringify({ ok: true, openapi: result.openapi, patches: result.patches ?? 0 }));
  } catch (error) {
    process.stdout.write(JSON.stringify({ ok: false, message: String(error?.message ?? error).split('\n')[0] }));
  }
});
