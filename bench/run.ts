/**
 * `npm run bench`: every hot path's figures next to a baseline measured in the same run.
 * Options: --only page,extraction,quality,ingest (default all) · for the page bench: --seconds N (measured run,
 * default 10), --connections N (default 64), --warmup N (default 3).
 */
import { parseArgs } from 'node:util';
import { benchArticlePage } from './articlePage.ts';
import { benchExtraction } from './extraction.ts';
import { benchExtractionQuality } from './extractionQuality.ts';
import { benchIngest } from './ingest.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'page,extraction,quality,ingest' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    warmup: { type: 'string', default: '3' },
  },
});

const benches: Record<string, () => Promise<void>> = {
  page: () =>
    benchArticlePage({
      seconds: Number(values.seconds),
      connections: Number(values.connections),
      warmupSeconds: Number(values.warmup),
    }),
  extraction: benchExtraction,
  quality: benchExtractionQuality,
  ingest: benchIngest,
};

const chosen = values.only.split(',').map((name) => name.trim());
const unknown = chosen.filter((name) => !(name in benches));
if (unknown.length) {
  console.error(`unknown bench ${unknown.join(', ')}; choose from ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
for (const name of chosen) await benches[name]!();
