/**
 * Links in stored articles must not carry the campaign and click identifiers that analytics tools append: they
 * leak who shared the link to whom, and they make one canonical URL look like many (ingest keys on it).
 */

/** Parameters whose name starts with one of these belong to campaign tools (Google, Matomo, Piwik, HubSpot ads). */
const TRACKING_PREFIXES: readonly string[] = ['utm_', 'mtm_', 'pk_', 'hsa_'];

/** Click and mail identifiers added by ad networks, newsletters and social sites; never part of a page's address. */
const TRACKING_NAMES = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'igshid', 'igsh', 'mc_cid', 'mc_eid', '_ga', '_gl', '_hsenc', '_hsmi', '__hstc', '__hssc', '__hsfp',
  'hsctatracking', 'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'vero_conv', 'rb_clickid', 's_cid',
  'wickedid', 'ref_src', 'ref_url', 'sr_share', 'smid', 'smtyp', 'cmpid', 'ncid', 'ocid', 'xtor', 'spm',
  'share_id', 'recruiter', 'trk', 'trkcampaign', 'sc_cid', 'ito', 'dmcid', 'at_medium', 'at_campaign',
  'at_custom1', 'at_custom2', 'at_custom3', 'at_custom4',
]);

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_NAMES.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * The URL without tracking parameters. Anything that is not an absolute http(s) URL, and any URL that carries
 * no tracking parameter, comes back exactly as given (so a link is never reformatted for nothing).
 */
export function stripTrackingParams(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return url;
  const names = [...new Set(parsed.searchParams.keys())];
  const tracking = names.filter(isTrackingParam);
  if (tracking.length === 0) return url;
  for (const name of tracking) parsed.searchParams.delete(name);
  // An emptied query leaves a bare '?' behind in URL's serialisation: drop it.
  if ([...parsed.searchParams.keys()].length === 0) parsed.search = '';
  return parsed.toString();
}
