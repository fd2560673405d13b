/**
 * The second gate: where does a name really point? We resolve the host ourselves, once per connection, refuse
 * if ANY answer is not public (a resolver may hand the socket any of them), and then give the socket exactly
 * the addresses we checked. Resolving again at connect time would let a DNS server answer "public" to the
 * check and "127.0.0.1" to the connect (DNS rebinding); handing over the checked list closes that gap. The
 * URL's name still goes out as the Host header and the TLS server name.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { FetchError } from '../../domain/index.ts';
import { whyBlocked } from './addressPolicy.ts';
import { isExemptHost, type UrlPolicy } from './urlPolicy.ts';

/** Where one connection goes: the host to name in requests and the checked addresses to connect to. */
export interface Destination {
  /** The URL's hostname without IPv6 brackets: what http.request is given as `host`. */
  readonly host: string;
  /** Checked addresses, in the resolver's order. Empty for IP literals, which the socket connects to as-is. */
  readonly addresses: readonly LookupAddress[];
}

/**
 * Resolves `url`'s host with `lookup` and checks every address. Throws FetchError 'blocked' naming the
 * offending address, 'network' when the name does not resolve, or the signal's reason when aborted.
 */
export async function resolveDestination(
  url: URL,
  lookup: LookupFunction = dnsLookup,
  policy: UrlPolicy = {},
  signal?: AbortSignal,
): Promise<Destination> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  // IP literals were judged by checkUrl; there is nothing to resolve, and the socket will not ask.
  if (isIP(host) !== 0) return { host, addresses: [] };

  const addresses = await resolveAll(lookup, host, url.href, signal);
  if (addresses.length === 0) {
    throw new FetchError(`Could not resolve ${host} (${url.href}): no addresses`, 'network', { url: url.href });
  }
  if (!isExemptHost(url, policy)) {
    for (const { address } of addresses) {
      const why = whyBlocked(address);
      if (why !== null) {
        const answer = addresses.map((entry) => entry.address).join(', ');
        throw new FetchError(
          `Refused ${url.href}: ${host} resolves to ${address}, ${why}` +
            (addresses.length > 1 ? ` (all answers: ${answer})` : ''),
          'blocked',
          { url: url.href },
        );
      }
    }
  }
  return { host, addresses };
}

function resolveAll(
  lookup: LookupFunction,
  host: string,
  href: string,
  signal: AbortSignal | undefined,
): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    // dns.lookup cannot be cancelled; on abort we stop waiting for it and ignore its late answer.
    const onAbort = (): void => reject(signal?.reason);
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const options: LookupAllOptions = { all: true };
    lookup(host, options, (error, result, family) => {
      signal?.removeEventListener('abort', onAbort);
      if (error) {
        const code = error.code ?? error.message;
        reject(new FetchError(`Could not resolve ${host} (${href}): ${code}`, 'network', { url: href }));
        return;
      }
      // A lookup that ignores `all` answers one address; accept that form too.
      resolve(typeof result === 'string' ? [{ address: result, family: family ?? isIP(result) }] : result);
    });
  });
}

/**
 * A dns.lookup stand-in for the socket that answers with the already-checked addresses and never asks DNS
 * again. Node asks with `all: true` when it races IPv4 and IPv6 (autoSelectFamily) and for one address
 * otherwise; both are served from the same list.
 */
export function pinnedLookup(destination: Destination): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
    const matching = destination.addresses.filter((entry) => wanted === 0 || entry.family === wanted);
    const first = matching[0];
    if (hostname !== destination.host || first === undefined) {
      const error: NodeJS.ErrnoException = new Error(`no checked address for ${hostname}`);
      error.code = 'ENOTFOUND';
      callback(error, '', 0);
      return;
    }
    if (options.all) callback(null, matching.map((entry) => ({ ...entry })));
    else callback(null, first.address, first.family);
  };
}
