import { CsrfField, NewsroomLayout, Notice, type NewsroomChrome } from './NewsroomLayout.tsx';

interface FormPage extends NewsroomChrome {
  problem?: string | null;
  notice?: string | null;
}

export function SignInPage(props: FormPage & { email: string; next: string | null }) {
  return (
    <NewsroomLayout {...props} title="Sign in">
      <h1>Sign in</h1>
      <Notice problem={props.problem} notice={props.notice} />
      <form class="stacked" method="post" action="/newsroom/sign-in">
        <CsrfField csrf={props.csrf} />
        {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
        <label>
          Email
          <input type="email" name="email" autocomplete="username" required value={props.email} />
        </label>
        <label>
          Password
          <input type="password" name="password" autocomplete="current-password" required />
        </label>
        <p>
          <button type="submit">Sign in</button>
        </p>
      </form>
      <p>
        <a href="/newsroom/forgot">Forgot your password?</a>
      </p>
    </NewsroomLayout>
  );
}

/** Setting a first password (the first admin, an invited person) or a new one (a reset link). */
export function PasswordPage(
  props: FormPage & { purpose: 'setup' | 'reset'; token: string; name: string; email: string | null; emailEditable: boolean },
) {
  const setup = props.purpose === 'setup';
  const title = setup ? 'Set up your account' : 'Choose a new password';
  return (
    <NewsroomLayout {...props} title={title}>
      <h1>{title}</h1>
      <Notice problem={props.problem} notice={props.notice} />
      <form class="stacked" method="post" action={`/newsroom/${props.purpose}/${props.token}`}>
        <CsrfField csrf={props.csrf} />
        {setup ? (
          <label>
            Your name
            <input type="text" name="name" autocomplete="name" required maxLength={100} value={props.name} />
          </label>
        ) : null}
        {setup && props.emailEditable ? (
          <label>
            Email
            <input type="email" name="email" autocomplete="email" required value={props.email ?? ''} />
          </label>
        ) : (
          <input type="hidden" name="email" value={props.email ?? ''} autocomplete="username" />
        )}
        <label>
          Password
          <span class="hint" id="password-hint">
            At least 12 characters. A few unrelated words make a strong one; common passwords are refused.
          </span>
          <input type="password" name="password" autocomplete="new-password" required minLength={12} aria-describedby="password-hint" />
        </label>
        <label>
          The same password again
          <input type="password" name="confirm" autocomplete="new-password" required minLength={12} />
        </label>
        <p>
          <button type="submit">{setup ? 'Create my account' : 'Save the new password'}</button>
        </p>
      </form>
    </NewsroomLayout>
  );
}

export function ForgotPage(props: FormPage & { email: string }) {
  return (
    <NewsroomLayout {...props} title="Forgot your password">
      <h1>Forgot your password?</h1>
      <Notice problem={props.problem} notice={props.notice} />
      <form class="stacked" method="post" action="/newsroom/forgot">
        <CsrfField csrf={props.csrf} />
        <label>
          Your email
          <input type="email" name="email" autocomplete="username" required value={props.email} />
        </label>
        <p>
          <button type="submit">Send me a link</button>
        </p>
      </form>
      <p>
        <a href="/newsroom/sign-in">Back to sign in</a>
      </p>
    </NewsroomLayout>
  );
}

/** A link that cannot be used (unknown, used, expired): said plainly, with the way forward. */
export function LinkGonePage(props: NewsroomChrome & { purpose: 'setup' | 'reset' }) {
  return (
    <NewsroomLayout {...props} title="This link no longer works">
      <h1>This link no longer works</h1>
      <p>
        {props.purpose === 'setup'
          ? 'Set-up links work once and for a few days. Ask an administrator for a new one.'
          : 'Reset links work once and for an hour.'}
      </p>
      <p>
        <a href={props.purpose === 'setup' ? '/newsroom/sign-in' : '/newsroom/forgot'}>
          {props.purpose === 'setup' ? 'Go to sign in' : 'Ask for a new reset link'}
        </a>
      </p>
    </NewsroomLayout>
  );
}
