import { ConflictError, ValidationError, type User } from '../../../domain/index.ts';
import { hashPassword, hashToken, passwordProblems } from '../../auth/index.ts';
import { audit } from '../audit.ts';
import { nowOf, type CommandContext } from '../context.ts';
import { asPerson } from './auditing.ts';
import { checkedEmail, checkedName, needsEmail } from './checks.ts';
import { linkRefused } from './links.ts';

export interface SetupInput {
  /** The raw token from the setup link. */
  token: string;
  name: string;
  /** Taken only from the first admin, whose address is still the placeholder; anyone else's stays as invited. */
  email: string;
  password: string;
  address: string | null;
}

/**
 * A person sets up their account through their setup link: their name, their first password and (the first admin
 * only) their address. The link works once; a password that is refused uses nothing up, so they can try another.
 * They are not signed in by this: the caller signs them in after.
 */
export async function completeSetup(context: CommandContext, input: SetupInput): Promise<User> {
  const now = nowOf(context);
  const tokenHash = hashToken(input.token);
  const open = await context.store.oneTimeTokens.peek(tokenHash, 'setup', now.toISOString());
  const invited = open && (await context.store.users.findById(open.userId));
  if (!invited || invited.disabled) throw linkRefused('setup');

  const name = checkedName(input.name);
  const email = needsEmail(invited) ? checkedEmail(input.email) : invited.email;
  if (email !== invited.email && (await context.store.users.findByEmail(email))) throw new ConflictError(`Someone already has the address ${email}.`);
  const problems = passwordProblems(input.password, { email, name });
  if (problems.length > 0) throw new ValidationError(problems.join(' '));
  // Hashed before the transaction: argon2 takes tens of milliseconds, which no write lock should wait for.
  const passwordHash = await hashPassword(input.password);

  return context.store.transaction(async (store) => {
    const used = await store.oneTimeTokens.consume(tokenHash, 'setup', now.toISOString());
    const user = used && used.userId === invited.id ? await store.users.findById(used.userId) : undefined;
    if (!user || user.disabled) throw linkRefused('setup');
    const at = now.toISOString();
    if (email !== user.email) {
      if (await store.users.findByEmail(email)) throw new ConflictError(`Someone already has the address ${email}.`);
      await store.users.setEmail(user.id, email, at);
    }
    if (name !== user.name) await store.users.setName(user.id, name, at);
    await store.users.setPassword(user.id, passwordHash, at);
    await store.oneTimeTokens.revokeForUser(user.id, 'setup', at);
    const done = (await store.users.findById(user.id))!;
    await audit(store, asPerson(done, input.address), now, {
      action: 'user.password_set',
      targetType: 'user',
      targetId: user.id,
      details: email === user.email ? {} : { email },
    });
    return done;
  });
}
