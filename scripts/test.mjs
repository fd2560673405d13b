// `npm test`'s runner: every *.test.ts(x) under src/ and test/, with node's test runner, in two groups.
// Suites that use PostgreSQL run one file at a time: each makes and drops its own schema, and a schema dropped
// while another suite's migrator reads the catalog (pg_get_serial_sequence over every table) fails that read.
// Everything else (SQLite, HTTP on loopback, Chromium, child processes: mostly waiting) runs several files at
// once. Prints each group's TAP, then one closing line with the totals; exits non-zero if anything failed.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
/** Files at once outside PostgreSQL: the machine has two cores, and most suites wait on I/O. */
const CONCURRENCY = 3;
/** How a suite shows it uses PostgreSQL: the test targets (SQLite and PostgreSQL) or a connection of its own. */
const USES_POSTGRES = /postgres|PG_URL|DATABASE_URL|testing\/targets|queueTargets|Targets\(\)/;

function testFiles() {
  return ['src', 'test']
    .flatMap((dir) => readdirSync(join(PROJECT, dir), { recursive: true }).map((file) => join(dir, String(file))))
    .filter((file) => /\.test\.tsx?$/.test(file) && !file.includes('node_modules'))
    .sort();
}

function run(files, concurrency) {
  return new Promise((resolve) => {
    const args = ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files];
    const child = spawn(process.execPath, args, { cwd: PROJECT, stdio: ['ignore', 'pipe', 'inherit'] });
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk).slice(-4096);
    });
    child.on('exit', (code) => {
      const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tail)?.[1] ?? 0);
      resolve({ code, passed: count('pass'), failed: count('fail') });
    });
  });
}

const files = testFiles();
const postgres = files.filter((file) => USES_POSTGRES.test(readFileSync(join(PROJECT, file), 'utf8')));
const rest = files.filter((file) => !postgres.includes(file));
const results = [await run(rest, CONCURRENCY), await run(postgres, 1)];
const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((result) => result.code === 0) ? 0 : 1);
