// Whose case it is, and who may see and act on it as its applicant: the one
// rule every applicant-side read and action goes through (api/, db/read-models/
// case-access.ts mirrors it in SQL for lists). A company's or an ИП's cases
// belong to the organisation, not to the employee who filed them: every
// current employee acts on them, and an employee removed from the organisation
// loses them at once. A case of nobody's organisation belongs to its applicant.
// Representatives (powers of attorney) extend this function, nothing else.

/** The account asking, as far as ownership goes (a UserRecord fits). */
export interface ApplicantAccount {
  id: string;
  organisationId: string | null;
}

/** Who a case belongs to (an application or appeal row fits). */
export interface CaseParties {
  applicantId: string;
  /** The applicant's organisation when the case was filed; null for an individual. */
  organisationId: string | null;
}

export function canActForApplicant(account: ApplicantAccount, c: CaseParties): boolean {
  if (c.organisationId !== null) return account.organisationId === c.organisationId;
  return c.applicantId === account.id;
}
