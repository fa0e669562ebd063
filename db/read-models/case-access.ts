// The ownership rule of domain/case-access.ts (canActForApplicant) for
// queries that list or count an applicant's cases: a case of an organisation
// belongs to its current employees, any other case to its applicant. Keep the
// three forms together; representatives extend all of them here.
import { Op, type WhereOptions } from 'sequelize';
import type { ApplicantAccount } from '../../domain/case-access';

/** SQL condition on a table alias with organisation_id and applicant_id; the two parameters bind the account's id and organisation. */
export function applicantCaseSql(alias: string, accountParam: string, organisationParam: string): string {
  // organisation_id = NULL is never true: an account without an organisation reaches only its own individual cases.
  return `(${alias}.organisation_id = ${organisationParam}::uuid OR (${alias}.organisation_id IS NULL AND ${alias}.applicant_id = ${accountParam}::uuid))`;
}

/** The bind values of applicantCaseSql, in its order. */
export function applicantCaseBind(account: ApplicantAccount): [string, string | null] {
  return [account.id, account.organisationId];
}

/**
 * The ids of an organisation's cases: their notifications (addressed to the employee who filed)
 * are in the feed of every current employee, as the cases themselves are.
 */
export function organisationCaseIdsSql(organisationParam: string): string {
  return `(SELECT id FROM applications WHERE organisation_id = ${organisationParam}::uuid UNION ALL SELECT id FROM appeals WHERE organisation_id = ${organisationParam}::uuid)`;
}

/** The same condition for Sequelize finders on Application and Appeal. */
export function applicantCaseWhere(account: ApplicantAccount): WhereOptions<{ applicantId: string; organisationId: string | null }> {
  const own = { organisationId: null, applicantId: account.id };
  return account.organisationId ? { [Op.or]: [{ organisationId: account.organisationId }, own] } : own;
}
