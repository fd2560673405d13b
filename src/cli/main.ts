import { Command, CommanderError } from 'commander';
import { hintFor } from './errorHints.ts';
import { EXIT, exitCodeFor } from './exitCodes.ts';

/**
 * Every command, with the one-line summary `newsdesk --help` lists. A command's module (and whatever heavy
 * library it needs: Fastify, the extractor, sharp, the NLP models) is loaded only when that command runs, so
 * `--help` and the quick commands answer at once instead of loading the whole platform first.
 */
interface CommandEntry {
  name: string;
  summary: string;
  configure: () => Promise<(command: Command) => void>;
}

const COMMANDS: readonly CommandEntry[] = [
  { name: 'serve', summary: 'serve the reader site (and, unless INGEST_IN_PROCESS=off, poll feeds)', configure: async () => (await import('./serve.ts')).configureServe },
  { name: 'migrate', summary: 'apply pending database migrations', configure: async () => (await import('./migrate.ts')).configureMigrate },
  { name: 'import', summary: 'import articles: a page-text file, a saved HTML page, a URL, the demo', configure: async () => (await import('./import.ts')).configureImport },
  { name: 'extract', summary: 'print what the extractor makes of a page; stores nothing', configure: async () => (await import('./extract.ts')).configureExtract },
  { name: 'feed', summary: 'follow, list and stop following feeds', configure: async () => (await import('./feed.ts')).configureFeed },
  { name: 'ingest', summary: 'poll due feeds once and fetch their new stories', configure: async () => (await import('./ingest.ts')).configureIngest },
  { name: 'worker', summary: 'poll feeds and run ingest jobs until stopped', configure: async () => (await import('./ingest.ts')).configureWorker },
  { name: 'jobs', summary: 'ingest jobs: counts, parked jobs and their errors, retries', configure: async () => (await import('./jobs.ts')).configureJobs },
  { name: 'article', summary: 'list, show, publish and unpublish articles', configure: async () => (await import('./article.ts')).configureArticle },
  { name: 'enrich', summary: 'extract and enrich one page, print JSON; stores nothing', configure: async () => (await import('./enrich.ts')).configureEnrich },
  { name: 'reindex', summary: 'recompute enrichment or rebuild the search index', configure: async () => (await import('./enrich.ts')).configureReindex },
  { name: 'summarize', summary: 'summarize JSON lines of articles; stores nothing', configure: async () => (await import('./summarize.ts')).configureSummarize },
  { name: 'timeline', summary: 'time expressions and timelines of JSON lines of texts; stores nothing', configure: async () => (await import('./timeline.ts')).configureTimeline },
  { name: 'cluster', summary: 'group JSON lines of articles into stories; stores nothing', configure: async () => (await import('./cluster.ts')).configureCluster },
  { name: 'related', summary: 'rank related articles for JSON lines of articles; stores nothing', configure: async () => (await import('./related.ts')).configureRelated },
  { name: 'stories', summary: 'the largest recent stories', configure: async () => (await import('./stories.ts')).configureStories },
  { name: 'override', summary: "set, clear or show an editor's override of an enriched field", configure: async () => (await import('./override.ts')).configureOverride },
  { name: 'feedback', summary: "readers' notes from the articles' feedback form", configure: async () => (await import('./feedback.ts')).configureFeedback },
  { name: 'image', summary: "attach a photo as an article's hero image", configure: async () => (await import('./image.ts')).configureImage },
  { name: 'user', summary: 'invite people, change roles, disable and enable them, make reset links', configure: async () => (await import('./user.ts')).configureUser },
  { name: 'audit', summary: 'the audit log: who did what in the newsroom, newest first', configure: async () => (await import('./audit.ts')).configureAudit },
];

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
failed, try again later · 75 too many attempts, try later · 77 not allowed · 78 bad configuration`,
  )
  .exitOverride()
  .showHelpAfterError();

/** The command this run asks for: the first word that is not an option (`help feed` asks for feed's help). */
function requestedCommand(args: readonly string[]): string | undefined {
  const words = args.filter((arg) => !arg.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

// `newsdesk article list | head` closes the pipe early: the reader has what it wanted, which is no failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(EXIT.ok);
});

const requested = requestedCommand(process.argv.slice(2));
for (const entry of COMMANDS) {
  const command = program.command(entry.name).summary(entry.summary);
  // The others stay outlines: enough for the listing in --help and for "did you mean" on a typo.
  if (entry.name === requested) (await entry.configure())(command);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end here too, with exit code 0.
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  } else {
    console.error(`newsdesk: ${error instanceof Error ? error.message : String(error)}`);
    const hint = hintFor(error);
    if (hint) console.error(hint);
    if (exitCodeFor(error) === EXIT.failure && error instanceof Error && process.env.LOG_LEVEL === 'debug') {
      console.error(error.stack);
    }
    process.exitCode = exitCodeFor(error);
  }
}
