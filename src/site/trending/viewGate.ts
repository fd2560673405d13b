import { createHash } from 'node:crypto';

/** Crawlers, link unfurlers, monitors and scripts that fetch pages; real readers' browsers say none of these. */
const BOT_AGENTS =
  /bot|crawl|spider|slurp|facebookexternalhit|embedly|quora link preview|outbrain|pinterest|vkshare|w3c_validator|curl|wget|python|java\/|go-http|okhttp|node-fetch|axios|headless|phantom|lighthouse|pingdom|uptime|monitor|preview/i;

/** Views one address may add per hour: a newsroom behind one NAT reads a lot, a script reads more. */
const VIEWS_PER_ADDRESS_PER_HOUR = 120;
/** A reader reloading the same story within this long is one view. */
const REPEAT_WINDOW_MS = 30 * 60_000;
/** Remembered (address, agent, article) views: bounded, oldest forgotten first. */
const REMEMBERED_VIEWS = 50_000;

export type ViewVerdict = 'counted' | 'bot' | 'repeat' | 'over-cap';

/**
 * Which beacon hits count as views. A view comes from the page's script (so clients without JavaScript, most
 * bots among them, never send one), from a browser that does not call itself a bot, at most once per reader and
 * story in half an hour and at most VIEWS_PER_ADDRESS_PER_HOUR an address. Kept per process: with several
 * processes an address may reach the cap once in each, which bounds it still.
 */
export class ViewGate {
  readonly #seen = new Map<string, number>();
  readonly #perAddress = new Map<string, { hour: number; views: number }>();
  readonly #now: () => number;

  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
  }

  judge(view: { articleId: number; address: string; userAgent: string | undefined }): ViewVerdict {
    const agent = view.userAgent ?? '';
    if (!agent || BOT_AGENTS.test(agent)) return 'bot';
    const now = this.#now();
    // Addresses and agents are kept hashed: the gate needs to recognise a reader, not to know who it is.
    const reader = createHash('sha256').update(`${view.address}\u0000${agent}`).digest('base64url').slice(0, 16);
    const key = `${reader}|${view.articleId}`;
    const last = this.#seen.get(key);
    if (last !== undefined && now - last < REPEAT_WINDOW_MS) return 'repeat';

    const hour = Math.floor(now / 3_600_000);
    const address = this.#perAddress.get(view.address);
    const views = address && address.hour === hour ? address.views : 0;
    if (views >= VIEWS_PER_ADDRESS_PER_HOUR) return 'over-cap';
    this.#perAddress.set(view.address, { hour, views: views + 1 });
    if (this.#perAddress.size > REMEMBERED_VIEWS) this.#perAddress.delete(this.#perAddress.keys().next().value!);

    this.#seen.delete(key);
    this.#seen.set(key, now);
    if (this.#seen.size > REMEMBERED_VIEWS) this.#seen.delete(this.#seen.keys().next().value!);
    return 'counted';
  }
}
