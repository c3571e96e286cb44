/**
 * Compile-time check, run by `npm run typecheck`: the published declarations in types/ say exactly what
 * the sources export. If this file fails to compile, update types/index.d.ts or types/config.d.ts.
 */
import type * as Source from '../../generator/index.js';
import type * as SourceConfig from '../../generator/config.js';
import type * as Published from '../../types/index.js';
import type * as PublishedConfig from '../../types/config.js';
import type * as PublishedConfigCjs from '../../types/config.cjs';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const checks: [
  Equal<Source.GenerateOptions, Published.GenerateOptions>,
  Equal<Source.GenerateResult, Published.GenerateResult>,
  Equal<Source.Diagnostic, Published.Diagnostic>,
  Equal<Source.LoadOptions, Published.LoadOptions>,
  Same<Source.LoadedSpec, Published.LoadedSpec>,
  Equal<Source.ScaffoldOptions, Published.ScaffoldOptions>,
  Equal<Source.ScaffoldResult, Published.ScaffoldResult>,
  Equal<Source.FaultlineConfig, Published.FaultlineConfig>,
  Equal<SourceConfig.FaultlineConfig, PublishedConfig.FaultlineConfig>,
  Equal<SourceConfig.FaultlineConfig, PublishedConfigCjs.FaultlineConfig>,
  Same<typeof Source.generate, typeof Published.generate>,
  Same<typeof Source.loadSpec, typeof Published.loadSpec>,
  Same<typeof Source.scaffold, typeof Published.scaffold>,
  Same<typeof Source.defineConfig, typeof Published.defineConfig>,
  Same<typeof Source.loadConfig, typeof Published.loadConfig>,
  Same<typeof Source.formatDiagnostic, typeof Published.formatDiagnostic>,
  Same<typeof Source.hasErrors, typeof Published.hasErrors>,
  Same<typeof Source.version, typeof Published.version>,
  Same<keyof typeof Source, keyof typeof Published>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
