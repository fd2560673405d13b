// `npm run build` (and `npm install`, through `prepare`): compiles src/ into dist/ with tsc, copies the JSON data
// files modules read at run time, and records the sources' fingerprint, which bin/newsdesk.js checks.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { readdirSync } from 'node:fs';
import { BUILD_INFO_FILE, DIST_DIR, PROJECT_DIR, SOURCE_DIR, isBuildInput, sourceFingerprint } from '../bin/sourceFingerprint.js';

// Taken before compiling: a file edited during the build makes the recorded fingerprint stale, never fresh.
const fingerprint = sourceFingerprint();
rmSync(DIST_DIR, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(PROJECT_DIR, 'tsconfig.build.json')], { stdio: 'inherit' });
if (compiled.status !== 0) {
  console.error('build: tsc failed; dist/ is left without build-info.json, so the CLI runs from source');
  process.exit(compiled.status ?? 1);
}
for (const entry of readdirSync(SOURCE_DIR, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.json') || !isBuildInput(entry.name)) continue;
  const from = join(entry.parentPath ?? entry.path, entry.name);
  const to = join(DIST_DIR, relative(SOURCE_DIR, from));
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to);
}
writeFileSync(BUILD_INFO_FILE, `${JSON.stringify({ fingerprint, builtAt: new Date().toISOString() })}\n`);
console.error(`build: dist/ is up to date with src/`);
