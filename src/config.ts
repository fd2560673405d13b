import type { AddressInfo } from 'node:net';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { ConfigError, DEFAULT_MIN_BODY_WORDS, type PublishRules } from './domain/index.ts';

/** Everything Newsdesk reads from the environment, validated once at start. No config file is needed. */
export interface Config {
  port: number;
  host: string;
  /** Holds the SQLite database, the generated secret and (later) uploaded images. */
  dataDir: string;
  /** postgres://… switches storage to PostgreSQL; absent means SQLite under dataDir. */
  databaseUrl: string | null;
  redisUrl: string | null;
  /** Prefix of every Redis key: several sites (or test runs) can share one Redis. */
  redisPrefix: string;
  siteName: string;
  /** Public origin used in absolute links (feeds, canonical URLs); defaults to http://localhost:PORT. */
  siteUrl: string;
  /** What siteUrl was made from: SITE_URL, PORT, or neither (the default port). */
  siteUrlFrom: 'SITE_URL' | 'PORT' | 'default';
  secret: string;
  /** Where the secret came from: SECRET, or DATA_DIR/secret (generated on first start); '' until prepareDataDir. */
  secretSource: 'environment' | 'data-dir' | '';
  logLevel: string;
  /** auto: readable on a terminal, JSON lines otherwise; json: always JSON lines. */
  logFormat: 'auto' | 'json';
  /**
   * Which proxies may set X-Forwarded-For: false, true (any), or their addresses / CIDR ranges.
   * Off by default: trusted blindly, the header would let any client pick the address rate limits see.
   */
  trustProxy: boolean | string[];
  /** In-process cache of rendered pages; PAGE_CACHE=off disables it (benchmarks measure both). */
  pageCache: boolean;
  /** What feed entries carry (FEED_CONTENT): the whole article, or its summary and a link (the default). */
  feedContent: 'full' | 'summary';
  ingest: IngestConfig;
  /** What an article needs before any path publishes it (PUBLISH_MIN_WORDS: words of body, default 80). */
  publishRules: PublishRules;
  newsroom: NewsroomConfig;
}

/** Sign-in, sessions and mail of the newsroom (OWASP ASVS level 2 defaults). */
export interface NewsroomConfig {
  /** A session unused this long ends (SESSION_IDLE_MINUTES, default 30). */
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in, however busy (SESSION_MAX_HOURS, default 12). */
  sessionAbsoluteHours: number;
  /** Failed sign-ins per account or address before a lock (SIGN_IN_MAX_FAILURES, default 5) … */
  signInMaxFailures: number;
  /** … counted within this window, and the lock's length (SIGN_IN_LOCK_MINUTES, default 15). */
  signInLockMinutes: number;
  /** smtp://user:pass@host:port or smtps://… (SMTP_URL); without it, links are logged and shown to admins. */
  smtpUrl: string | null;
  /** The From of newsroom mail (MAIL_FROM, default "SITE_NAME <newsroom@HOST of SITE_URL>"). */
  mailFrom: string;
}

export interface IngestConfig {
  /** `serve` also polls feeds and runs ingest jobs (INGEST_IN_PROCESS, default on): one process is enough on SQLite. */
  inProcess: boolean;
  /** Fetch/extract jobs run at once per process (INGEST_CONCURRENCY, default 4). */
  concurrency: number;
  /**
   * TEST ONLY (FETCH_ALLOW_PRIVATE_HOSTS="127.0.0.1:8123,…"): host:port pairs the fetcher may reach although
   * they are private, so tests can serve feeds from loopback. Never set it in production: it opens exactly
   * the hole the address check closes.
   */
  allowPrivateHosts: string[];
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: Env = process.env): Config {
  const port = parsePort(env.PORT ?? '3000');
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql:// (got "${databaseUrl.split(':')[0]}:…")`);
  }
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }
  const siteUrl = (env.SITE_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    new URL(siteUrl);
  } catch {
    throw new ConfigError(`SITE_URL must be an absolute URL such as https://news.example.com (got "${siteUrl}")`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl,
    redisUrl: env.REDIS_URL?.trim() || null,
    redisPrefix: env.REDIS_PREFIX?.trim() || 'newsdesk',
    siteName: env.SITE_NAME?.trim() || 'CRBC News',
    siteUrl,
    siteUrlFrom: env.SITE_URL ? 'SITE_URL' : env.PORT ? 'PORT' : 'default',
    secret: env.SECRET ?? '',
    secretSource: env.SECRET ? 'environment' : '',
    logLevel,
    logFormat: parseLogFormat(env.LOG_FORMAT),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    pageCache: !isOff(env.PAGE_CACHE),
    feedContent: parseFeedContent(env.FEED_CONTENT),
    publishRules: { minBodyWords: parseWholeNumber(env.PUBLISH_MIN_WORDS, DEFAULT_MIN_BODY_WORDS, 'PUBLISH_MIN_WORDS', 10_000) },
    newsroom: newsroomConfig(env, siteUrl),
    ingest: {
      inProcess: !isOff(env.INGEST_IN_PROCESS),
      concurrency: parseCount(env.INGEST_CONCURRENCY ?? '4', 'INGEST_CONCURRENCY'),
      allowPrivateHosts: (env.FETCH_ALLOW_PRIVATE_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean),
    },
  };
}

