import { Command, CommanderError } from 'commander';
import { EXIT, exitCodeFor } from './exitCodes.ts';
import { registerCluster } from './cluster.ts';
import { registerEnrich } from './enrich.ts';
import { registerExtract } from './extract.ts';
import { registerFeed } from './feed.ts';
import { registerFeedback } from './feedback.ts';
import { registerImage } from './image.ts';
import { registerImport } from './import.ts';
import { registerIngest } from './ingest.ts';
import { registerJobs } from './jobs.ts';
import { registerMigrate } from './migrate.ts';
import { registerOverride } from './override.ts';
import { registerServe } from './serve.ts';
import { registerStories } from './stories.ts';
import { registerSummarize } from './summarize.ts';

const program = new Command('newsdesk')
  .description('Newsdesk: ingest, enrich and publish news. Configured by environment variables.')
  .addHelpText(
    'after',
    `
Environment:
  PORT          port to serve on (3000)
  DATA_DIR      SQLite database, secret and images (./data)
  DATABASE_URL  postgres://… to use PostgreSQL instead of SQLite
  SITE_NAME     site name in titles and the header ("CRBC News")
  SITE_URL      public origin for absolute links (http://localhost:PORT)
  LOG_LEVEL     fatal|error|warn|info|debug|trace|silent (info)
  LOG_FORMAT    auto (readable on a terminal) or json
  PAGE_CACHE    off disables the in-process page cache (on)
  INGEST_IN_PROCESS   off stops \`serve\` from polling feeds itself (on; run \`newsdesk worker\` instead)
  INGEST_CONCURRENCY  fetch/extract jobs at once per process (4)

Exit codes: 0 ok · 1 unexpected failure · 2 bad usage or input (nothing changed) · 69 a remote source
failed, try again later · 78 bad configuration`,
  )
  .exitOverride()
  .showHelpAfterError();

registerServe(program);
registerMigrate(program);
registerImport(program);
registerExtract(program);
registerFeed(program);
registerIngest(program);
registerJobs(program);
registerEnrich(program);
registerSummarize(program);
registerCluster(program);
registerStories(program);
registerOverride(program);
registerFeedback(program);
registerImage(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end here too, with exit code 0.
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  } else {
    console.error(`newsdesk: ${error instanceof Error ? error.message : String(error)}`);
    if (exitCodeFor(error) === EXIT.failure && error instanceof Error && process.env.LOG_LEVEL === 'debug') {
      console.error(error.stack);
    }
    process.exitCode = exitCodeFor(error);
  }
}
