import type { AuditEntry, User } from '../../domain/index.ts';
import { NewsroomLayout, type NewsroomChrome } from './NewsroomLayout.tsx';
import { shownTime } from './RevisionsPage.tsx';

/** The filters as typed in the form (dates as YYYY-MM-DD), kept to fill it again and to build page links. */
export interface AuditFilters {
  action: string;
  actor: string;
  targetType: '' | 'article' | 'user';
  target: string;
  since: string;
  until: string;
}

export interface AuditPageProps extends NewsroomChrome {
  filters: AuditFilters;
  entries: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
  actions: string[];
  people: User[];
}

/** The address of a page of the log under the same filters (empty filters left out). */
export function auditPageHref(filters: AuditFilters, page: number): string {
  const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ''));
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `/newsroom/audit?${text}` : '/newsroom/audit';
}

/** The audit log, newest first: who did what to which, from where, filtered and paged. */
export function AuditPage(props: AuditPageProps) {
  const { filters, entries, total, page, pageSize, actions, people } = props;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const nameOf = new Map(people.map((person) => [String(person.id), person.name]));
  return (
    <NewsroomLayout {...props} title="Audit log">
      <h1>Audit log</h1>
      <form method="get" action="/newsroom/audit" class="filters" role="search" aria-label="Filter the audit log">
        <label>
          Action
          <select name="action">
            <option value="">Any action</option>
            {actions.map((action) => (
              <option key={action} value={action} selected={action === filters.action}>
                {action}
              </option>
            ))}
          </select>
        </label>
        <label>
          Who
          <select name="actor">
            <option value="">Anyone</option>
            {people.map((person) => (
              <option key={person.id} value={String(person.id)} selected={String(person.id) === filters.actor}>
                {`${person.name} <${person.email}>`}
              </option>
            ))}
          </select>
        </label>
        <label>
          Target
          <select name="targetType">
            <option value="">Anything</option>
            <option value="article" selected={filters.targetType === 'article'}>
              Article
            </option>
            <option value="user" selected={filters.targetType === 'user'}>
              Person
            </option>
          </select>
        </label>
        <label>
          Target id
          <input type="text" name="target" value={filters.target} inputMode="numeric" size={8} />
        </label>
        <label>
          From
          <input type="date" name="since" value={filters.since} />
        </label>
        <label>
          Until (inclusive)
          <input type="date" name="until" value={filters.until} />
        </label>
        <button type="submit">Filter</button>
      </form>
      <p role="status">
        {total === 0 ? 'No entries match.' : `${total} ${total === 1 ? 'entry' : 'entries'}; page ${page} of ${pages}, newest first.`}
      </p>
      {entries.length === 0 ? null : (
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Details</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <time dateTime={entry.at}>{shownTime(entry.at)}</time>
                </td>
                <td>{entry.actorLabel}</td>
                <td>{entry.action}</td>
                <td>
                  <Target entry={entry} nameOf={nameOf} />
                </td>
                <td>
                  <Details details={entry.details} />
                </td>
                <td>{entry.address ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 ? (
        <nav aria-label="Pages of the audit log" class="filters">
          {page > 1 ? <a href={auditPageHref(filters, page - 1)}>Newer entries</a> : null}
          {page < pages ? <a href={auditPageHref(filters, page + 1)}>Older entries</a> : null}
        </nav>
      ) : null}
    </NewsroomLayout>
  );
}

function Target({ entry, nameOf }: { entry: AuditEntry; nameOf: Map<string, string> }) {
  if (entry.targetType === null) return <>—</>;
  if (entry.targetType === 'article' && entry.targetId) {
    return <a href={`/newsroom/articles/${encodeURIComponent(entry.targetId)}/revisions`}>article {entry.targetId}</a>;
  }
  const name = entry.targetType === 'user' && entry.targetId ? nameOf.get(entry.targetId) : undefined;
  return (
    <>
      {entry.targetType} {entry.targetId}
      {name ? ` (${name})` : ''}
    </>
  );
}

/** Each detail as "name: value"; values are whatever was recorded (typed by visitors too), shown as text. */
function Details({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return null;
  return (
    <ul class="details">
      {entries.map(([key, value]) => (
        <li key={key}>
          {key}: {typeof value === 'string' ? value : JSON.stringify(value)}
        </li>
      ))}
    </ul>
  );
}
