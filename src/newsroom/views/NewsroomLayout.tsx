import type { ComponentChildren } from 'preact';
import type { User } from '../../domain/index.ts';
import { STYLESHEET_HREF } from '../../site/index.ts';
import { can } from '../policy.ts';
import { NEWSROOM_CSS_HREF } from './newsroomCss.ts';

export interface NewsroomChrome {
  siteName: string;
  /** The signed-in person; null on the sign-in, setup and reset pages. */
  user: User | null;
  /** This session's form token: every form that changes something carries it. */
  csrf: string;
}

interface LayoutProps extends NewsroomChrome {
  title: string;
  children: ComponentChildren;
}

/**
 * The document around every newsroom page: never indexed (noindex here and X-Robots-Tag on the response), the
 * reader site's stylesheet plus the newsroom's, no script needed. Signed in, a bar with the desk's links and
 * sign-out (a form: a state change is never a link).
 */
export function NewsroomLayout({ siteName, user, csrf, title, children }: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} — ${siteName} newsroom`}</title>
        <link rel="stylesheet" href={STYLESHEET_HREF} />
        <link rel="stylesheet" href={NEWSROOM_CSS_HREF} />
      </head>
      <body class="newsroom">
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <div class="wrap newsroom-bar">
            <a class="brand" href={user ? '/newsroom' : '/'}>
              {siteName} newsroom
            </a>
            {user ? <DeskNav user={user} csrf={csrf} /> : null}
          </div>
        </header>
        <main id="main" class="wrap" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}

function DeskNav({ user, csrf }: { user: User; csrf: string }) {
  const actor = { kind: 'person', user } as const;
  return (
    <nav aria-label="Newsroom">
      <ul>
        <li>
          <a href="/newsroom">Desk</a>
        </li>
        {can(actor, 'manage_people') ? (
          <li>
            <a href="/newsroom/people">People</a>
          </li>
        ) : null}
        {can(actor, 'read_audit') ? (
          <li>
            <a href="/newsroom/audit">Audit log</a>
          </li>
        ) : null}
        <li>
          <a href="/newsroom/articles">Articles</a>
        </li>
        <li>
          <a href="/newsroom/articles/new">New article</a>
        </li>
        <li>
          <a href="/">Site</a>
        </li>
        <li>
          <span>
            {user.name} ({user.role})
          </span>
        </li>
        <li>
          <form method="post" action="/newsroom/sign-out">
            <input type="hidden" name="_csrf" value={csrf} />
            <button type="submit" class="quiet">
              Sign out
            </button>
          </form>
        </li>
      </ul>
    </nav>
  );
}

/** A message above a form: what went wrong (role alert, read out at once) or what happened. */
export function Notice({ problem, notice }: { problem?: string | null; notice?: string | null }) {
  if (problem) {
    return (
      <p class="problem" role="alert">
        {problem}
      </p>
    );
  }
  return notice ? (
    <p class="notice" role="status">
      {notice}
    </p>
  ) : null;
}

export function CsrfField({ csrf }: { csrf: string }) {
  return <input type="hidden" name="_csrf" value={csrf} />;
}
