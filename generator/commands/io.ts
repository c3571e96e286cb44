/** What a command may touch: only the CLI entry point builds a real one. Tests pass a recording one. */
export interface CommandIO {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** true when stdout is a terminal (live progress, colours) */
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

/**
 * Exit codes shared by every command (README "Exit codes"): 0 success; 1 problems found (spec
 * diagnostics, drift, lint errors, breaking changes, verify findings); 2 usage errors and unreadable
 * input (a spec file that does not exist, an unreachable URL); 3 a bug in faultline.
 */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

export class UsageError extends Error {}

export type Command = (args: string[], io: CommandIO) => Promise<number>;
