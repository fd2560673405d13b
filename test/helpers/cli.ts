import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The command as users run it. */
export const CLI = fileURLToPath(new URL('../../bin/newsdesk.js', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `newsdesk ARGS` to completion with `env` over this process's environment (logs at warn unless set). */
export function newsdesk(args: string[], env: Record<string, string>, input?: string): CliRun {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 120_000,
    ...(input === undefined ? {} : { input }),
  });
  return { code: run.status, stdout: run.stdout.trim(), stderr: run.stderr.trim() };
}
