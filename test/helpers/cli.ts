import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The command as users run it. */
export const CLI = fileURLToPath(new URL('../../bin/newsdesk.js', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `newsdesk ARGS` to completion with `env` over `base` (this process's environment unless given; logs at
 * warn unless set).
 */
export function newsdesk(args: string[], env: Record<string, string>, input?: string, base: NodeJS.ProcessEnv = process.env): CliRun {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...base, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 120_000,
    ...(input === undefined ? {} : { input }),
  });
  return { code: run.status, stdout: run.stdout.trim(), stderr: run.stderr.trim() };
}
