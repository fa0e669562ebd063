// Account e-mails as durable workflows: if SMTP is down when someone registers,
// the letter goes out when it is back, exactly once (the activity is idempotent).
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { CredentialsRequest } from '../activities/accounts';

const { issueCredentials, notifyExistingAccount } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  // Retry for as long as a mail outage can reasonably last, backing off to once a minute.
  scheduleToCloseTimeout: '7 days',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: ['UserNotFound'] },
});

/** Registration (online or at the office) and password recovery: a one-time password by e-mail. */
export async function credentialsMailWorkflow(request: CredentialsRequest): Promise<string> {
  return issueCredentials(request);
}

/** Someone tried to register an e-mail or identifier that already has an account: tell its owner, not the screen. */
export async function existingAccountMailWorkflow(request: { userId: string; requestId: string; matched: 'email' | 'identifier' }): Promise<string> {
  return notifyExistingAccount(request);
}
