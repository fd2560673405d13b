/**
 * The site's one stylesheet, hand-written. It lives in a module rather than a .css file so that it travels with
 * the code through `tsc` builds without a copy step; it is served from /assets/site.css under a content hash.
 *
 * Letter case is never changed by CSS (text-transform would change what innerText and some screen readers
 * report); small caps give the label look instead. No generated content inside links, for the same reason.
 *
 * Colours are chosen for WCAG AA on their backgrounds (body text ≥ 7:1, muted text and the accent ≥ 4.5:1) in
 * both the light and the dark scheme. Fonts are the reader's own: no web fonts, nothing fetched.
 */
export const SITE_CSS = `
:root {
  --ink: #16161a;          /* 18:1 on --paper */
  --muted: #52525b;        /* 7.7:1 on --paper */
  --accent: #b0131d;       /* 7.1:1 on --paper: section labels, links on hover */
  --paper: #ffffff;
  --surface: #f5f3ef;      /* summary box, footer; --muted on it is 6.9:1 */
  --rule: #dedbd5;
  --focus: #1d4ed8;
  --ui: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --serif: "Iowan Old Style", "Charter", "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif;
  --column: 42rem;
  --page: 76rem;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --ink: #ecebe8;        /* 15.4:1 on --paper */
    --muted: #b4b2ad;      /* 8.6:1 on --paper */
    --accent: #ff8a80;     /* 8.0:1 on --paper */
    --paper: #141416;
    --surface: #1f1f23;
    --rule: #3a3a40;
    --focus: #93b4ff;
  }
}

*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--paper);
  color: var(--ink);
  font: 1rem/1.5 var(--ui);
  display: flex;
  flex-direction: column;
  min-height: 100vh;
}
main { flex: 1; }
img { max-width: 100%; height: auto; display: block; }
a { color: inherit; text-decoration-thickness: 1px; text-underline-offset: 0.18em; }
a:hover { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px; }
main:focus { outline: none; }

.wrap { width: 100%; max-width: var(--page); margin: 0 auto; padding: 0 1.25rem; }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.skip-link {
  position: absolute; left: 1rem; top: -4rem; z-index: 10; padding: 0.6rem 1rem;
  background: var(--ink); color: var(--paper); font-weight: 600; text-decoration: none;
}
.skip-link:focus { top: 1rem; color: var(--paper); }

/* Masthead and section nav */
.site-header { border-bottom: 1px solid var(--rule); }
.masthead { display: flex; align-items: center; justify-content: space-between; padding-top: 1.1rem; padding-bottom: 0.9rem; }
.brand {
  font: 700 1.75rem/1 var(--serif); letter-spacing: -0.01em; text-decoration: none; color: var(--ink);
}
.brand:hover { color: var(--ink); }
.site-nav { border-top: 1px solid var(--rule); }
/* The sections wrap onto further lines rather than scroll: a row cut off at the screen's edge gave no sign that
   more sections lay past it, and wrapping needs no script. */
.site-nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0 1.25rem; }
.site-nav a {
  display: block; padding: 0.7rem 0; font-size: 0.9rem; font-weight: 600; text-decoration: none;
  white-space: nowrap; border-bottom: 3px solid transparent;
}
.site-nav a[aria-current="page"] { border-bottom-color: var(--accent); }
/* On a phone the sections take two or three lines: tighter lines keep the nav from pushing the news down. */
@media (max-width: 40rem) {
  .site-nav ul { column-gap: 1rem; }
  .site-nav a { padding: 0.4rem 0; }
}

/* Shared story furniture */
.kicker {
  margin: 0 0 0.4rem; font: 700 0.95rem/1.2 var(--ui); letter-spacing: 0.06em; font-variant-caps: all-small-caps;
  color: var(--accent);
}
.kicker a { color: var(--accent); text-decoration: none; }
.kicker a:hover { text-decoration: underline; }
time, .byline, .dateline { font-family: var(--ui); color: var(--muted); }

/* Cards: home blocks, section fronts */
.card-grid {
  display: grid; gap: 2rem 1.5rem; grid-template-columns: repeat(auto-fill, minmax(15.5rem, 1fr));
  list-style: none; margin: 0; padding: 0;
}
.card { display: flex; flex-direction: column; gap: 0.45rem; }
.card img { width: 100%; aspect-ratio: 16 / 9; object-fit: cover; background: var(--surface); }
.card-headline { margin: 0.2rem 0 0; font: 700 1.2rem/1.25 var(--serif); }
.card-headline a { text-decoration: none; }
.card-headline a:hover { text-decoration: underline; }
.card-text { margin: 0; font: 0.98rem/1.5 var(--serif); color: var(--muted); }
.card time { font-size: 0.8rem; }

/* Home */
.home-title { margin: 1.5rem 0 0; }
.lead-story {
  display: grid; gap: 1.5rem; padding: 2rem 0; border-bottom: 1px solid var(--rule); align-items: center;
}
@media (min-width: 52rem) { .lead-story { grid-template-columns: 3fr 2fr; } }
.lead-story img { width: 100%; aspect-ratio: 16 / 9; object-fit: cover; }
.lead-headline { margin: 0 0 0.75rem; font: 700 clamp(1.8rem, 1.2rem + 2.2vw, 2.75rem)/1.1 var(--serif); letter-spacing: -0.01em; }
.lead-headline a { text-decoration: none; }
.lead-headline a:hover { text-decoration: underline; }
.lead-text { margin: 0 0 0.75rem; font: 1.15rem/1.55 var(--serif); }
.section-block { padding: 2rem 0; border-bottom: 1px solid var(--rule); }
.section-block:last-child { border-bottom: 0; }
.section-heading {
  margin: 0 0 1.25rem; padding-top: 0.6rem; border-top: 3px solid var(--ink);
  font: 800 1.4rem/1.2 var(--serif);
}
.section-heading a { text-decoration: none; }

/* Section front */
.front-header { padding: 2rem 0 1.5rem; border-bottom: 3px solid var(--ink); margin-bottom: 2rem; }
.front-title { margin: 0; font: 800 clamp(2rem, 1.5rem + 2vw, 3rem)/1.05 var(--serif); }
.front-count { margin: 0.4rem 0 0; color: var(--muted); font-size: 0.9rem; }
.empty { color: var(--muted); font-family: var(--serif); font-size: 1.1rem; }
.pagination { margin: 3rem 0 1rem; font-family: var(--ui); }
.pagination ul { list-style: none; margin: 0; padding: 0; display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
.pagination a {
  display: inline-block; padding: 0.5rem 1rem; border: 1px solid var(--rule); border-radius: 999px;
  text-decoration: none; font-weight: 600;
}
.pagination a:hover { border-color: var(--accent); }
.pagination .page-status { color: var(--muted); }

/* Article */
.story { max-width: var(--column); margin: 0 auto; padding: 2rem 0 1rem; }
.headline {
  margin: 0 0 0.8rem; font: 700 clamp(1.9rem, 1.3rem + 2.4vw, 2.9rem)/1.12 var(--serif); letter-spacing: -0.015em;
}
.dek { margin: 0 0 1rem; font: 1.25rem/1.45 var(--serif); color: var(--muted); }
.story-meta { margin: 1rem 0 1.5rem; padding: 0.75rem 0; border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); font-size: 0.9rem; }
.story-meta p { margin: 0.15rem 0; }
.byline { font-weight: 700; color: var(--ink); }
.hero { margin: 0 0 1.75rem; }
.hero img { width: 100%; aspect-ratio: 16 / 9; object-fit: cover; background: var(--surface); }
.hero figcaption { margin-top: 0.5rem; font: 0.85rem/1.45 var(--ui); color: var(--muted); }
.credit { display: inline-block; margin-left: 0.35rem; font-size: 0.78rem; font-weight: 600; letter-spacing: 0.02em; }
.summary-box {
  margin: 0 0 1.75rem; padding: 1rem 1.25rem; background: var(--surface); border-left: 4px solid var(--accent);
}
.summary-label { margin: 0 0 0.35rem; font: 700 0.95rem/1.2 var(--ui); letter-spacing: 0.06em; font-variant-caps: all-small-caps; color: var(--muted); }
.summary-box p:last-child { margin-bottom: 0; }
.summary-note { font-variant-caps: normal; letter-spacing: 0; font-weight: 400; }
.topics { margin: 2rem 0 0; }
.topics h2 { margin: 0 0 0.5rem; font: 700 0.95rem/1.2 var(--ui); letter-spacing: 0.06em; font-variant-caps: all-small-caps; color: var(--muted); }
.topics ul { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0; padding: 0; list-style: none; }
.topics a { display: inline-block; padding: 0.3rem 0.7rem; border: 1px solid var(--rule); border-radius: 999px; font: 0.9rem/1.3 var(--ui); color: inherit; text-decoration: none; }
.topics a:hover, .topics a:focus-visible { border-color: var(--muted); }
.topic-kind { margin: 0 0 0.25rem; font: 700 0.85rem/1.2 var(--ui); letter-spacing: 0.06em; font-variant-caps: all-small-caps; color: var(--muted); }
.summary-sentences { margin: 0; padding-left: 1.2rem; font: 1.1rem/1.6 var(--serif); }
.summary-sentences li { margin: 0 0 0.5rem; }
.summary-sentences a { color: inherit; text-decoration-color: var(--rule); text-underline-offset: 0.2em; }
.story-body p, .summary-box p:not(.summary-label) { font: 1.16rem/1.7 var(--serif); margin: 0 0 1.2rem; }
.story-body .lede { font-size: 1.22rem; }
.story-body h2 { margin: 2.2rem 0 0.7rem; font: 700 1.45rem/1.25 var(--serif); }
.story-body h3 { margin: 1.8rem 0 0.6rem; font: 700 1.2rem/1.3 var(--serif); }
.story-body ul, .story-body ol { font: 1.16rem/1.7 var(--serif); margin: 0 0 1.2rem; padding-left: 1.4rem; }
.story-body blockquote { margin: 1.6rem 0; padding-left: 1rem; border-left: 3px solid var(--rule); }
.story-body blockquote footer { font: 0.9rem/1.4 var(--ui); color: var(--muted); }
.inline-figure { margin: 1.6rem 0; }
.inline-figure img { width: 100%; height: auto; background: var(--surface); }
.inline-figure figcaption { margin-top: 0.4rem; font: 0.85rem/1.45 var(--ui); color: var(--muted); }
/* Under an untitled body's proposed headings: small, so it informs without competing with the story. */
.story-body .headings-note { margin: 0 0 1.2rem; font: 0.85rem/1.45 var(--ui); color: var(--muted); }
/* Timeline: dated facts from the story's own sentences, each a link to its paragraph. */
.timeline-box { margin: 2rem 0 0; padding: 1rem 1.25rem; background: var(--surface); border-left: 4px solid var(--rule); }
.timeline-box h2 { margin: 0 0 0.2rem; font: 700 0.95rem/1.2 var(--ui); letter-spacing: 0.06em; font-variant-caps: all-small-caps; color: var(--muted); }
.timeline-note { margin: 0 0 0.75rem; font: 0.85rem/1.45 var(--ui); color: var(--muted); }
.timeline { list-style: none; margin: 0; padding: 0; }
.timeline li { position: relative; margin: 0; padding: 0 0 0.7rem 1.1rem; border-left: 2px solid var(--rule); font: 1rem/1.45 var(--serif); }
.timeline li:last-child { padding-bottom: 0; }
.timeline li::before {
  content: ""; position: absolute; left: -0.4rem; top: 0.45rem; width: 0.7rem; height: 0.7rem;
  border-radius: 50%; background: var(--accent);
}
.timeline a { color: inherit; text-decoration-color: var(--rule); text-underline-offset: 0.2em; }
.timeline-date { display: block; font: 700 0.85rem/1.3 var(--ui); color: var(--accent); }
.timeline-date time { color: inherit; }
.timeline-figures { font-family: var(--ui); font-size: 0.88rem; color: var(--muted); }
.source-credit {
  margin: 2rem 0 0; padding-top: 1rem; border-top: 1px solid var(--rule); font: 0.88rem/1.55 var(--ui); color: var(--muted);
}
.source-credit a { overflow-wrap: anywhere; }
.source-more { margin: 0.5rem 0 0; font: 0.88rem/1.55 var(--ui); }
.archive-days { margin: 0; padding-left: 1.4rem; font: 1.05rem/1.9 var(--ui); }

/* Page chrome below the story */
.story-aside { max-width: var(--column); margin: 0 auto; padding-bottom: 2rem; }
.story-aside > section { padding: 1.5rem 0; border-top: 3px solid var(--ink); margin-top: 1.5rem; }
.story-aside h2 { margin: 0 0 0.75rem; font: 800 1.35rem/1.2 var(--serif); }
.feedback p { margin: 0; font-family: var(--serif); font-size: 1.05rem; }
/* The feedback form: plain HTML that works without script; the trap field is for bots only. */
.feedback-form { display: grid; gap: 0.5rem; margin-top: 1rem; font: 1rem/1.5 var(--ui); }
.feedback-form fieldset { margin: 0 0 0.5rem; padding: 0; border: 0; }
.feedback-form legend { padding: 0; margin-bottom: 0.3rem; font-weight: 700; }
.feedback-form > label { font-weight: 700; }
.feedback-kind { display: block; padding: 0.15rem 0; }
.feedback-hint { display: block; font-weight: 400; font-size: 0.88rem; color: var(--muted); }
.feedback-form textarea, .feedback-form input[type="email"] {
  width: 100%; padding: 0.5rem 0.6rem; font: inherit; color: var(--ink); background: var(--paper);
  border: 1px solid var(--muted); border-radius: 3px;
}
.feedback-form .feedback-status { font: 700 0.92rem/1.5 var(--ui); color: var(--accent); }
.feedback-form .feedback-privacy { font: 0.85rem/1.5 var(--ui); color: var(--muted); }
.feedback-form button {
  justify-self: start; padding: 0.55rem 1.1rem; font: 700 1rem/1.2 var(--ui); color: var(--paper);
  background: var(--ink); border: 0; border-radius: 3px; cursor: pointer;
}
.feedback-form button:disabled { opacity: 0.6; cursor: progress; }
.feedback-trap { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.feedback .feedback-thanks { margin-top: 1rem; padding: 0.75rem 1rem; background: var(--surface); border-left: 4px solid var(--accent); }
.front-aside { max-width: var(--column); margin: 2rem 0; padding: 1.5rem 0; border-top: 3px solid var(--ink); }
.front-aside h2 { margin: 0 0 0.75rem; font: 800 1.35rem/1.2 var(--serif); }
.story-source { margin: 0; font: 0.8rem/1.4 var(--ui); color: var(--muted); }
.story-link, .also-reported { margin: 0.75rem 0 0; font: 0.92rem/1.5 var(--ui); }
.story-link a { font-weight: 700; }

/* Story pages: coverage in time order beside the story's timeline */
.story-columns { display: grid; gap: 2rem; padding-bottom: 2rem; }
@media (min-width: 60rem) { .story-columns { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); align-items: start; } }
.story-coverage h2 { margin: 0 0 0.75rem; font: 800 1.35rem/1.2 var(--serif); }
.coverage-list { list-style: none; margin: 0; padding: 0; }
.coverage-list > li { padding: 0.8rem 0; border-bottom: 1px solid var(--rule); }
.story-columns .timeline-box { margin: 0; }
.story-list { list-style: none; margin: 0; padding: 0; }
.story-list li { padding: 0.8rem 0; border-bottom: 1px solid var(--rule); }
.story-list li:last-child { border-bottom: 0; }
.story-list h3 { margin: 0 0 0.2rem; font: 700 1.08rem/1.3 var(--serif); }
.story-list h3 a { text-decoration: none; }
.story-list h3 a:hover { text-decoration: underline; }
.story-list time { font-size: 0.8rem; }
ol.story-list { counter-reset: rank; }
ol.story-list li { counter-increment: rank; display: grid; grid-template-columns: 2rem 1fr; }
ol.story-list li::before { content: counter(rank); font: 800 1.4rem/1.1 var(--serif); color: var(--accent); }

/* Search: the header box and /search */
.masthead { flex-wrap: wrap; gap: 0.75rem; }
.site-search { display: flex; gap: 0.4rem; align-items: center; }
.site-search input, .search-form input, .search-form select {
  font: inherit; color: var(--ink); background: var(--paper); border: 1px solid var(--muted); border-radius: 3px; padding: 0.35rem 0.5rem;
}
.site-search input { width: 11rem; max-width: 40vw; }
.site-search button, .search-form button {
  font: 600 0.9rem/1 var(--ui); color: var(--paper); background: var(--ink); border: 1px solid var(--ink); border-radius: 3px; padding: 0.5rem 0.8rem; cursor: pointer;
}
/* The page keeps the header's width and margins, so its left edge is the header's at every width; its parts
   keep to a column for reading. */
.search-page { padding-top: 1.5rem; padding-bottom: 2rem; }
.search-page > * { max-width: var(--column); }
.search-form { margin: 1rem 0 1.5rem; }
.search-query { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.search-query label { font-weight: 600; }
.search-query input { flex: 1 1 14rem; font-size: 1.1rem; }
.search-help { margin: 0.5rem 0; font-size: 0.85rem; color: var(--muted); }
.search-filters { display: flex; flex-wrap: wrap; gap: 0.5rem 0.75rem; align-items: center; margin: 0.5rem 0 0; padding: 0.75rem; border: 1px solid var(--rule); }
.search-filters legend { padding: 0 0.25rem; font-size: 0.85rem; font-weight: 600; }
.search-problem, .search-notices { margin: 1rem 0; padding: 0.75rem 1rem; background: var(--surface); border-left: 4px solid var(--accent); }
.search-notices { list-style: none; }
.search-summary { margin: 1rem 0; font: 700 1.2rem/1.3 var(--serif); }
/* Each result's number starts its headline's line, inside the list: numbers hung outside it put the results
   1.5rem in from the header's margin (or, hung in the margin, cut them off at a phone's edge). */
.search-results { margin: 0; padding: 0; list-style-position: inside; }
.search-result { padding: 0.9rem 0; border-bottom: 1px solid var(--rule); }
.search-result::marker { font: 700 1.2rem/1.25 var(--serif); color: var(--muted); }
.search-result > .card-headline { display: inline; }
.search-snippet { margin: 0.3rem 0; font: 0.98rem/1.5 var(--serif); color: var(--muted); }
.search-result time { font-size: 0.8rem; }
mark { background: #fde68a; color: #16161a; padding: 0 0.05em; }
@media (prefers-color-scheme: dark) { mark { background: #a16207; color: #ffffff; } }
@media print { .site-search { display: none; } }

/* Error pages */
.error-page { max-width: var(--column); margin: 0 auto; padding: 4rem 0; }
.error-code { margin: 0; font: 800 0.85rem/1 var(--ui); letter-spacing: 0.1em; color: var(--accent); }
.error-page h1 { margin: 0.5rem 0 1rem; font: 700 2.4rem/1.1 var(--serif); }
.error-page p { font: 1.15rem/1.6 var(--serif); }

/* Footer */
.site-footer { margin-top: 3rem; padding: 2rem 0; background: var(--surface); border-top: 1px solid var(--rule); font-size: 0.85rem; color: var(--muted); }
.site-footer .footer-name { margin: 0 0 0.75rem; font: 700 1.2rem/1 var(--serif); color: var(--ink); }
.site-footer .footer-archive { margin: 0 0 0.75rem; }
.site-footer .demo-notice { margin: 0; max-width: 60rem; line-height: 1.6; }

@media (prefers-reduced-motion: no-preference) { html { scroll-behavior: smooth; } }
@media print {
  .site-nav, .skip-link, .story-aside, .site-footer { display: none; }
  body { color: #000; background: #fff; }
}
`;
