import { actorRole, actorUserId, ForbiddenError, ROLES, type Actor, type Article, type Role } from '../domain/index.ts';

/**
 * Who may do what: the one place that says it. Every newsroom route and every command asks here (`can`,
 * `authorize`); nothing else compares roles. The README's roles table is rendered from `POLICY` (policyTable).
 */

export type ArticleAction = 'create' | 'view' | 'edit' | 'submit' | 'review' | 'publish' | 'schedule' | 'unpublish' | 'spike' | 'restore';
export type DeskAction = 'manage_people' | 'manage_sections' | 'manage_feeds' | 'manage_settings' | 'read_audit';
export type Action = ArticleAction | DeskAction;

/**
 * How far a role's grant reaches. `own_draft`: articles the person created, while drafts; `own_open`: theirs,
 * while drafts or waiting for review; `own`: theirs, unless spiked; `own_spiked`: theirs, spiked; `any`: every
 * article.
 */
export type Reach = 'any' | 'own' | 'own_open' | 'own_draft' | 'own_spiked' | 'none';

export interface PolicyRule {
  actions: readonly Action[];
  /** As the README's table says it. */
  label: string;
  reach: Readonly<Record<Role, Reach>>;
}

const everyone = (reach: Reach): Record<Role, Reach> => ({ contributor: reach, writer: reach, editor: reach, admin: reach });
const desk = (reach: Reach): Record<Role, Reach> => ({ contributor: reach, writer: reach, editor: 'any', admin: 'any' });

export const POLICY: readonly PolicyRule[] = [
  { actions: ['create'], label: 'create an article', reach: everyone('any') },
  { actions: ['view'], label: 'open articles in the newsroom (and their revisions)', reach: desk('own') },
  // A writer may keep polishing while an article waits for review; a contributor hands it over when submitting.
  { actions: ['edit'], label: 'edit an article', reach: { contributor: 'own_draft', writer: 'own_open', editor: 'any', admin: 'any' } },
  { actions: ['submit'], label: 'submit a draft for review', reach: desk('own_draft') },
  { actions: ['review'], label: "review others' articles (approve or send back)", reach: desk('none') },
  { actions: ['publish', 'schedule', 'unpublish'], label: 'publish, schedule, unpublish', reach: desk('none') },
  { actions: ['spike'], label: 'spike (a recoverable delete)', reach: desk('own_draft') },
  { actions: ['restore'], label: 'restore a spiked article', reach: desk('own_spiked') },
  {
    actions: ['manage_people', 'manage_sections', 'manage_feeds', 'manage_settings', 'read_audit'],
    label: 'people, roles, sections, feeds, settings, audit log',
    reach: { contributor: 'none', writer: 'none', editor: 'none', admin: 'any' },
  },
];

const RULE_BY_ACTION = new Map<Action, PolicyRule>(POLICY.flatMap((rule) => rule.actions.map((action) => [action, rule] as const)));

/** What the policy needs of an article: whose it is and where it stands. */
export type PolicyArticle = Pick<Article, 'ownerId' | 'workflowState'>;

function reaches(reach: Reach, actor: Actor, article: PolicyArticle | undefined): boolean {
  if (reach === 'any') return true;
  if (reach === 'none' || article === undefined) return false;
  const own = article.ownerId !== null && article.ownerId === actorUserId(actor);
  if (!own) return false;
  switch (reach) {
    case 'own':
      return article.workflowState !== 'spiked';
    case 'own_draft':
      return article.workflowState === 'draft';
    case 'own_open':
      return article.workflowState === 'draft' || article.workflowState === 'in_review';
    case 'own_spiked':
      return article.workflowState === 'spiked';
  }
}

/** Whether `actor` may do `action` (to `article`, for the article actions other than create). */
export function can(actor: Actor, action: Action, article?: PolicyArticle): boolean {
  if (actor.kind === 'person' && actor.user.disabled) return false;
  const rule = RULE_BY_ACTION.get(action);
  return rule !== undefined && reaches(rule.reach[actorRole(actor)], actor, article);
}

/** As `can`, but refuses with a ForbiddenError saying what was refused, in the words of the table. */
export function authorize(actor: Actor, action: Action, article?: PolicyArticle): void {
  if (can(actor, action, article)) return;
  const rule = RULE_BY_ACTION.get(action);
  const reach = rule?.reach[actorRole(actor)] ?? 'none';
  const what = rule?.label ?? action;
  const limit = reach === 'none' ? '' : ` (a ${actorRole(actor)} may do that only to ${REACH_WORDS[reach]})`;
  throw new ForbiddenError(`You are not allowed to ${what}${article ? ' here' : ''}${limit}.`);
}

const REACH_WORDS: Record<Reach, string> = {
  any: 'any article',
  own: 'their own articles',
  own_open: 'their own drafts and articles waiting for review',
  own_draft: 'their own drafts',
  own_spiked: 'their own spiked articles',
  none: 'nothing',
};

/** The table people read: one row a rule, one column a role ("✓", "own drafts", "—"). */
export function policyTable(): string {
  const cell = (reach: Reach) => (reach === 'any' ? '✓' : reach === 'none' ? '—' : REACH_WORDS[reach].replace(/^their /, ''));
  const lines = [
    `| action | ${ROLES.join(' | ')} |`,
    `|---|${ROLES.map(() => '---').join('|')}|`,
    ...POLICY.map((rule) => `| ${rule.label} | ${ROLES.map((role) => cell(rule.reach[role])).join(' | ')} |`),
  ];
  return lines.join('\n');
}
