/**
 * The first gate of every request and every redirect hop: is this URL one we may fetch at all, judged from the
 * URL alone, before any DNS lookup or socket? Names are judged again by their DNS answer (destination.ts).
 *
 * Parsing is WHATWG `new URL` only. It already turns the odd spellings of an address (0x7f000001, 0177.1,
 * full-width digits, "127.0.0.1.") into one canonical form, so we judge the host it returns; a string it cannot
 * parse is refused, never handed to a laxer parser.
 */
import { isIPv4 } from 'node:net';
import { ConfigError, FetchError } from '../../domain/index.ts';
import { whyBlocked } from './addressPolicy.ts';

export interface UrlPolicy {
  /** 'host:port' pairs exempt from the port and address checks. TEST ONLY: loopback test servers. */
  allowPrivateHosts?: readonly string[];
  /** Ports a URL may name. Default 80 and 443: other ports on public hosts are mostly not web sites. */
  allowedPorts?: readonly number[];
}

export const DEFAULT_ALLOWED_PORTS: readonly number[] = [80, 443];

const FETCHABLE_PROTOCOLS = new Set(['http:', 'https:']);

/** Names that reach the local host or a private network whatever DNS says (RFC 6761, RFC 8375, cloud metadata). */
const PRIVATE_NAMES = new Set(['localhost', 'metadata', 'metadata.goog', 'instance-data', 'kubernetes.default']);
const PRIVATE_NAME_SUFFIXES = ['.localhost', '.local', '.internal', '.localdomain', '.home.arpa', '.svc.cluster.local'];

/**
 * Parses `url` and refuses it unless it is http(s), has no credentials, names an allowed port, and its host is a
 * public IP literal or a name not reserved for private use. Throws FetchError 'bad-url' or 'blocked'.
 */
export function checkUrl(url: string | URL, policy: UrlPolicy = {}): URL {
  const text = String(url);
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new FetchError(`Refused ${JSON.stringify(text)}: not a valid absolute URL`, 'bad-url', { url: text });
  }
  const why = whyUrlRefused(parsed, policy);
  if (why !== null) throw new FetchError(`Refused ${parsed.href}: ${why}`, 'blocked', { url: parsed.href });
  return parsed;
}

/** Why `url` may not be fetched, or null. Exposed for the redirect loop, which words its own message. */
export function whyUrlRefused(url: URL, policy: UrlPolicy = {}): string | null {
  if (!FETCHABLE_PROTOCOLS.has(url.protocol)) return `only http and https URLs are fetched, not ${url.protocol}`;
  if (url.username !== '' || url.password !== '') {
    return 'URLs with credentials (user@host) are not fetched; the part before @ hides the real host';
  }
  if (isExemptHost(url, policy)) return null;
  // The host first: "127.0.0.1 is a loopback address" tells an operator more than the port would.
  const whyHost = whyHostRefused(url.hostname);
  if (whyHost !== null) return whyHost;
  const port = portOf(url);
  const allowedPorts = policy.allowedPorts ?? DEFAULT_ALLOWED_PORTS;
  if (!allowedPorts.includes(port)) return `port ${port} is not allowed (only ${allowedPorts.join(', ')})`;
  return null;
}

function whyHostRefused(host: string): string | null {
  if (host.startsWith('[') || isIPv4(host)) {
    const reason = whyBlocked(host);
    return reason === null ? null : `${host} is ${reason}`;
  }
  return whyNameRefused(host);
}

function whyNameRefused(hostname: string): string | null {
  // "localhost." is the same name as "localhost": a trailing dot only makes it fully qualified.
  const name = hostname.replace(/\.$/, '');
  if (PRIVATE_NAMES.has(name) || PRIVATE_NAME_SUFFIXES.some((suffix) => name.endsWith(suffix))) {
    return `${hostname} is a name reserved for the local host or a private network`;
  }
  // A bare name ("intranet") is completed with the machine's search domains: it names internal hosts.
  if (!name.includes('.')) return `${hostname} is a single-label name, resolved only inside a local network`;
  return null;
}

/** The URL's port as a number, filling in the scheme's default (WHATWG leaves `port` empty for it). */
export function portOf(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/** True when the URL's host:port is on the test-only allow list. */
export function isExemptHost(url: URL, policy: UrlPolicy): boolean {
  const list = policy.allowPrivateHosts;
  if (!list || list.length === 0) return false;
  const key = `${url.hostname}:${portOf(url)}`;
  return list.some((entry) => normalizeHostPort(entry) === key);
}

/** '127.0.0.1:8080', '[::1]:8080', 'feeds.test:8080' → the form isExemptHost compares; throws on anything else. */
export function normalizeHostPort(entry: string): string {
  const colon = entry.lastIndexOf(':');
  const port = Number(entry.slice(colon + 1));
  const host = entry.slice(0, colon);
  let hostname: string | null = null;
  try {
    hostname = colon > 0 ? new URL(`http://${host}/`).hostname : null;
  } catch {
    hostname = null;
  }
  if (hostname === null || !Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new ConfigError(`allowPrivateHosts entry ${JSON.stringify(entry)} is not host:port`);
  }
  return `${hostname}:${port}`;
}
