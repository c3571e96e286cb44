/**
 * types.gen.ts, by openapi-typescript. Its default entry point validates and bundles the spec again
 * with @redocly/openapi-core (about 40% of its time on GitHub's spec). faultline's loader has already
 * bundled (every `$ref` is local) and checked the document, so this calls openapi-typescript's own
 * transform with the context its entry point would build, defaults unchanged.
 */
import { astToString, resolveRef, scanDiscriminators, transformSchema, type GlobalContext, type OpenAPI3 } from 'openapi-typescript';

export function emitTypes(document: object): string {
  const schema = asOpenApiDocument(structuredClone(document));
  // redocly's bundle step adds an empty `components`; keep the output byte-identical to openapiTS()
  schema.components ??= {};
  return astToString(transformSchema(schema, typesContext(schema)));
}

/**
 * The loaded document as openapi-typescript's `OpenAPI3`: load has checked its structure, which is
 * what that type describes (the parsers type it as a plain object).
 */
export function asOpenApiDocument(document: object): OpenAPI3 {
  return document as OpenAPI3;
}

/** The context openapi-typescript's entry point would build for `schema` (also used by extra-method-types.ts). */
export function typesContext(schema: OpenAPI3): GlobalContext {
  const options = { silent: true };
  const context: Omit<GlobalContext, 'redoc'> = {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(schema, options),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    silent: true,
    inject: undefined,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve<T>($ref: string): T | undefined {
      return resolveRef<T>(schema, $ref, { silent: true });
    },
  };
  // `redoc` (a @redocly/openapi-core Config) is read only by openapi-typescript's entry point, which
  // this skips (see above); the transforms called here never touch it, so there is none to give.
  return context as GlobalContext;
}