function newsroomConfig(env: Env, siteUrl: string): NewsroomConfig {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError('SMTP_URL must start with smtp:// or smtps://');
  const positive = (value: string | undefined, fallback: number, name: string, max: number) => {
    const number = parseWholeNumber(value, fallback, name, max);
    if (number === 0) throw new ConfigError(`${name} must be at least 1`);
    return number;
  };
  return {
    sessionIdleMinutes: positive(env.SESSION_IDLE_MINUTES, 30, 'SESSION_IDLE_MINUTES', 24 * 60),
    sessionAbsoluteHours: positive(env.SESSION_MAX_HOURS, 12, 'SESSION_MAX_HOURS', 24 * 30),
    signInMaxFailures: positive(env.SIGN_IN_MAX_FAILURES, 5, 'SIGN_IN_MAX_FAILURES', 100),
    signInLockMinutes: positive(env.SIGN_IN_LOCK_MINUTES, 15, 'SIGN_IN_LOCK_MINUTES', 24 * 60),
    smtpUrl,
    mailFrom: env.MAIL_FROM?.trim() || `${env.SITE_NAME?.trim() || 'CRBC News'} <newsroom@${new URL(siteUrl).hostname}>`,
  };
}

function isOff(value: string | undefined): boolean {
  return ['off', '0', 'false', 'no'].includes((value ?? 'on').toLowerCase());
}

function parseCount(value: string, name: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 64) {
    throw new ConfigError(`${name} must be a whole number from 1 to 64 (got "${value}")`);
  }
  return count;
}

function parseWholeNumber(value: string | undefined, fallback: number, name: string, max: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > max) {
    throw new ConfigError(`${name} must be a whole number from 0 to ${max} (got "${value}")`);
  }
  return number;
}

function parseFeedContent(value: string | undefined): Config['feedContent'] {
  if (value === undefined || value === '' || value === 'summary') return 'summary';
  if (value === 'full') return 'full';
  throw new ConfigError(`FEED_CONTENT must be full or summary (got "${value}")`);
}

function parseLogFormat(value: string | undefined): Config['logFormat'] {
  if (value === undefined || value === '' || value === 'auto') return 'auto';
  if (value === 'json') return 'json';
  throw new ConfigError(`LOG_FORMAT must be auto or json (got "${value}")`);
}

function parseTrustProxy(value: string | undefined): boolean | string[] {
  if (value === undefined || value.trim() === '' || value === 'false') return false;
  if (value === 'true') return true;
  return value.split(',').map((address) => address.trim()).filter(Boolean); // e.g. "127.0.0.1,10.0.0.0/8"
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535 (got "${value}")`);
  }
  return port;
}

/**
 * Creates DATA_DIR and, when SECRET is unset, a random secret kept in DATA_DIR/secret so that sessions survive
 * restarts. Separate from loadConfig so that reading config stays free of side effects.
 */
export function prepareDataDir(config: Config): Config {
  try {
    mkdirSync(config.dataDir, { recursive: true });
  } catch (error) {
    throw new ConfigError(`cannot create DATA_DIR ${config.dataDir}: ${(error as Error).message}`);
  }
  if (config.secret) return config;
  return { ...config, secret: readOrCreateSecret(join(config.dataDir, 'secret')), secretSource: 'data-dir' };
}

/**
 * The secret in `file`, written first if there is none. Processes starting together must end with the same
 * one: each writes a candidate beside the file and links it into place, which only the first link does (link
 * fails when the name exists), so no process ever reads a half-written file or keeps a secret that lost.
 */
function readOrCreateSecret(file: string): string {
  if (!existsSync(file)) {
    const candidate = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(candidate, randomBytes(32).toString('hex'), { mode: 0o600 });
    try {
      linkSync(candidate, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new ConfigError(`cannot write the secret to ${file}: ${(error as Error).message}`);
      }
    } finally {
      rmSync(candidate, { force: true });
    }
  }
  return readFileSync(file, 'utf8').trim();
}

/** The SQLite database file under DATA_DIR: the store and, on SQLite, the job queue share it. */
export function sqliteFileOf(config: Pick<Config, 'dataDir'>): string {
  return join(config.dataDir, 'newsdesk.db');
}

/** Where `serve` notes the origin it serves, for commands run beside it on the same DATA_DIR. */
const SERVED_ORIGIN_FILE = 'served-origin';

/**
 * Notes the origin this server answers on (SITE_URL, else localhost and the port actually bound) in DATA_DIR,
 * so that a command run in another shell without PORT or SITE_URL still prints links that open this site.
 */
export function recordServedOrigin(config: Config, address: AddressInfo | string | null): string {
  const port = address && typeof address === 'object' ? address.port : config.port;
  const origin = config.siteUrlFrom === 'SITE_URL' ? config.siteUrl : `http://localhost:${port}`;
  try {
    writeFileSync(join(config.dataDir, SERVED_ORIGIN_FILE), `${origin}\n`);
  } catch {
    // Only a convenience for the CLI's links: a read-only DATA_DIR must not stop the site.
  }
  return origin;
}

/**
 * The config a command other than `serve` links with: SITE_URL, else PORT, else the origin the last `serve` on
 * this DATA_DIR answered on, else http://localhost:3000.
 */
export function withServedOrigin(config: Config): Config {
  if (config.siteUrlFrom !== 'default') return config;
  try {
    const origin = readFileSync(join(config.dataDir, SERVED_ORIGIN_FILE), 'utf8').trim();
    return URL.canParse(origin) ? { ...config, siteUrl: origin.replace(/\/+$/, '') } : config;
  } catch {
    return config;
  }
}
