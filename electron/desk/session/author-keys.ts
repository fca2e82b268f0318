/**
 * The hub credentials this counter holds, in memory only, for the people whose actions wait in
 * its outbox: the interactive session of an online login and the push key the hub issued with
 * it (unsealed again by the password at an offline login or an approval). The hub applies a
 * mutation only when it arrives with its own author's credential; a person with none here has
 * their mutations wait, visibly, until they next log in at this counter.
 */
export interface AuthorCredential {
  sessionToken: string | null;
  pushKey: string | null;
}

export class AuthorKeys {
  private readonly byUser = new Map<string, AuthorCredential>();

  /** What a login or an approval brought; a newer credential replaces the older one. */
  remember(username: string, credential: Partial<AuthorCredential>): void {
    const known = this.byUser.get(username) ?? { sessionToken: null, pushKey: null };
    this.byUser.set(username, {
      sessionToken: credential.sessionToken ?? known.sessionToken,
      pushKey: credential.pushKey ?? known.pushKey,
    });
  }

  /** Credentials to push this person's mutations with, best first. */
  tokensFor(username: string): string[] {
    const c = this.byUser.get(username);
    return c ? [c.sessionToken, c.pushKey].filter((t): t is string => t !== null) : [];
  }

  /** The hub refused this token (expired, ended, disabled): never send it again. */
  forget(username: string, token: string): void {
    const c = this.byUser.get(username);
    if (!c) return;
    if (c.sessionToken === token) c.sessionToken = null;
    if (c.pushKey === token) c.pushKey = null;
  }

  /** Logout: the interactive session is over; the push key still uploads what they did here. */
  endSession(username: string): string | null {
    const c = this.byUser.get(username);
    const token = c?.sessionToken ?? null;
    if (c) c.sessionToken = null;
    return token;
  }

  /** A disabled account or a wiped counter: nothing of theirs goes out any more. */
  drop(username: string): void {
    this.byUser.delete(username);
  }

  clear(): void {
    this.byUser.clear();
  }
}
