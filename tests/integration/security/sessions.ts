// One throwaway account per role, so the matrices may log out everywhere or
// change a profile without touching the demo accounts other test files use.
import { cookiesOf } from '../../support/api-client';
import { loggedIn, registeredApplicant, registeredStaff } from '../../support/applicants';
import { anonymous, sessionOf, type Audience, type Session } from './router';

export interface Account {
  audience: Audience;
  /** Null for anonymous. */
  userId: string | null;
  email: string;
  session: Session;
  /** Logs in again (after a logout), replacing `session`. */
  relogin(): Promise<Session>;
}

async function account(audience: Audience): Promise<Account> {
  if (audience === 'anonymous') return { audience, userId: null, email: '', session: anonymous, relogin: async () => anonymous };
  const made = audience === 'applicant' ? await registeredApplicant() : await registeredStaff(audience);
  const result: Account = {
    audience,
    userId: made.user.id,
    email: made.email,
    session: sessionOf(audience, cookiesOf(made.client)),
    async relogin() {
      result.session = sessionOf(audience, cookiesOf(await loggedIn(made.email, made.password)));
      return result.session;
    },
  };
  return result;
}

export async function accountsForEveryRole(): Promise<Record<Audience, Account>> {
  const [anon, applicant, staff, auditor, admin, supplier] = await Promise.all((['anonymous', 'applicant', 'staff', 'auditor', 'admin', 'supplier'] as const).map(account));
  return { anonymous: anon!, applicant: applicant!, staff: staff!, auditor: auditor!, admin: admin!, supplier: supplier! };
}
