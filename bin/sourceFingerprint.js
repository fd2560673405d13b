// The fingerprint of the sources a build is made from: every file under src/ that the build compiles or copies,
// with its size and modification time. The build records it; the CLI compares it before running the build, so
// an edited, added or removed source file means the build is stale and is never run.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_DIR = fileURLToPath(new URL('..', import.meta.url));
export const SOURCE_DIR = join(PROJECT_DIR, 'src');
export const DIST_DIR = join(PROJECT_DIR, 'dist');
export const BUILD_INFO_FILE = join(DIST_DIR, 'build-info.json');

/** What the build takes from src/: TypeScript other than tests, and the JSON data files modules read. */
export function isBuildInput(path) {
  if (/\.test\.tsx?$/.test(path)) return false;
  return /\.(ts|tsx|json)$/.test(path);
}

export function sourceFingerprint() {
  const hash = createHash('sha256');
  const files = readdirSync(SOURCE_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && isBuildInput(entry.name))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
  for (const file of files) {
    const { size, mtimeMs } = statSync(file);
    hash.update(`${relative(SOURCE_DIR, file)}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}
