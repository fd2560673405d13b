/**
 * The newsroom vocabulary the timeline reads with: which nouns name a happening (so a label can say
 * "ballistic-missile strike" rather than "US forces"), and which small words never start or end a label.
 */

/** Nouns that name something that happened at a time. Plurals are matched by dropping a final "s". */
export const EVENT_NOUNS = new Set(
  (
    'attack strike war invasion withdrawal drawdown pullout handover transfer election vote referendum poll peak ' +
    'end start beginning launch death crash earthquake quake storm hurricane typhoon cyclone flood fire blast ' +
    'explosion bombing shooting killing stabbing deal treaty ceasefire truce protest riot coup raid ban visit ' +
    'meeting summit talks trial verdict ruling arrest release return victory defeat win loss merger takeover ' +
    'acquisition opening closure collapse crisis outbreak pandemic epidemic surge offensive campaign resignation ' +
    'inauguration independence founding birth wedding funeral assassination massacre siege occupation ' +
    'liberation uprising revolution rebellion shutdown lockdown recession bankruptcy debut premiere final ' +
    'championship tournament olympics ceremony hearing inquiry investigation indictment conviction ' +
    'execution evacuation rescue landing eruption tsunami derailment hijacking kidnapping abduction ' +
    'boycott sale listing ipo split announcement approval removal arrival departure dismissal proposal renewal ' +
    'refusal reversal denial acquittal appeal settlement agreement accord pact speech debate caucus ' +
    'conference convention session decision retirement restructuring layoff hike'
  ).split(/\s+/),
);

/** Nouns with an event's suffix (-tion, -sion, -ment) that name a thing or a body instead. */
export const NOT_EVENTS = new Set(
  (
    'nation station position population information organization organisation administration foundation ' +
    'institution constitution coalition jurisdiction question section portion location direction condition ' +
    'commission tension pension television version division department government parliament management ' +
    'equipment apartment movement mention attention relation environment moment comment document instrument ' +
    'segment element treatment argument supplement regulation legislation situation nutrition tradition ' +
    'edition competition emission permission passion mansion dimension extension provision vision ' +
    'federation corporation association delegation generation operation region religion opinion million ' +
    'percent requirement establishment entertainment'
  ).split(/\s+/),
);

/** Words a label never starts or ends with, and that break a run of modifiers before a noun. */
export const FUNCTION_WORDS = new Set(
  (
    'a an the this that these those its their his her our your my some any each every no all both ' +
    'in on at by for from to of with without into onto over under about after before during since until till ' +
    'through throughout against among between within upon via per than as and or but nor so yet while ' +
    'amid amidst despite including near across behind beyond toward towards around along like unlike ' +
    'who whom whose which what when where why how whether if because although though ' +
    'is are was were be been being am has have had do does did will would shall should can could may might ' +
    'must not also it he she they we you i there here then now just only very more most'
  ).split(/\s+/),
);

/** Verbs of saying: the news they introduce follows them ("announced on Sunday that … a full withdrawal"). */
export const REPORTING_VERBS = new Set(
  'said says announced announces told reported reports confirmed confirms stated states declared declares added'.split(' '),
);

/** Sentence adverbs and connectives that open a clause but say nothing of the event ("Notably, …"). */
export const OPENERS = new Set(
  (
    'notably however meanwhile also additionally furthermore moreover previously earlier later then since ' +
    'when after before while as because although though still yet and but so'
  ).split(/\s+/),
);
