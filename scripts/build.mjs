// `npm run build` (and `npm install`, through `prepare`): compiles src/ into dist/ with tsc, copies the JSON data
// files modules read at run time, and records the sources' fingerprint, which bin/newsdesk.js checks.
//
// `--if-stale` (what `prepare` runs) does nothing when dist/ already matches src/: `npx newsdesk` links this
// folder into npm's cache on its first run and runs `prepare` again, which must not rebuild under a running CLI.
// A build is made beside dist/ and swapped in whole, so nobody ever loads from a half-written dist/.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { BUILD_INFO_FILE, DIST_DIR, PROJECT_DIR, SOURCE_DIR, isBuildInput, sourceFingerprint } from '../bin/sourceFingerprint.js';

// Taken before compiling: a file edited during the build makes the recorded fingerprint stale, never fresh.
const fingerprint = sourceFingerprint();
if (process.argv.includes('--if-stale') && builtFingerprint() === fingerprint) {
  console.error('build: dist/ is already up to date with src/');
  process.exit(0);
}

const staging = `${DIST_DIR}.building-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(PROJECT_DIR, 'tsconfig.build.json'), '--outDir', staging], {
  stdio: 'inherit',
});
if (compiled.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error('build: tsc failed; dist/ is left as it was (the CLI runs from source while it is stale)');
  process.exit(compiled.status ?? 1);
}
copyDataFiles(staging);
writeFileSync(join(staging, relative(DIST_DIR, BUILD_INFO_FILE)), `${JSON.stringify({ fingerprint, builtAt: new Date().toISOString() })}\n`);
swapIn(staging);
console.error('build: dist/ is up to date with src/');

function builtFingerprint() {
  try {
    return JSON.parse(readFileSync(BUILD_INFO_FILE, 'utf8')).fingerprint;
  } catch {
    return null;
  }
}

function copyDataFiles(target) {
  for (const entry of readdirSync(SOURCE_DIR, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.json') || !isBuildInput(entry.name)) continue;
    const from = join(entry.parentPath ?? entry.path, entry.name);
    const to = join(target, relative(SOURCE_DIR, from));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(from, to);
  }
}

/** Two renames: the old dist/ is moved aside (not deleted in place) and the new one takes its name. */
function swapIn(built) {
  const retired = `${DIST_DIR}.old-${process.pid}`;
  if (existsSync(DIST_DIR)) renameSync(DIST_DIR, retired);
  renameSync(built, DIST_DIR);
  rmSync(retired, { recursive: true, force: true });
}
