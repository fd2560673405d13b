/**
 * Drives conformanceWorker.ts and collects its reports. A file whose parse does not return within
 * HANG_LIMIT_MS is a hang (parsing any of these files takes milliseconds; the limit is two orders of magnitude
 * above the slowest, so it never measures speed): the worker is stopped and the file named.
 */
import { Worker } from 'node:worker_threads';
import type { CaseReport } from './conformance.ts';
import type { WorkerMessage } from './conformanceWorker.ts';

const HANG_LIMIT_MS = 30_000;
const WATCH_INTERVAL_MS = 1_000;

/** The worker is TypeScript: it registers tsx itself, as `--import tsx` does not reach worker threads on Node 20. */
function startWorker(folders: readonly string[]): Worker {
  const entry = new URL('./conformanceWorker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: { folders: [...folders] } });
}

export function runSuite(folders: readonly string[]): Promise<CaseReport[]> {
  return new Promise((resolve, reject) => {
    const reports: CaseReport[] = [];
    const worker = startWorker(folders);
    let current: { name: string; since: number } | null = null;
    const watchdog = setInterval(() => {
      if (current && Date.now() - current.since > HANG_LIMIT_MS) {
        finish(new Error(`${current.name}: parsing did not return within ${HANG_LIMIT_MS} ms (a hang)`));
      }
    }, WATCH_INTERVAL_MS);
    let settled = false;
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      void worker.terminate();
      if (error) reject(error);
      else resolve(reports);
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'start') current = { name: message.name, since: Date.now() };
      else if (message.kind === 'report') reports.push(message.report);
      else finish(null);
    });
    worker.on('error', (error) => finish(new Error(`${current?.name ?? 'the suite'} crashed the parser: ${error.message}`)));
    worker.on('exit', (code) => finish(code === 0 ? null : new Error(`${current?.name ?? 'the suite'}: worker exited with ${code}`)));
  });
}
