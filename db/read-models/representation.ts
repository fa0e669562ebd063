// Who filed a case for its applicant (db/migrations/0025_powers_of_attorney.ts):
// read by the documents and notices that name both parties (activities/).
import type { IsoDate } from '../../domain/calendar';
import type { Db } from '..';
import { queryRows } from '../statements';

/** Who filed a case for its applicant, for the documents and notices that name both (null: the applicant filed it). */
export async function representationOf(db: Pick<Db, 'pool'>, caseId: string) {
  const [row] = await queryRows<{ applicantId: string; principalName: string; representativeName: string; representativeId: string; number: string; issuedOn: IsoDate; inForce: boolean }>(
    db,
    `SELECT r.applicant_id AS "applicantId", p.principal_name AS "principalName", p.representative_name AS "representativeName", p.representative_id AS "representativeId", p.number,
            p.issued_on::text AS "issuedOn",
            (p.verified_at IS NOT NULL AND p.revoked_at IS NULL AND (now() AT TIME ZONE 'Europe/Moscow')::date BETWEEN p.issued_on AND p.valid_until) AS "inForce"
       FROM case_representations r JOIN powers_of_attorney p ON p.id = r.power_of_attorney_id WHERE r.case_id = $1`,
    [caseId],
  );
  return row ?? null;
}
