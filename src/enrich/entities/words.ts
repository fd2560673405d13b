/**
 * What a single capitalised word tells us on its own. Compromise's packaged English lexicon supplies first
 * and last names, countries, cities, demonyms and its lists of organisation and place head words; we read
 * the lexicon directly rather than tagging whole articles, which costs ~40 ms an article where our budget
 * for entities is a few. Our own lists add the news-desk words compromise lacks (titles, "Command", "Base").
 */
import nlp from 'compromise';
import type { EntityType } from './types.ts';
import { ownEntry } from '../../domain/index.ts';

interface CompromiseModel {
  one: { lexicon: Record<string, string | string[]> };
  two: { orgWords: Record<string, boolean>; placeWords: Record<string, boolean> };
}

const MODEL = (nlp as unknown as { model(): CompromiseModel }).model();
const LEXICON = MODEL.one.lexicon;

function tagsOf(word: string): readonly string[] {
  const tags = ownEntry(LEXICON, word.toLowerCase());
  return tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
}

const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
const PLACE_TAGS = new Set(['Country', 'City', 'Region', 'Place']);
const ORG_TAGS = new Set(['Organization', 'SportsTeam']);
/** Tags of words that are ordinary English when they open a sentence ("However", "Several", "According"). */
const COMMON_TAGS = new Set([
  'Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'QuestionWord', 'Modal', 'Copula',
  'PresentTense', 'PastTense', 'Infinitive', 'Gerund', 'Participle', 'Adjective', 'Comparative',
  'Superlative', 'Plural', 'Singular', 'Uncountable', 'Expression', 'Negative', 'Possessive', 'Reflexive',
  'TextValue', 'Cardinal', 'Ordinal', 'Month', 'WeekDay', 'Date', 'Duration', 'Unit', 'Actor',
]);

/** Words that never name anything when capitalised by position; compromise leaves some untagged. */
const OPENERS = new Set(
  ('the a an in on at he she it they we i but and or this that these those there his her their its our after ' +
    'before when while as if for to of with by from what who why how where one two three some many most more ' +
    'however meanwhile also image photo file video source update updated related read see according notably ' +
    'yes no not so then now today yesterday tomorrow last next first under over during until since about ' +
    'although though because despite without within between among all both each every other such only even ' +
    'still yet here you your my me us him them whose whom which do does did is are was were be been has have ' +
    'had will would can could should may might must shall let please thanks thank dear')
    .split(' '),
);

/** Titles and offices that stand before a name and are not part of it (CoNLL and GUM leave them out). */
const TITLES = new Set(
  ('mr mr. mrs mrs. ms ms. dr dr. prof prof. professor sir dame lord lady president vice prime minister ' +
    'ministers secretary ambassador senator sen. sen rep. representative congressman congresswoman governor ' +
    'gov. mayor chancellor king queen prince princess pope cardinal bishop archbishop father sister brother ' +
    'sheikh ayatollah imam rabbi reverend rev. judge justice chief deputy general gen. colonel col. major ' +
    'lieutenant lt. captain capt. sergeant sgt. commander admiral officer detective inspector coach manager ' +
    'director chairman chairwoman chair ceo founder spokesman spokeswoman spokesperson leader premier ' +
    'foreign defense defence interior home finance health education justice state attorney undersecretary ' +
    'emir sultan crown speaker head presidential candidate senior former acting interim late saint st. ' +
    'superintendent sheriff constable private corporal cpl. pvt. emperor empress chef dj')
    .split(' '),
);

/** Heads that make a run of capitals an organisation: compromise's list plus the security desk's words. */
const ORGANIZATION_HEADS = new Set([
  ...Object.keys(MODEL.two.orgWords),
  ...('command ministry army navy forces force party council inc corp ltd llc plc agency guard guards ' +
    'brigade brigades battalion militia movement front parliament assembly congress senate cabinet ' +
    'court courts commission committee office department bureau service services police unit corps ' +
    'airlines airways group alliance coalition league federation union network channel organisation ' +
    'organization institute university college school academy hospital bank fund trust foundation ' +
    'association society club team church mosque times post news daily weekly journal magazine review ' +
    'tribune gazette herald telegraph press agency authority administration ministries regiment division ' +
    'consulate embassy directorate secretariat tribunal legion org municipality')
    .split(' '),
]);
// Place heads compromise lists that in news copy more often end an organisation's name.
for (const word of ['memorial', 'museum', 'house', 'hall', 'centre', 'center']) ORGANIZATION_HEADS.delete(word);

/** Heads that make a run of capitals a place: administrative areas, landforms and facilities. */
const PLACE_HEADS = new Set([
  ...Object.keys(MODEL.two.placeWords),
  ...('base airbase airport airfield port harbour harbor station stadium arena square street avenue ' +
    'boulevard bridge palace tower towers hall centre center province governorate oblast emirate ' +
    'republic kingdom island islands sea ocean river valley mountains desert strait canal camp prison')
    .split(' '),
]);
for (const word of ['capital', 'field', 'site', 'building', 'complex', 'house']) PLACE_HEADS.delete(word);

/** Administrative heads win over organisation heads: "Kurdistan Region", "Anbar Province". */
const ADMINISTRATIVE_HEADS = new Set('province region county district state territory governorate oblast city prefecture'.split(' '));

/** Lower-case particles inside names: "Harakat al-Nujaba", "Lula da Silva", "Ludwig van Beethoven". */
export const NAME_PARTICLES = new Set('al el bin ibn bint abu da de del della der di du dos das la le van von y'.split(' '));

