/**
 * Swagger 2.0 input: converted to OpenAPI 3.0 with swagger2openapi (the converter behind Redocly's and
 * APIs.guru's tooling), offline, before anything else reads the spec. The warning lists what the
 * conversion changed, so the user knows the service follows a converted document and can commit it.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import type { Diagnostic } from '../diagnostics.js';
import type { SourceFile } from './read-file.js';

type Obj = Record<string, unknown>;
type Problem = Omit<Diagnostic, 'file' | 'line'>;

export function isSwagger2(data: unknown): boolean {
  return !!data && typeof data === 'object' && !Array.isArray(data) && String((data as Obj).swagger).startsWith('2.');
}

/** The converted file (same path and text, so lines still point near the original), or the reason it failed. */
export function convertSwagger2(file: SourceFile): { file: SourceFile; problem: Problem } | { file?: undefined; problem: Problem } {
  let out: { ok: boolean; openapi?: Obj; patches?: number; message?: string };
  try {
    const text = execFileSync(process.execPath, [join(PACKAGE_ROOT, 'generator/load/swagger2-convert.mjs')], {
      input: JSON.stringify(file.data),
      maxBuffer: 512 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    out = JSON.parse(text.toString('utf8'));
  } catch (error) {
    out = { ok: false, message: String((error as Error).message).split('\n')[0] };
  }
  if (!out.ok || !out.openapi) {
    return {
      problem: {
        code: 'SWAGGER_2',
        severity: 'error',
        pointer: '#/swagger',
        message: `the Swagger 2.0 spec could not be converted to OpenAPI 3: ${out.message}`,
        fix: 'fix the Swagger document, or convert it yourself and pass the OpenAPI 3 file',
      },
    };
  }
  const message =
    `Swagger 2.0 was converted to OpenAPI ${String(out.openapi.openapi)} with swagger2openapi; ` +
    `the service follows the converted spec: ${changes(file.data as Obj, out.patches ?? 0).join('; ')}`;
  return {
    file: { ...file, data: out.openapi },
    problem: {
      code: 'SWAGGER_2_CONVERTED',
      severity: 'warning',
      pointer: '#/swagger',
      message,
      fix: 'to review or keep it, convert once with `npx swagger2openapi spec.yaml -o openapi.yaml` and pass that file',
    },
  };
}

/** What the conversion changed, counted on the 2.0 document. */
function changes(doc: Obj, patches: number): string[] {
  const list: string[] = [];
  const count = (o: unknown) => (o && typeof o === 'object' ? Object.keys(o).length : 0);
  if (doc.host !== undefined || doc.basePath !== undefined || doc.schemes !== undefined)
    list.push('host/basePath/schemes became `servers`');
  if (count(doc.definitions)) list.push(`${count(doc.definitions)} definitions moved to components/schemas`);
  if (count(doc.parameters)) list.push(`${count(doc.parameters)} shared parameters moved to components (body ones to requestBodies)`);
  if (count(doc.responses)) list.push(`${count(doc.responses)} shared responses moved to components/responses`);
  if (count(doc.securityDefinitions)) list.push('securityDefinitions became components/securitySchemes');
  let body = 0;
  let form = 0;
  for (const item of Object.values((doc.paths ?? {}) as Obj)) {
    for (const op of Object.values((item ?? {}) as Obj)) {
      const params = (op as Obj | null)?.parameters;
      if (!Array.isArray(params)) continue;
      if (params.some((p) => (p as Obj)?.in === 'body')) body++;
      if (params.some((p) => (p as Obj)?.in === 'formData')) form++;
    }
  }
  if (body) list.push(`${body} body parameters became requestBody`);
  if (form) list.push(`${form} operations' formData parameters became form requestBody content`);
  if (doc.produces !== undefined || doc.consumes !== undefined || body || form)
    list.push('produces/consumes became the media types of each body and response');
  if (patches) list.push(`${patches} invalid part${patches > 1 ? 's' : ''} patched by the converter`);
  return list.length ? list : ['no structural changes beyond the version'];
}
