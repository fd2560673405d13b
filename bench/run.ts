/**
 * `npm run bench`: every hot path's figures next to a baseline measured in the same run.
 * Options: --seconds N (measured run, default 10), --connections N (default 64), --warmup N (default 3).
 */
import { parseArgs } from 'node:util';
import { benchArticlePage } from './articlePage.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    warmup: { type: 'string', default: '3' },
  },
});

await benchArticlePage({
  seconds: Number(values.seconds),
  connections: Number(values.connections),
  warmupSeconds: Number(values.warmup),
});
