/**
 * types.gen.ts, by openapi-typescript. Its default entry point validates and bundles the spec again
 * with @redocly/openapi-core (about 40% of its time on GitHub's spec). faultline's loader has already
 * bundled (every `$ref` is local) and checked the document, so this calls openapi-typescript's own
 * transform with the context its entry point would build, defaults unchanged.
 */
import { astToString, resolveRef, scanDiscriminators, transformSchema } from 'openapi-typescript';

export function emitTypes(document: object): string {
  const schema = structuredClone(document) as Parameters<typeof transformSchema>[0];
  // redocly's bundle step adds an empty `components`; keep the output byte-identical to openapiTS()
  schema.components ??= {};
  return astToString(transformSchema(schema, typesContext(schema) as never));
}

/** The context openapi-typescript's entry point would build for `schema` (also used by extra-method-types.ts). */
export function typesContext(schema: Parameters<typeof transformSchema>[0]) {
  const options = { silent: true };
  return {
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
    redoc: undefined,
    silent: true,
    inject: undefined,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve($ref: string) {
      return resolveRef(schema, $ref, { silent: true });
    },
  };
}
