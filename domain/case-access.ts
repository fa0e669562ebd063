// Whose case it is, and who may see and act on it as its applicant: the one
// rule every applicant-side read and action goes through (api/, db/read-models/
// case-access.ts mirrors it in SQL for lists). A company's or an ИП's cases
// belong to the organisation, not to the employee who filed them: every
// current employee acts on them, and an employee removed from the organisation
// loses them at once. A case of nobody's organisation belongs to its applicant.
// A representative acts on the cases of each principal whose power of attorney
// is in force (domain/representation.ts), read with the session, so expiry and
// revocation take effect on the next request.
import type { Authority } from './representation';

/** The account asking, as far as ownership goes (a UserRecord fits; the session's user also carries its authorities). */
export interface ApplicantAccount {
  id: string;
  organisationId: string | null;
  /** The powers of attorney in force that name this account as representative. */
  representing?: readonly Authority[];
}

/** Who a case belongs to (an application or appeal row fits). */
export interface CaseParties {
  applicantId: string;
  /** The applicant's organisation when the case was filed; null for an individual. */
  organisationId: string | null;
}

function owns(account: { id: string; organisationId: string | null }, c: CaseParties): boolean {
  if (c.organisationId !== null) return account.organisationId === c.organisationId;
  return c.applicantId === account.id;
}

/** The authority by which the account acts on the case for someone else; null when it is the account's own case or none of its business. */
export function authorityFor(account: ApplicantAccount, c: CaseParties): Authority | null {
  if (owns(account, c)) return null;
  return account.representing?.find((a) => owns({ id: a.principalId, organisationId: a.organisationId }, c)) ?? null;
}

export function canActForApplicant(account: ApplicantAccount, c: CaseParties): boolean {
  return owns(account, c) || authorityFor(account, c) !== null;
}

/** The applicants and organisations whose cases the account reaches: its own and its principals'. */
export function reachOf(account: ApplicantAccount): { applicantIds: string[]; organisationIds: string[] } {
  const principals = account.representing ?? [];
  return {
    applicantIds: [account.id, ...principals.filter((a) => a.organisationId === null).map((a) => a.principalId)],
    organisationIds: [...(account.organisationId ? [account.organisationId] : []), ...principals.flatMap((a) => (a.organisationId ? [a.organisationId] : []))],
  };
}
