/**
 * Redocly's lintDocument for a document faultline has bundled, minus its resolve pass. lintDocument
 * first walks the whole document with Redocly's typed walker only to find and resolve `$ref`s (about
 * a third of the structural check's time on GitHub's spec); here every `$ref` is local, so the map that
 * walk would build is made by one plain pass (refMap below) and the rules walk runs as lintDocument runs
 * it. The map may hold more entries than Redocly's (refs inside example data): the walker only looks up
 * the refs it meets, so extra entries change nothing. Anything this cannot map the way Redocly would (a
 * ref that is not `#/...`, a ref chain that loops, preprocessors configured) goes through lintDocument.
 * test/unit/struct-lint.test.ts holds the two to the same problems.
 */
import {
  detectSpec,
  getMajorSpecVersion,
  getTypes,
  lintDocument,
  normalizeTypes,
  normalizeVisitors,
  walkDocument,
  type BaseResolver,
  type Document,
  type NormalizedProblem,
  type StyleguideConfig,
} from '@redocly/openapi-core';
import { initRules } from '@redocly/openapi-core/lib/config/rules.js';
import { escapePointer, isMappingRef, isRef, parseRef } from '@redocly/openapi-core/lib/ref-utils.js';

type ResolvedRef = { resolved: true; isRemote: false; node: unknown; document: Document; nodePointer: string };

export async function lintBundled(document: Document, config: StyleguideConfig, resolver: BaseResolver): Promise<NormalizedProblem[]> {
  const specVersion = detectSpec(document.parsed);
  const rules = config.getRulesForSpecVersion(getMajorSpecVersion(specVersion));
  const preprocessors = initRules(rules, config, 'preprocessors', specVersion);
  const resolvedRefMap = preprocessors.length === 0 ? refMap(document) : undefined;
  if (!resolvedRefMap) return lintDocument({ document, config, externalRefResolver: resolver });
  const types = normalizeTypes(config.extendTypes(getTypes(specVersion), specVersion), config);
  const ctx = { problems: [] as NormalizedProblem[], oasVersion: specVersion, visitorsData: {} };
  const normalizedVisitors = normalizeVisitors(initRules(rules, config, 'rules', specVersion), types);
  walkDocument({ document, rootType: types.Root, normalizedVisitors, resolvedRefMap: resolvedRefMap as never, ctx });
  return ctx.problems.map((problem) => config.addProblemToIgnore(problem));
}

/**
 * Every `$ref` string in the document, and every discriminator `mapping` value Redocly reads as a ref,
 * -> what Redocly's resolver makes of it; undefined if one of them is not a local pointer.
 */
function refMap(document: Document): Map<string, ResolvedRef> | undefined {
  const refs = new Set<string>();
  const stack: unknown[] = [document.parsed];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string') refs.add(ref);
    const mapping = (node as { mapping?: unknown }).mapping;
    if (mapping !== null && typeof mapping === 'object' && !Array.isArray(mapping))
      for (const value of Object.values(mapping)) if (typeof value === 'string' && isMappingRef(value)) refs.add(value);
    for (const key of Object.keys(node)) stack.push((node as Record<string, unknown>)[key]);
  }
  const map = new Map<string, ResolvedRef>();
  for (const ref of refs) {
    const resolved = follow(document, ref, new Set());
    if (!resolved) return undefined;
    map.set(`${document.source.absoluteRef}::${ref}`, resolved);
  }
  return map;
}

/** Redocly's followRef for a local pointer: segments through the document, `$ref`s on the way and at the end followed. */
function follow(document: Document, ref: string, seen: Set<string>): ResolvedRef | undefined {
  if (!ref.startsWith('#/') && ref !== '#') return undefined;
  if (seen.has(ref)) return undefined;
  seen.add(ref);
  let resolved: ResolvedRef = { resolved: true, isRemote: false, node: document.parsed, document, nodePointer: '#/' };
  let target: unknown = document.parsed;
  for (const segment of parseRef(ref).pointer) {
    if (typeof target !== 'object' || target === null) {
      target = undefined;
      break;
    }
    if ((target as Record<string, unknown>)[segment] !== undefined) {
      target = (target as Record<string, unknown>)[segment];
      resolved.nodePointer = join(resolved.nodePointer, segment);
    } else if (isRef(target)) {
      const inner = follow(document, (target as { $ref: string }).$ref, seen);
      if (!inner) return undefined;
      resolved = inner;
      if (typeof resolved.node !== 'object' || resolved.node === null) {
        target = undefined;
        break;
      }
      target = (resolved.node as Record<string, unknown>)[segment];
      resolved.nodePointer = join(resolved.nodePointer, segment);
    } else {
      target = undefined;
      break;
    }
  }
  resolved.node = target;
  if (isRef(target)) return follow(document, (target as { $ref: string }).$ref, seen);
  return resolved;
}

function join(base: string, segment: string): string {
  const key = escapePointer(segment);
  return base.endsWith('/') ? base + key : `${base}/${key}`;
}
