import { createHash } from 'node:crypto';
import { senderOf } from '../rateLimit.ts';

/** Crawlers, link unfurlers, monitors and scripts that fetch pages; real readers' browsers say none of these. */
const BOT_AGENTS =
  /bot|crawl|spider|slurp|facebookexternalhit|embedly|quora link preview|outbrain|pinterest|vkshare|w3c_validator|curl|wget|python|java\/|go-http|okhttp|node-fetch|axios|headless|phantom|lighthouse|pingdom|uptime|monitor|preview/i;

export const VIEW_RULE = {
  /** A reader reloading the same story within this long is one view. */
  repeatWindowMs: 30 * 60_000,
  /** Views one sender may add per hour: a newsroom behind one NAT reads a lot, a script reads more. */
  perSenderPerHour: 120,
};
/** Remembered readers and senders in process memory: bounded, oldest forgotten first. */
const REMEMBERED_VIEWS = 50_000;
const HOUR_MS = 3_600_000;

export type ViewVerdict = 'counted' | 'bot' | 'repeat' | 'over-cap';

export interface BeaconHit {
  articleId: number;
  address: string;
  userAgent: string | undefined;
}

/** Which beacon hits count as views. */
export interface ViewGate {
  judge(view: BeaconHit): Promise<ViewVerdict>;
}

/**
 * Where a gate remembers the views it counted: `reader` is one browser on one address reading one article,
 * `sender` the address (or IPv6 /64) it came from. Process memory for a site of one process; Redis for many.
 */
export interface ReaderMemory {
  admit(view: { reader: string; sender: string }, at: number): Promise<Exclude<ViewVerdict, 'bot'>>;
}

/**
 * A view comes from the page's script (so clients without JavaScript, most bots among them, never send one), from
 * a browser that does not call itself a bot, at most once per reader and story in half an hour and at most
 * VIEW_RULE.perSenderPerHour a sender (an IPv6 client's /64, which it may rotate through, is one sender).
 */
export function createViewGate(options: { memory?: ReaderMemory; now?: () => number } = {}): ViewGate {
  const { memory = localReaderMemory(), now = Date.now } = options;
  return {
    async judge(view) {
      const agent = view.userAgent ?? '';
      if (!agent || BOT_AGENTS.test(agent)) return 'bot';
      // Kept hashed: the gate needs to recognise a reader, not to know who it is. Not a secret (an IPv4 address
      // can be found from its hash by trying them all), but nothing kept lists addresses, and all of it expires.
      const reader = `${digest(`${view.address}\u0000${agent}`)}|${view.articleId}`;
      return memory.admit({ reader, sender: digest(senderOf(view.address)) }, now());
    },
  };
}

/** The gate's memory in this process: with several processes a sender could reach the cap once in each. */
export function localReaderMemory(): ReaderMemory {
  const seen = new Map<string, number>();
  const perSender = new Map<string, { hour: number; views: number }>();
  return {
    async admit({ reader, sender }, at) {
      const last = seen.get(reader);
      if (last !== undefined && at - last < VIEW_RULE.repeatWindowMs) return 'repeat';

      const hour = Math.floor(at / HOUR_MS);
      const counted = perSender.get(sender);
      const views = counted && counted.hour === hour ? counted.views : 0;
      if (views >= VIEW_RULE.perSenderPerHour) return 'over-cap';
      perSender.set(sender, { hour, views: views + 1 });
      if (perSender.size > REMEMBERED_VIEWS) perSender.delete(perSender.keys().next().value!);

      seen.delete(reader);
      seen.set(reader, at);
      if (seen.size > REMEMBERED_VIEWS) seen.delete(seen.keys().next().value!);
      return 'counted';
    },
  };
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
}
