#!/usr/bin/env node
// Runs the compiled CLI in dist/ when it was built from exactly the sources in src/ (see sourceFingerprint.js);
// otherwise runs the sources themselves through tsx, slower to start but never out of date.
import { readFileSync } from 'node:fs';
import { BUILD_INFO_FILE, sourceFingerprint } from './sourceFingerprint.js';

function builtFingerprint() {
  try {
    return JSON.parse(readFileSync(BUILD_INFO_FILE, 'utf8')).fingerprint;
  } catch {
    return null;
  }
}

if (builtFingerprint() === sourceFingerprint()) {
  await import('../dist/cli/main.js');
} else {
  process.stderr.write('newsdesk: dist/ is missing or older than src/, so this run compiles from source (slower); `npm run build` fixes that\n');
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
