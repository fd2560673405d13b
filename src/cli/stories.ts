import type { Command } from 'commander';
import type { StoryListing } from '../domain/index.ts';
import { commandContext, withStore } from './context.ts';
import { parseCount } from './optionParsers.ts';

const DAY_MS = 86_400_000;

export function configureStories(command: Command): void {
  command
    .option('--days <n>', 'only stories with an article in the last N days', parseCount, 7)
    .option('--limit <n>', 'how many stories to list', parseCount, 20)
    .option('--json', 'print the stories as JSON')
    .description('list the largest recent stories: how many articles tell each, when, and its page')
    .action(async (options: { days: number; limit: number; json?: boolean }) => {
      const { config } = commandContext();
      await withStore(config, async (store) => {
        const since = new Date(Date.now() - options.days * DAY_MS).toISOString();
        const stories = await store.stories.largest({ since, limit: options.limit });
        const withUrls = stories.map((story) => ({ ...story, url: `${config.siteUrl}/story/${story.id}` }));
        if (options.json) console.log(JSON.stringify(withUrls, null, 2));
        else if (stories.length === 0) console.log(`no stories with an article in the last ${options.days} days (try --days 3650)`);
        else console.log(storyTable(withUrls));
      });
    });
}

function storyTable(stories: (StoryListing & { url: string })[]): string {
  const rows = stories.map((story) => [String(story.articleCount), story.lastSeen?.slice(0, 10) ?? '—', story.headline, story.url]);
  const header = ['articles', 'latest', 'headline', 'page'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => Math.min(row[column]!.length, 70))));
  const line = (cells: string[]) => cells.map((cell, column) => clip(cell, 70).padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}
