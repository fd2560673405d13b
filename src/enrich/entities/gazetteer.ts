/**
 * Our gazetteer (gazetteer.json, written by hand from general knowledge): names a recogniser trained on other
 * text misses or mistypes (Erbil, Kurdistan, Kataib Hezbollah), and the alias table that makes "US", "U.S."
 * and "United States" one entity with one topic page.
 */
import data from './gazetteer.json' with { type: 'json' };
import type { EntityType } from './types.ts';

export interface GazetteerEntry {
  name: string;
  type: EntityType;
  aliases: readonly string[];
}

type Row = [string, ...string[]];

const ENTRIES: GazetteerEntry[] = (data.entries as Row[]).map(([type, name, ...aliases]) => ({
  type: type as EntityType,
  name: name!,
  aliases,
}));

/** Exact written forms first: "WHO" is the health organisation, "Who" is not. */
const BY_FORM = new Map<string, GazetteerEntry>();
/** Then a folded form: accents, curly quotes and case aside ("Kurdistan region", "Kata’ib Hezbollah"). */
const BY_FOLDED = new Map<string, GazetteerEntry>();

for (const entry of ENTRIES) {
  for (const form of [entry.name, ...entry.aliases]) {
    if (!BY_FORM.has(form)) BY_FORM.set(form, entry);
    // Acronyms match only as written: folding "IS" or "AP" would catch ordinary words.
    if (!isAcronym(form) && !BY_FOLDED.has(fold(form))) BY_FOLDED.set(fold(form), entry);
  }
}

/** The gazetteer entry a name is, if any. */
export function lookUpName(text: string): GazetteerEntry | undefined {
  return BY_FORM.get(text) ?? (isAcronym(text) ? undefined : BY_FOLDED.get(fold(text)));
}

/** Longest number of words any gazetteer name has: bounds the prefix search in a run of capitals. */
export const LONGEST_NAME_WORDS = Math.max(...ENTRIES.flatMap((e) => [e.name, ...e.aliases].map((f) => f.split(' ').length)));

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase();
}

function isAcronym(text: string): boolean {
  return /^[A-Z][A-Z.&]*$/.test(text.replace(/\s/g, '')) && text.length <= 6;
}
