/**
 * Lead years: when articles come without publication times, the years their leads name (a dateline, "on
 * March 3, 2009") are the only clue to when an event happened. Two look-alike events (two heavyweight title
 * defences, two arsons in Alaska) read alike; reports dated years apart are not the same event.
 *
 * A story tallies its members' lead years among its centroid's tallies (see TALLY_PREFIX), so any StoryIndex
 * keeps them with the story, and a merge adds them up.
 */
import type { StoredStory } from '../../domain/index.ts';
import { TALLY_PREFIX } from './storyCentroid.ts';

/** Lines of an article read as its lead: the headline and the first two lines of the text (dateline, lede). */
const LEAD_LINES = 2;
/** A year a news report is plausibly dated to. */
const YEAR = /\b(?:19[5-9]\d|20[0-4]\d)\b/g;
const YEAR_TALLY = `${TALLY_PREFIX}year:`;
const DATED_TALLY = `${TALLY_PREFIX}dated`;
const UNDATED_TALLY = `${TALLY_PREFIX}undated`;

/** The years an article's lead names, each once. */
export function leadYears(doc: { title: string; text: string }): string[] {
  const lead = [doc.title, ...doc.text.split('\n').slice(0, LEAD_LINES)].join('\n');
  return [...new Set(lead.match(YEAR) ?? [])];
}

/** Counts a member's lead years into its story: dated or not, and each year named. */
export function tallyLeadYears(story: StoredStory, years: readonly string[]): void {
  const add = (key: string) => story.centroid.set(key, (story.centroid.get(key) ?? 0) + 1);
  add(years.length > 0 ? DATED_TALLY : UNDATED_TALLY);
  for (const year of years) add(YEAR_TALLY + year);
}

export interface LeadYearTally {
  /** Members whose leads name a year, and members whose leads name none. */
  dated: number;
  undated: number;
  /** Members whose leads name each year. */
  years: Map<string, number>;
}

export function leadYearTally(story: StoredStory): LeadYearTally {
  const years = new Map<string, number>();
  for (const [term, count] of story.centroid) if (term.startsWith(YEAR_TALLY)) years.set(term.slice(YEAR_TALLY.length), count);
  return { dated: story.centroid.get(DATED_TALLY) ?? 0, undated: story.centroid.get(UNDATED_TALLY) ?? 0, years };
}

/**
 * Whether an article's lead years rule it out of a story: it names years, and the story's leads name none of
 * them, either because they name other years or because at least `undatedMembers` members were reported with
 * no year in their leads at all (reports of one event, gathered at one time, tend to be dated alike; 0 turns
 * that second test off).
 */
export function leadYearsConflict(years: readonly string[], tally: LeadYearTally, undatedMembers: number): boolean {
  if (years.length === 0 || years.some((year) => tally.years.has(year))) return false;
  if (tally.dated > 0) return true;
  return undatedMembers > 0 && tally.undated >= undatedMembers;
}

/**
 * Whether two stories' lead years rule out their being one story: both mostly dated, to different years; or
 * one mostly dated and the other undated across at least `undatedMembers` members.
 */
export function leadYearTalliesConflict(a: LeadYearTally, b: LeadYearTally, undatedMembers: number): boolean {
  const mostlyDated = (tally: LeadYearTally) => tally.dated > tally.undated;
  if (mostlyDated(a) && mostlyDated(b)) return ![...a.years.keys()].some((year) => b.years.has(year));
  if (undatedMembers <= 0) return false;
  const undated = (tally: LeadYearTally) => tally.undated >= undatedMembers && tally.dated * UNDATED_MAJORITY <= tally.undated;
  return (mostlyDated(a) && undated(b)) || (mostlyDated(b) && undated(a));
}

/** A story counts as undated when at most one in this many of its members is dated. */
const UNDATED_MAJORITY = 4;
