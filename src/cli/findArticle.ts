import { NotFoundError, ValidationError, type Article } from '../domain/index.ts';
import type { Store } from '../store/index.ts';

/** By id ("42"), by path ("/security/some-story"), or by a URL whose path is one. */
export async function findArticle(store: Store, which: string): Promise<Article> {
  if (/^\d+$/.test(which)) {
    const article = await store.articles.findById(Number(which));
    if (!article) throw new NotFoundError(`no article ${which}`);
    return article;
  }
  const path = URL.canParse(which) ? new URL(which).pathname : which;
  const match = /^\/([^/]+)\/([^/]+)\/?$/.exec(path);
  if (!match) throw new ValidationError(`"${which}" is neither an article id nor a path /section/slug`);
  const article = await store.articles.findAt(match[1]!, match[2]!);
  if (!article) throw new NotFoundError(`no article at /${match[1]}/${match[2]}`);
  return article;
}
