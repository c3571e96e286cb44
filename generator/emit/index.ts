/**
 * emitService: model + documents -> every output file, in memory. Nothing here touches the disk;
 * writing (and --check) is generator/write.ts's job.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Model } from '../model/types.js';
import type { ErrorRecipes } from '../model/recipe/responses.js';
import { render, code } from './templates.js';
import { literalPretty } from './safe-text.js';
import { buildServiceContract } from './error-contract.js';
import { undocumentedClientErrorWarnings } from './undocumented-client-errors.js';
import { contractView } from './contract-view.js';
import { handlerTypes } from './handler-types.js';
import { errorClasses } from './error-classes.js';
import { emitServiceTypes } from './extra-method-types.js';
import { clientOrProblem, emitClient, withCoreUnchecked, type ClientWorker } from './client.js';
import { runtimeFiles, type Target } from './runtime-files.js';
import { handlerFileName } from './file-names.js';
import { successHint } from './success-hint.js';
import { specFileExpression, type ModuleFormat } from '../module-format.js';
import { authType, securityView } from './security-types.js';

type Obj = Record<string, unknown>;

export interface EmitOptions {
  client?: boolean;
  /** Pointer of the schema used for unknown routes and wrong methods (default: the most used error schema). */
  serviceErrorSchema?: string;
  /** The spec's own `servers`: the validator's copy says `/`, the client keeps the real base URL. */
  servers?: unknown;
  /** A worker started early by the caller (see startClientWorker); else one is started here. */
  clientWorker?: ClientWorker;
  /** ES module or CommonJS output (see generator/module-format.ts); default ES module. */
  moduleFormat?: ModuleFormat;
  /** Error bodies worked out by the model from the author's document (buildErrorRecipes). */
  errorRecipes: ErrorRecipes;
  /** The framework that serves the service (default 'express'); the handler API is the same for both. */
  target?: Target;
}

export interface EmitResult {
  /** Paths relative to <out>/generated/ */
  generated: Map<string, string>;
  /** Paths relative to <out>/, written only when missing. */
  userFiles: Map<string, string>;
  problems: Omit<Diagnostic, 'file' | 'line'>[];
}

export async function emitService(model: Model, toolDocument: Obj, options: EmitOptions): Promise<EmitResult> {
  const contract = buildServiceContract(model, options.errorRecipes, options.serviceErrorSchema);
  const problems: EmitResult['problems'] = [...undocumentedClientErrorWarnings(model.operations)];
  const generated = new Map<string, string>();
  const userFiles = new Map<string, string>();
  // the client is generated in a worker while this thread renders the rest
  const clientDocument = options.servers === undefined ? toolDocument : { ...toolDocument, servers: options.servers };
  const client =
    options.client !== false ? (options.clientWorker ? options.clientWorker.run(clientDocument) : emitClient(clientDocument)) : undefined;
  client?.catch(() => undefined);
  const title = model.title;
  const operations = model.operations.map((op) => {
    const types = handlerTypes(op);
    return {
      ...op,
      ...types,
      successHint: successHint(op),
      file: handlerFileName(op.name),
      paramsType: code(types.paramsType),
      queryType: code(types.queryType),
      headersType: code(types.headersType),
      bodyType: code(types.bodyType),
      errorsType: code(types.errorsType),
      failStatusType: code(types.failStatusType),
      results: types.results.map(code),
      authType: code(authType(op)),
    };
  });
  generated.set('openapi.json', literalPretty(toolDocument) + '\n');
  generated.set('types.gen.ts', banner(title) + emitServiceTypes(toolDocument));
  generated.set('contract.gen.ts', render('contract.gen.ts.hbs', { title, ...contractView(contract) }));
  generated.set(
    'errors.gen.ts',
    render('errors.gen.ts.hbs', {
      title,
      classes: errorClasses(model).map((c) => ({ ...c, bodyType: code(c.bodyType), statusType: c.statusType && code(c.statusType) })),
    }),
  );
  // PrincipalOf is imported only where authType uses it: an unused import fails `noUnusedLocals` in the user's tsconfig.
  const usesPrincipals = model.operations.some((op) => authType(op).includes('PrincipalOf<'));
  generated.set('handlers.gen.ts', render('handlers.gen.ts.hbs', { title, operations, usesPrincipals }));
  generated.set('registry.gen.ts', render('registry.gen.ts.hbs', { title, operations }));
  const moduleFormat = options.moduleFormat ?? 'esm';
  const fastify = options.target === 'fastify';
  generated.set(
    'router.gen.ts',
    render(fastify ? 'fastify-router.gen.ts.hbs' : 'router.gen.ts.hbs', {
      title,
      moduleFormat: moduleFormat === 'esm' ? 'ES module' : 'CommonJS',
      specFile: code(specFileExpression(moduleFormat)),
    }),
  );
  const security = securityView(model);
  const securityCode = {
    schemes: security.schemes.map((s) => ({
      key: code(s.key),
      description: s.description,
      credentialType: code(s.credentialType),
      verifierKey: code(s.verifierKey),
    })),
    securityOption: code(security.securityOption),
    routerArgs: code(security.routerArgs),
  };
  generated.set('security.gen.ts', render('security.gen.ts.hbs', { title, ...securityCode }));
  for (const [name, text] of runtimeFiles(options.target)) generated.set(`runtime/${name}`, text);
  if (client) {
    const { files, problem } = await clientOrProblem(client);
    if (problem) problems.push(problem);
    for (const [name, text] of files) generated.set(`client/${name}`, withCoreUnchecked(name, text));
  }
  for (const op of operations) userFiles.set(`handlers/${op.file}.ts`, render('handler.ts.hbs', op));
  userFiles.set('app.ts', render(fastify ? 'fastify-app.ts.hbs' : 'app.ts.hbs', { title }));
  userFiles.set(
    'security.ts',
    render('security.ts.hbs', { title, schemes: securityCode.schemes.filter((s) => !s.verifierKey.text.endsWith('?')) }),
  );
  userFiles.set('server.ts', render(fastify ? 'fastify-server.ts.hbs' : 'server.ts.hbs', { title }));
  userFiles.set('tsconfig.json', render('tsconfig.json.hbs', {}));
  return { generated, userFiles, problems };
}

function banner(title: string): string {
  return render('_banner.hbs', { title }) + '\n';
}
