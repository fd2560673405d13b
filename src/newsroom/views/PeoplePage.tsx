import { ROLES, type User } from '../../domain/index.ts';
import { CsrfField, NewsroomLayout, Notice, type NewsroomChrome } from './NewsroomLayout.tsx';
import { shownTime } from './RevisionsPage.tsx';

/** A one-time link just made: shown on this page once, never stored in the clear, never shown again. */
export interface HandedLink {
  /** Who it is for. */
  name: string;
  purpose: 'setup' | 'reset';
  link: string;
  expiresAt: string;
  /** For an invitation: whether the mail went out (otherwise the admin passes the link on). */
  mailed?: boolean;
}

export interface InviteValues {
  email: string;
  name: string;
  role: string;
}

export interface PeoplePageProps extends NewsroomChrome {
  people: User[];
  /** Open setup links by person: an invited person's invitation, and when it runs out. */
  openSetups: Map<number, string>;
  pendingResets: { name: string; email: string; createdAt: string; expiresAt: string }[];
  handed?: HandedLink | null;
  invite: InviteValues;
  problem?: string | null;
  notice?: string | null;
}

export const NO_INVITE: InviteValues = { email: '', name: '', role: 'writer' };

export function PeoplePage(props: PeoplePageProps) {
  const { people, openSetups, pendingResets, handed, invite, csrf, user } = props;
  return (
    <NewsroomLayout {...props} title="People">
      <h1>People</h1>
      <Notice problem={props.problem} notice={props.notice} />
      {handed ? <Handed handed={handed} /> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">State</th>
            <th scope="col">Last change</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <td>
                {person.name}
                <br />
                <span class="hint">{person.email}</span>
              </td>
              <td>
                <form method="post" action={`/newsroom/people/${person.id}/role`}>
                  <CsrfField csrf={csrf} />
                  <label class="visually-hidden" for={`role-${person.id}`}>
                    Role of {person.name}
                  </label>
                  <select name="role" id={`role-${person.id}`}>
                    {ROLES.map((role) => (
                      <option key={role} value={role} selected={role === person.role}>
                        {role}
                      </option>
                    ))}
                  </select>
                  <button type="submit" class="quiet">
                    Change role
                  </button>
                </form>
              </td>
              <td>
                <StateOf person={person} setupExpiresAt={openSetups.get(person.id)} />
              </td>
              <td>
                <time dateTime={person.updatedAt}>{shownTime(person.updatedAt)}</time>
              </td>
              <td>
                {person.id === user?.id ? null : (
                  <form method="post" action={`/newsroom/people/${person.id}/disabled`}>
                    <CsrfField csrf={csrf} />
                    <input type="hidden" name="disabled" value={person.disabled ? '0' : '1'} />
                    <button type="submit" class="quiet">
                      {person.disabled ? 'Enable' : 'Disable'} {person.name}
                    </button>
                  </form>
                )}
                {person.disabled ? null : (
                  <form method="post" action={`/newsroom/people/${person.id}/reset-link`}>
                    <CsrfField csrf={csrf} />
                    <button type="submit" class="quiet">
                      {person.passwordSetAt === null ? 'New setup link' : 'Reset link'} for {person.name}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="invite">Invite someone</h2>
      <form method="post" action="/newsroom/people/invite" class="stacked">
        <CsrfField csrf={csrf} />
        <label>
          Email
          <input type="email" name="email" value={invite.email} required autoComplete="off" />
        </label>
        <label>
          Name <span class="hint">as shown on bylines and in the audit log</span>
          <input type="text" name="name" value={invite.name} required maxLength={100} autoComplete="off" />
        </label>
        <label>
          Role
          <select name="role">
            {ROLES.map((role) => (
              <option key={role} value={role} selected={role === invite.role}>
                {role}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Invite</button>
      </form>

      <h2 id="resets">Pending password resets</h2>
      {pendingResets.length === 0 ? (
        <p>No reset link is waiting to be used.</p>
      ) : (
        <ul>
          {pendingResets.map((reset) => (
            <li key={`${reset.email}-${reset.createdAt}`}>
              {reset.name} <span class="hint">({reset.email})</span>: asked <time dateTime={reset.createdAt}>{shownTime(reset.createdAt)}</time>, link
              works until <time dateTime={reset.expiresAt}>{shownTime(reset.expiresAt)}</time>
            </li>
          ))}
        </ul>
      )}

      <h2 id="sessions">Your sessions</h2>
      <form method="post" action="/newsroom/sign-out-everywhere">
        <CsrfField csrf={csrf} />
        <p class="hint">Ends every session of yours, on every device, this one included (after a lost phone, say).</p>
        <button type="submit" class="quiet">
          Sign out everywhere
        </button>
      </form>
    </NewsroomLayout>
  );
}

function StateOf({ person, setupExpiresAt }: { person: User; setupExpiresAt: string | undefined }) {
  if (person.disabled) return <>disabled</>;
  if (person.passwordSetAt !== null) return <>active</>;
  return setupExpiresAt ? (
    <>
      invited; the link works until <time dateTime={setupExpiresAt}>{shownTime(setupExpiresAt)}</time>
    </>
  ) : (
    <>invited; the link has run out (make a new one)</>
  );
}

function Handed({ handed }: { handed: HandedLink }) {
  const what = handed.purpose === 'setup' ? `${handed.name}’s setup link` : `${handed.name}’s password reset link`;
  const mail = handed.mailed === undefined ? 'Pass it on yourself.' : handed.mailed ? 'It was also mailed to them.' : 'It could not be mailed: pass it on yourself.';
  return (
    <section class="notice" role="status" aria-labelledby="handed-title">
      <h2 id="handed-title">{what}</h2>
      <p>
        It is shown only this once, works once, and until {shownTime(handed.expiresAt)}. {mail}
      </p>
      <p class="one-time-link">
        <a href={handed.link}>{handed.link}</a>
      </p>
    </section>
  );
}
