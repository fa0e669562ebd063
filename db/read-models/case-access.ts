// The ownership rule of domain/case-access.ts (canActForApplicant) for
// queries that list or count an applicant's cases: a case of an organisation
// belongs to its current employees, any other case to its applicant, and a
// representative reaches its principals' cases too (reachOf). Keep the three
// forms together.
import { Op, type WhereOptions } from 'sequelize';
import { reachOf, type ApplicantAccount } from '../../domain/case-access';

/** SQL condition on a table alias with organisation_id and applicant_id; the two parameters bind the arrays of applicantCaseBind. */
export function applicantCaseSql(alias: string, applicantsParam: string, organisationsParam: string): string {
  return `(${alias}.organisation_id = ANY(${organisationsParam}::uuid[]) OR (${alias}.organisation_id IS NULL AND ${alias}.applicant_id = ANY(${applicantsParam}::uuid[])))`;
}

/** The bind values of applicantCaseSql, in its order. */
export function applicantCaseBind(account: ApplicantAccount): [string[], string[]] {
  const reach = reachOf(account);
  return [reach.applicantIds, reach.organisationIds];
}

/**
 * The ids of the cases of the organisations and principals the reader reaches besides its own:
 * their notifications (addressed to whoever filed) are in the feed of every current employee and
 * representative, as the cases themselves are.
 */
export function reachedCaseIdsSql(applicantsParam: string, organisationsParam: string): string {
  const where = applicantCaseSql('c', applicantsParam, organisationsParam);
  return `(SELECT c.id FROM applications c WHERE ${where} UNION ALL SELECT c.id FROM appeals c WHERE ${where})`;
}

/** The same condition for Sequelize finders on Application and Appeal. */
export function applicantCaseWhere(account: ApplicantAccount): WhereOptions<{ applicantId: string; organisationId: string | null }> {
  const { applicantIds, organisationIds } = reachOf(account);
  const own = { organisationId: null, applicantId: applicantIds.length === 1 ? applicantIds[0]! : { [Op.in]: applicantIds } };
  return organisationIds.length ? { [Op.or]: [{ organisationId: { [Op.in]: organisationIds } }, own] } : own;
}
