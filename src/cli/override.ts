import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import type { Command } from 'commander';
import {
  articlePath,
  ENRICHMENT_FIELDS,
  isEnrichmentField,
  NotFoundError,
  parseOverride,
  ValidationError,
  type Article,
  type EnrichmentField,
} from '../domain/index.ts';
import type { Store } from '../store/index.ts';
import { commandContext, withStore } from './context.ts';
import { findArticle } from './findArticle.ts';

interface OverrideOptions {
  json?: string;
  clear?: boolean;
  show?: boolean;
}

const FIELDS_HELP = `
Fields and the JSON each takes (the shapes \`newsdesk enrich FILE --json\` prints):
  summary   {"sentences":[{"text","paragraph","start","end","trimmed"}],"short":"≤ 300 characters"}
  sections  [{"title":"Title" or null,"paragraphs":[0,1,…]}]   paragraphs 0, 1, 2, … in order (lede = 0)
  entities  [{"slug","name","type":"person|place|organization","aliases":[…],"mentions":n}]   topic pages follow
  timeline  [{"date":"2003|2020-01|2021-12-31|2003/2011","label","figures":[…],"sentence":{"text","paragraph","start","end"}}]
  section   "security" (a section slug or name): the article moves there, and re-imports leave it there

Examples:
  newsdesk override 42 summary --json summary.json
  echo '"business"' | newsdesk override /world/port-strike-ends section --json -
  newsdesk override /world/port-strike-ends timeline --clear
  newsdesk override 42 --show

An override survives re-enrichment. A running site may show the old page for up to 30 s (its page cache).`;

export function configureOverride(command: Command): void {
  command
    .argument('<article>', 'the article: its id, or its path /section/slug (a full URL on the site works too)')
    .argument('[field]', `the enriched field: ${ENRICHMENT_FIELDS.join(', ')}`)
    .option('--json <file>', 'set the field to the JSON value in this file; - reads stdin')
    .option('--clear', 'remove the override: the computed value shows again')
    .option('--show', 'print the article\'s overrides as JSON')
    .description('set, clear or show an editor\'s override of an enriched field')
    .addHelpText('after', FIELDS_HELP)
    .action(async (which: string, field: string | undefined, options: OverrideOptions) => {
      const action = chosenAction(field, options);
      const { config, log } = commandContext();
      await withStore(config, async (store) => {
        const article = await findArticle(store, which);
        if (action.kind === 'show') {
          const enrichment = await store.enrichments.find(article.id);
          if (!enrichment) throw new NotFoundError(`article ${article.id} has not been enriched yet`);
          const overrides = enrichment.overrides;
          console.log(
            JSON.stringify(
              { article: article.id, url: `${config.siteUrl}${articlePath(article)}`, overrides, invalid: invalidFields(overrides) },
              null,
              2,
            ),
          );
          return;
        }
        const value = action.kind === 'set' ? await overrideValue(store, action.field, action.file) : undefined;
        await store.enrichments.setOverride(article.id, action.field, value);
        const after = (await store.articles.findById(article.id)) ?? article;
        const url = `${config.siteUrl}${articlePath(after)}`;
        log.info({ id: article.id, field: action.field }, action.kind === 'set' ? 'override set' : 'override cleared');
        console.log(`${action.kind === 'set' ? 'override set' : 'override cleared'}: ${action.field} of article ${article.id} ${url}`);
      });
    });
}

type Action = { kind: 'show' } | { kind: 'set'; field: EnrichmentField; file: string } | { kind: 'clear'; field: EnrichmentField };

/** Exactly one of --json, --clear and --show; a field for the first two, none for the last. */
function chosenAction(field: string | undefined, options: OverrideOptions): Action {
  const chosen = [options.json !== undefined, options.clear === true, options.show === true].filter(Boolean).length;
  if (chosen !== 1) throw new ValidationError('give exactly one of --json FILE, --clear and --show');
  if (options.show) {
    if (field !== undefined) throw new ValidationError('--show prints every override of the article: give no field');
    return { kind: 'show' };
  }
  if (field === undefined) throw new ValidationError(`give the field to override: ${ENRICHMENT_FIELDS.join(', ')}`);
  if (!isEnrichmentField(field)) throw new ValidationError(`no field "${field}"; fields are: ${ENRICHMENT_FIELDS.join(', ')}`);
  return options.clear ? { kind: 'clear', field } : { kind: 'set', field, file: options.json! };
}

/** The file's JSON, checked for the field's shape; a section may be named as readers see it ("Security"). */
async function overrideValue(store: Store, field: EnrichmentField, file: string): Promise<unknown> {
  const source = await (file === '-' ? text(process.stdin) : readFile(file, 'utf8')).catch((error: NodeJS.ErrnoException) => {
    throw new ValidationError(`cannot read ${file}: ${error.code ?? error.message}`);
  });
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    // One line: JSON.parse quotes the text around the fault, line breaks and all.
    throw new ValidationError(`${file === '-' ? 'stdin' : file} is not JSON: ${(error as Error).message.replace(/\s+/g, ' ')}`);
  }
  if (field === 'section' && typeof value === 'string') {
    const sections = await store.sections.list();
    const wanted = value.trim().toLowerCase();
    const section = sections.find((s) => s.slug === wanted || s.name.toLowerCase() === wanted);
    if (!section) throw new ValidationError(`no section "${value}"; sections are: ${sections.map((s) => s.name).join(', ')}`);
    return section.slug;
  }
  return parseOverride(field, value);
}

/** Stored overrides that no longer pass (written by hand or by older code): readers see the computed value. */
function invalidFields(overrides: Partial<Record<EnrichmentField, unknown>>): EnrichmentField[] {
  return ENRICHMENT_FIELDS.filter((field) => {
    if (overrides[field] === undefined) return false;
    try {
      parseOverride(field, overrides[field]);
      return false;
    } catch {
      return true;
    }
  });
}
