/**
 * The CLI people run is the compiled one in dist/, and a build older than the sources is never run: the
 * launcher compares the sources' fingerprint with the one the build recorded, and runs the sources instead.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI, newsdesk } from './helpers/cli.ts';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const STALE_NOTICE = /dist\/ is missing or older than src\//;

/** A project of two one-line programs: src/ says "source", dist/ says "built", with the real launcher. */
function miniatureProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-build-'));
  cpSync(join(PROJECT, 'bin'), join(dir, 'bin'), { recursive: true });
  symlinkSync(join(PROJECT, 'node_modules'), join(dir, 'node_modules'));
  mkdirSync(join(dir, 'src/cli'), { recursive: true });
  mkdirSync(join(dir, 'dist/cli'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  writeFileSync(join(dir, 'src/cli/main.ts'), "console.log('source');\n");
  writeFileSync(join(dir, 'dist/cli/main.js'), "console.log('built');\n");
  return dir;
}

function recordBuild(dir: string): void {
  const script = "const m = await import('./bin/sourceFingerprint.js'); (await import('node:fs')).writeFileSync(m.BUILD_INFO_FILE, JSON.stringify({ fingerprint: m.sourceFingerprint() }));";
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
}

function launch(dir: string) {
  const run = spawnSync(process.execPath, [join(dir, 'bin/newsdesk.js')], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout.trim(), stderr: run.stderr };
}

test('a build made from the current sources is what runs', () => {
  const dir = miniatureProject();
  recordBuild(dir);
  const run = launch(dir);
  assert.equal(run.stdout, 'built');
  assert.doesNotMatch(run.stderr, STALE_NOTICE);
});

test('an edited, added or removed source makes the build stale: the sources run, and the user is told', () => {
  for (const change of [
    (dir: string) => writeFileSync(join(dir, 'src/cli/main.ts'), "console.log('source'); // edited\n"),
    (dir: string) => writeFileSync(join(dir, 'src/cli/extra.ts'), 'export {};\n'),
  ]) {
    const dir = miniatureProject();
    recordBuild(dir);
    change(dir);
    const run = launch(dir);
    assert.equal(run.stdout, 'source');
    assert.match(run.stderr, STALE_NOTICE);
  }
});

test('no build at all: the sources run', () => {
  const dir = miniatureProject();
  const run = launch(dir);
  assert.equal(run.stdout, 'source');
  assert.match(run.stderr, STALE_NOTICE);
});

test('the project as tested runs its compiled CLI (npm test builds first)', () => {
  const run = newsdesk(['--help'], {});
  assert.equal(run.code, 0);
  assert.doesNotMatch(run.stderr, STALE_NOTICE, 'run `npm run build` before this suite');
  assert.match(run.stdout, /Commands:[\s\S]*feed[\s\S]*serve/);
});

test("install's build step leaves an up-to-date dist/ alone (the first `npx newsdesk` runs it under live CLIs)", () => {
  const builtAt = () => JSON.parse(readFileSync(join(PROJECT, 'dist/build-info.json'), 'utf8')).builtAt;
  const before = builtAt();
  const run = spawnSync(process.execPath, [join(PROJECT, 'scripts/build.mjs'), '--if-stale'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /already up to date/);
  assert.equal(builtAt(), before);
});

test('output piped into a reader that stops early (`| head`) ends quietly with exit 0', () => {
  const run = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${CLI}" --help | true`], { encoding: 'utf8' });
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0);
});
