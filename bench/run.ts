/**
 * `npm run bench`: every hot path's figures next to a baseline measured in the same run.
 * Options: --only cli,page,extraction,quality,ingest,enrich,summary,entities,timeline,classify,sections,clusters,scale,search
 * (default all; scale grows a store to 10k and 100k articles and takes about a quarter of an hour: SCALE_SIZES
 * sets other sizes; search fills SQLite and PostgreSQL to 1k and 100k articles: SEARCH_SIZES sets other sizes) · for the page bench: --seconds N (measured run,
 * default 10), --connections N (default 64), --warmup N (default 3).
 */
import { parseArgs } from 'node:util';
import { benchArticlePage } from './articlePage.ts';
import { benchCliStart } from './cliStart.ts';
import { benchExtraction } from './extraction.ts';
import { benchExtractionQuality } from './extractionQuality.ts';
import { benchIngest } from './ingest.ts';
import { benchClassify } from './classify.ts';
import { benchClusters } from './clusters.ts';
import { benchRelated } from './related.ts';
import { benchEnrich } from './enrich.ts';
import { benchEntities } from './entities.ts';
import { benchLighthouse } from './lighthouse.ts';
import { benchScale } from './scale.ts';
import { benchSearch } from './search.ts';
import { benchSections } from './sections.ts';
import { benchShareCards } from './shareCards.ts';
import { benchSummary } from './summary.ts';
import { benchTimeline } from './timeline.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: '' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    warmup: { type: 'string', default: '3' },
  },
});

const benches: Record<string, () => Promise<void>> = {
  cli: benchCliStart,
  page: () =>
    benchArticlePage({
      seconds: Number(values.seconds),
      connections: Number(values.connections),
      warmupSeconds: Number(values.warmup),
    }),
  extraction: benchExtraction,
  quality: benchExtractionQuality,
  ingest: benchIngest,
  enrich: benchEnrich,
  summary: benchSummary,
  entities: benchEntities,
  timeline: benchTimeline,
  classify: benchClassify,
  sections: benchSections,
  clusters: benchClusters,
  related: benchRelated,
  scale: benchScale,
  search: benchSearch,
  cards: benchShareCards,
  lighthouse: benchLighthouse,
};

const chosen = values.only ? values.only.split(',').map((name) => name.trim()) : Object.keys(benches);
const unknown = chosen.filter((name) => !(name in benches));
if (unknown.length) {
  console.error(`unknown bench ${unknown.join(', ')}; choose from ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
for (const name of chosen) await benches[name]!();
