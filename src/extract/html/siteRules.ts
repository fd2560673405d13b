/**
 * Site rules: where the generic reading of a page gets a field wrong on one site, and why. Each rule names the
 * hosts it covers (a host and its subdomains) and the reason, found on a real page, so it can be dropped when the
 * site changes. The boilerplate rules that clean the body live in cleanup/; these cover the article's metadata.
 */

export interface SiteRule {
  hosts: readonly string[];
  /** What goes wrong on this site without the rule. */
  reason: string;
  /** Elements marked up like a byline that name someone else (a fact check's claimant, a quoted author). */
  notByline?: string;
}

export const SITE_RULES: readonly SiteRule[] = [
  {
    hosts: ['polygraph.info'],
    reason: 'fact checks mark the claim\'s speaker up as an author ("The Russian and Syrian defense ministries")',
    notByline: '.statement-author',
  },
];

/** The rule for the page's host, if any. */
export function siteRuleFor(url: URL, rules: readonly SiteRule[] = SITE_RULES): SiteRule | null {
  const host = url.hostname.toLowerCase();
  return rules.find((rule) => rule.hosts.some((ruleHost) => host === ruleHost || host.endsWith(`.${ruleHost}`))) ?? null;
}
