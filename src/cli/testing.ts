import { Writable } from 'node:stream';

/**
 * A sink for a command's output that is slow on purpose (a 16-byte buffer, each write finished on a later turn),
 * so a writer that ignores back-pressure and never waits for 'drain' shows in a test. `text()` is all written.
 */
export function slowCollector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    highWaterMark: 16,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      setImmediate(done);
    },
  });
  return { stream, text: () => chunks.join('') };
}
