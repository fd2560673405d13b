/**
 * A loopback port where a TCP connect hangs, for testing the connect time limit without the network: a child
 * process listens with a backlog of one and then blocks its event loop, so it never accepts; once the kernel's
 * accept queue is full, further handshakes get no answer.
 */
import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';

const CHILD = `
const server = require('node:net').createServer();
server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
  process.stdout.write(server.address().port + '\\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
});`;
/** How long a filler connection may take before we take the queue as full (loopback connects take < 1 ms;
 * the margin is for a loaded test machine). */
const FILLER_PATIENCE_MS = 500;
/** Linux queues backlog + 1 connections; a few more tries cover other kernels. */
const MAX_FILLERS = 10;

export interface FullBacklog {
  port: number;
  close(): void;
}

export async function startFullBacklog(): Promise<FullBacklog> {
  const child = spawn(process.execPath, ['-e', CHILD], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (data: Buffer) => resolve(Number(String(data).trim())));
  });
  const fillers: Socket[] = [];
  for (let attempt = 0; attempt < MAX_FILLERS; attempt += 1) {
    const filler = connect(port, '127.0.0.1');
    filler.on('error', () => undefined);
    fillers.push(filler);
    const connected = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), FILLER_PATIENCE_MS);
      filler.once('connect', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!connected) break;
  }
  return {
    port,
    close: () => {
      for (const filler of fillers) filler.destroy();
      child.kill();
    },
  };
}
