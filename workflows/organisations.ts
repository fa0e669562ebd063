// An organisation's invitation e-mail as a durable workflow: if SMTP is down
// when the administrator invites a colleague, the letter goes out when it is
// back, exactly once (the activity is idempotent).
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { InvitationMailRequest } from '../activities/organisations';

const { issueOrganisationInvitation } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  // An invitation lives a week (domain/organisation.ts): retrying longer would mail a dead link.
  scheduleToCloseTimeout: '7 days',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: ['InvitationNotFound'] },
});

export async function organisationInvitationMailWorkflow(request: InvitationMailRequest): Promise<string> {
  return issueOrganisationInvitation(request);
}
