/**
 * Runs feedparser's suite in a worker thread, so the test can stop a parse that never returns (a hang) and
 * survive one that takes the thread down (a crash), and still name the file that did it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { reportCase, runCase } from './conformance.ts';
import { listFeedFiles } from './feedCase.ts';

export type WorkerMessage =
  | { kind: 'start'; name: string }
  | { kind: 'report'; report: ReturnType<typeof reportCase> }
  | { kind: 'done' };

const post = (message: WorkerMessage) => parentPort!.postMessage(message);

for (const folder of (workerData as { folders: string[] }).folders) {
  for (const name of listFeedFiles(folder)) {
    post({ kind: 'start', name });
    post({ kind: 'report', report: reportCase(runCase(name)) });
  }
}
post({ kind: 'done' });
