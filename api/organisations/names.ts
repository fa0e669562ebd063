// How a case names its applicant when an organisation's employee files it: for
// whom (the organisation) — the employee who filed is the actor of the filing
// and is named beside it in the case's documents (activities/documents.ts).
import { applicantDisplayName } from '../../domain/account';
import type { Db } from '../../db';
import type { UserRecord } from '../../db/models';

/** The applicant's name a new case carries: the organisation's for its employees (an ИП's employee files for the ИП, not as one). */
export async function applicantNameOf(db: Db, user: UserRecord): Promise<string> {
  if (!user.organisationId) return applicantDisplayName(user);
  const organisation = await db.Organisation.findByPk(user.organisationId);
  return organisation?.name || applicantDisplayName(user);
}