export function isFirstName(word: string): boolean {
  return tagsOf(word).some((tag) => FIRST_NAME_TAGS.has(tag));
}

export function isLastName(word: string): boolean {
  return tagsOf(word).some((tag) => tag === 'LastName' || tag === 'Person');
}

/** Peoples, languages and faiths: "Afghan", "English", "Gabonese", "Muslims". Not names of entities here. */
const GROUP_SUFFIX = /(?:ish|ese|ians?|eans?|ans|ites?|ists?|is)$/;
const GROUPS = new Set('muslim muslims christian christians jew jews jewish arab arabs kurd kurds kurdish sunni sunnis shia shiite shiites hindu hindus buddhist buddhists catholic catholics protestant protestants islamic'.split(' '));

export function isDemonym(word: string): boolean {
  const lower = word.toLowerCase();
  if (GROUPS.has(lower) || tagsOf(word).includes('Demonym') || tagsOf(lower.replace(/s$/, '')).includes('Demonym')) return true;
  // A nationality by its ending ("Gabonese", "Brazillian") unless the lexicon knows it as a name ("Brian").
  return GROUP_SUFFIX.test(lower) && /^\p{Lu}\p{Ll}+$/u.test(word) && typeOfWord(word) === undefined && lower.length > 4;
}

/** Months and weekdays: capitalised, never an entity. */
export function isCalendarWord(word: string): boolean {
  return tagsOf(word).some((tag) => tag === 'Month' || tag === 'WeekDay') || /^(?:january|february|march|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?)$/i.test(word);
}

/** Heads of names that are neither people, places nor organisations: events, prizes, products, laws. */
const OTHER_NAME_HEADS = new Set(
  ('cup prize award awards games olympics championship championships tournament festival expo fair war wars act ' +
    'bill treaty accord accords agreement day week show series summit operation xp vr os phone pad edition ' +
    'version award novel film album book average index virus pandemic')
    .split(' '),
);

export function isOtherNameHead(word: string): boolean {
  return OTHER_NAME_HEADS.has(word.toLowerCase());
}

/**
 * Capitalised or all-capital words that are never entities: time zones, currencies, measures, diseases,
 * offices in the abstract ("CEO"). Acronyms are otherwise taken for organisations.
 */
const NOT_NAMES = new Set(
  ('utc gmt est edt pst pdt cst cdt bst cet cest ist jst aest usd eur gbp jpy cny aud cad chf inr rub gdp gnp ' +
    'cpi ceo cfo coo cto vip iq tv pc pcs dna rna hiv aids sars covid covid-19 mers ok am pm bc ad ce bce id ' +
    'faq pdf html http https url www gps atm suv lgbt lgbtq mp mps phd mba nb ps am fm')
    .split(' '),
);

export function isNotAName(word: string): boolean {
  return NOT_NAMES.has(word.toLowerCase());
}

/** "II" in "World War II": a numeral after a name's head. */
export function isRomanNumeral(word: string): boolean {
  return /^(?:I{1,3}|IV|V|VI{1,3}|IX|X{1,3}|XI{1,3})$/.test(word);
}

/** Words of grammar, not content: determiners, prepositions, pronouns, adverbs, adjectives, openers. */
const FUNCTION_TAGS = new Set(['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'QuestionWord', 'Modal', 'Copula', 'Adjective', 'Comparative', 'Superlative', 'Negative', 'Possessive', 'Reflexive', 'Expression', 'Month', 'WeekDay', 'Cardinal', 'Ordinal', 'TextValue', 'Actor']);

export function isFunctionWord(word: string): boolean {
  return OPENERS.has(word.toLowerCase()) || isTitle(word) || tagsOf(word).some((tag) => FUNCTION_TAGS.has(tag)) || /(?:ly|ing|ed)$/.test(word);
}

export function isTitle(word: string): boolean {
  return TITLES.has(word.toLowerCase());
}

export function isOpener(word: string): boolean {
  return OPENERS.has(word.toLowerCase());
}

/** An ordinary English word by the lexicon (and not also a name, a place or an organisation). */
export function isCommonWord(word: string): boolean {
  const tags = tagsOf(word);
  if (tags.some((tag) => FIRST_NAME_TAGS.has(tag) || PLACE_TAGS.has(tag) || ORG_TAGS.has(tag) || tag === 'LastName' || tag === 'Person' || tag === 'ProperNoun')) return false;
  return OPENERS.has(word.toLowerCase()) || tags.some((tag) => COMMON_TAGS.has(tag));
}

/** The type a head word (the last word of a run) gives the whole name, if any. */
export function typeOfHead(word: string): EntityType | undefined {
  const lower = word.toLowerCase();
  if (ADMINISTRATIVE_HEADS.has(lower)) return 'place';
  if (ORGANIZATION_HEADS.has(lower)) return 'organization';
  if (PLACE_HEADS.has(lower)) return 'place';
  return undefined;
}

/** The type compromise's lexicon gives one word on its own, if any. */
export function typeOfWord(word: string): EntityType | undefined {
  const tags = tagsOf(word);
  if (tags.some((tag) => PLACE_TAGS.has(tag))) return 'place';
  if (tags.some((tag) => ORG_TAGS.has(tag))) return 'organization';
  if (tags.some((tag) => FIRST_NAME_TAGS.has(tag) || tag === 'LastName' || tag === 'Person')) return 'person';
  return undefined;
}
