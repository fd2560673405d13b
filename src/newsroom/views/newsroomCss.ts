import { createHash } from 'node:crypto';

/**
 * The newsroom's own rules, on top of the reader site's stylesheet (same type, colours and focus rings): forms,
 * tables of articles, notices. Served with a content hash in its address, like the site's stylesheet.
 */
const NEWSROOM_CSS = `
.newsroom-bar{display:flex;flex-wrap:wrap;gap:.75rem 1.5rem;align-items:center;justify-content:space-between;padding:.75rem 0}
.newsroom-bar nav ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;margin:0;padding:0}
.newsroom-bar form{display:inline}
.newsroom main{padding:1.5rem 0 3rem}
.newsroom form.stacked{display:grid;gap:1rem;max-width:32rem}
.newsroom label{display:grid;gap:.25rem;font-weight:600}
.newsroom input[type=text],.newsroom input[type=email],.newsroom input[type=password],.newsroom input[type=datetime-local],.newsroom select,.newsroom textarea{font:inherit;font-weight:400;padding:.5rem;border:1px solid #6b6b6b;border-radius:4px;width:100%;box-sizing:border-box}
.newsroom textarea{min-height:8rem}
.newsroom button,.newsroom .button{font:inherit;padding:.5rem 1rem;border:1px solid #1a1a1a;border-radius:4px;background:#1a1a1a;color:#fff;cursor:pointer}
.newsroom button.quiet{background:#fff;color:#1a1a1a}
.newsroom .notice{border-left:4px solid #1d5fa8;background:#eef4fb;padding:.75rem 1rem;margin:0 0 1rem}
.newsroom .problem{border-left:4px solid #a61b1b;background:#fbeeee;padding:.75rem 1rem;margin:0 0 1rem}
.newsroom .hint{font-weight:400;color:#4a4a4a;font-size:.9rem}
.newsroom table{border-collapse:collapse;width:100%}
.newsroom th,.newsroom td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
.newsroom .desk{display:grid;gap:2rem;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr))}
.newsroom .count{font-weight:400;color:#4a4a4a}
.newsroom .editor{display:grid;gap:2rem;grid-template-columns:minmax(0,3fr) minmax(14rem,1fr);align-items:start}
@media (max-width:50rem){.newsroom .editor{grid-template-columns:1fr}}
.newsroom form.editor-form{max-width:none}
.newsroom textarea.body-markdown{min-height:24rem;font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.95rem}
.newsroom fieldset{border:1px solid #ddd;border-radius:4px;display:grid;gap:.75rem;padding:.75rem 1rem}
.newsroom .buttons{display:flex;flex-wrap:wrap;gap:.75rem}
.newsroom .workflow{display:grid;gap:1rem;border-left:1px solid #ddd;padding-left:1rem}
.newsroom .workflow form.stacked{gap:.5rem}
.newsroom .blockers{border-left:4px solid #8a5a00;background:#fdf6e7;padding:.75rem 1rem;margin:0 0 1rem}
.newsroom .state{display:inline-block;padding:0 .4rem;border-radius:3px;background:#eee;font-size:.85rem}
.newsroom .state-published{background:#e3f3e6}.newsroom .state-in_review{background:#fdf6e7}.newsroom .state-spiked{background:#fbeeee}
.newsroom form.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:end;margin:0 0 1rem}
.newsroom form.filters label{min-width:10rem}
.newsroom .pages{display:flex;gap:1rem;margin:1rem 0}
.newsroom .preserve{white-space:pre-wrap}
.newsroom .side-by-side{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr))}
.newsroom .read-only dt{font-weight:600;margin-top:.75rem}.newsroom .read-only dd{margin:0}
.preview-banner{position:sticky;top:0;z-index:10;background:#8a1c1c;color:#fff;padding:.75rem 1rem;text-align:center}
.preview-banner a{color:#fff}
.newsroom .word-diff{overflow-wrap:anywhere}
.newsroom .word-diff.multiline{white-space:pre-wrap}
.newsroom ins{background:#e3f4e6;color:#0f4d1c;text-decoration:underline}
.newsroom del{background:#fbe4e4;color:#7a1212;text-decoration:line-through}
.newsroom .revision-diff dt{font-weight:700;margin-top:1rem}
.newsroom .revision-diff dd{margin:.25rem 0 0}
.newsroom .compare-form,.newsroom .filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:end;margin:0 0 1rem}
.newsroom td form{display:inline-flex;gap:.5rem;align-items:center}
.newsroom .one-time-link{font-family:monospace;overflow-wrap:anywhere;background:#f4f4f4;padding:.5rem}
`;

export const NEWSROOM_CSS_BODY = Buffer.from(NEWSROOM_CSS.trim() + '\n', 'utf8');
export const NEWSROOM_CSS_HASH = createHash('sha256').update(NEWSROOM_CSS_BODY).digest('hex').slice(0, 12);
export const NEWSROOM_CSS_PATH = '/newsroom/assets/newsroom.css';
export const NEWSROOM_CSS_HREF = `${NEWSROOM_CSS_PATH}?v=${NEWSROOM_CSS_HASH}`;
