// Activities of the account workflows: issue one-time passwords and e-mail them.
// The password is created here, never in workflow code, so it does not enter
// the Temporal history; only its argon2 hash reaches the database.
import { ApplicationFailure, Context } from '@temporalio/activity';
import { applicantDisplayName } from '../domain/account';
import { hashPassword } from '../auth/password';
import { generateOneTimePassword } from '../auth/tokens';
import type { Db } from '../db';
import { sendOnce, type Mailer } from './mailer';
import { credentialsMail, existingAccountMail, recoveryMail } from './mail-templates';

export const RECOVERY_PASSWORD_MINUTES = 60;

export interface AccountActivityDeps {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
}

export interface CredentialsRequest {
  userId: string;
  /** Unique per request: the idempotency key of its e-mail. */
  requestId: string;
  reason: 'registration' | 'recovery';
}

export function createAccountActivities({ db, mailer, publicUrl }: AccountActivityDeps) {
  const loginUrl = `${publicUrl}/login`;

  async function findUser(userId: string) {
    const user = await db.User.findByPk(userId);
    if (user) return user;
    // The API starts the workflow inside the transaction that creates the user:
    // wait for its commit a few times, then accept that it was rolled back.
    if (Context.current().info.attempt >= 5) throw ApplicationFailure.nonRetryable(`user ${userId} does not exist`, 'UserNotFound');
    throw ApplicationFailure.retryable(`user ${userId} not committed yet`, 'UserNotYetCommitted');
  }

  return {
    async issueCredentials(req: CredentialsRequest): Promise<'sent' | 'already-sent' | 'skipped'> {
      const user = await findUser(req.userId);
      const key = `credentials:${req.requestId}`;
      const outbox = await db.MailOutbox.findByPk(key);
      if (outbox?.status === 'sent') return 'already-sent';
      if (user.blockedAt) return 'skipped';
      // A retry after the owner already chose a password must not reset it.
      if (req.reason === 'registration' && user.passwordChangedAt) return 'skipped';

      const password = generateOneTimePassword();
      const passwordHash = await hashPassword(password);
      const name = applicantDisplayName(user);
      if (req.reason === 'registration') {
        await user.update({ passwordHash, mustChangePassword: true });
        return sendOnce(db, mailer, key, credentialsMail({ to: user.email, name, password, loginUrl, byStaff: Boolean(user.registeredBy) }));
      }
      // Recovery keeps the old password working: a stranger asking for a reset cannot lock the owner out.
      await user.update({ tempPasswordHash: passwordHash, tempPasswordExpiresAt: new Date(Date.now() + RECOVERY_PASSWORD_MINUTES * 60_000) });
      return sendOnce(db, mailer, key, recoveryMail({ to: user.email, name, password, loginUrl, validMinutes: RECOVERY_PASSWORD_MINUTES }));
    },

    async notifyExistingAccount(req: { userId: string; requestId: string; matched: 'email' | 'identifier' }): Promise<'sent' | 'already-sent'> {
      const user = await findUser(req.userId);
      const name = applicantDisplayName(user);
      return sendOnce(db, mailer, `existing-account:${req.requestId}`, existingAccountMail({ to: user.email, name, matched: req.matched, loginUrl }));
    },
  };
}

export type AccountActivities = ReturnType<typeof createAccountActivities>;
