// The penalties of п.16 «в» in the API: the staff report of accrued penalties,
// and the grid's penalty claim of an application — the PDF the applicant (or
// staff) downloads and the complaint the applicant files with it in one click. The
// sum is the recorded assessment carried forward to today (db/read-models),
// the wording is domain/penalty-claim.ts, so the PDF and the complaint agree.
import { TRPCError } from '@trpc/server';
import type { UserRecord } from '../../db/models';
import { applicationSummary } from '../../db/read-models/applications';
import { appealFormSchema } from '../../domain/appeal';
import { accruedPenalties } from '../../db/read-models/penalties';
import { penaltyReportCsv, penaltyTotals } from '../../domain/penalty-report';
import { penaltyClaim, PenaltyClaimError, penaltyClaimText, PENALTY_CLAIM_TITLE, type PenaltyClaim } from '../../domain/penalty-claim';
import { inGroup } from '../../domain/roles';
import { authorityFor, canActForApplicant } from '../../domain/case-access';
import type { SessionUser } from '../../auth/sessions';
import { renderPenaltyClaim } from '../../documents/penalty-claim';
import { GRID_COMPANY_NAME } from '../../documents/templates';
import type { Db } from '../../db';
import { recordAccess } from '../audit/access-log';
import type { ApiServices } from '../context';
import { fileAppeal } from '../appeals/service';

export type ClaimOutcome = { ok: true; claim: PenaltyClaim; caseId: string; caseNumber: string } | { ok: false; status: 404 | 409; message: string };

const NOT_FOUND = 'Заявка не найдена';

/** The claim as of `nowMs`; staff and auditors see any case, an applicant only their own (another's is answered like a missing one). */
export async function penaltyClaimOf(db: Db, user: UserRecord, applicationId: string, nowMs = Date.now()): Promise<ClaimOutcome> {
  const staff = inGroup(user.role, 'readers');
  if (!staff && !inGroup(user.role, 'applicants')) return { ok: false, status: 404, message: NOT_FOUND };
  const row = await db.Application.findByPk(applicationId);
  if (!row || (!staff && !canActForApplicant(user, row))) return { ok: false, status: 404, message: NOT_FOUND };
  const s = applicationSummary(row);
  if (!s.penalty || !s.connectionDeadlineAt) return { ok: false, status: 409, message: 'По заявке неустойка не начислена' };
  try {
    const claim = penaltyClaim({
      gridName: GRID_COMPANY_NAME,
      applicantName: s.applicantName,
      caseNumber: s.number,
      objectAddress: s.objectAddress,
      contractConcludedAt: s.contractConcludedAt ? Date.parse(s.contractConcludedAt) : null,
      connectionDeadlineAt: Date.parse(s.connectionDeadlineAt),
      penalty: s.penalty,
      issuedAt: nowMs,
    });
    return { ok: true, claim, caseId: s.id, caseNumber: s.number };
  } catch (error) {
    if (error instanceof PenaltyClaimError) return { ok: false, status: 409, message: error.message };
    throw error;
  }
}

/** The claim's PDF; a staff member's download is an access to the applicant's data and is recorded first. */
export async function penaltyClaimPdf(db: Db, user: UserRecord, applicationId: string): Promise<{ ok: true; pdf: Uint8Array; filename: string } | Extract<ClaimOutcome, { ok: false }>> {
  const now = Date.now();
  const outcome = await penaltyClaimOf(db, user, applicationId, now);
  if (!outcome.ok) return outcome;
  if (inGroup(user.role, 'readers')) {
    await recordAccess(db, { userId: user.id, role: user.role, action: 'view-case', caseId: outcome.caseId, caseNumber: outcome.caseNumber, detail: `${PENALTY_CLAIM_TITLE} (PDF)` });
  }
  return { ok: true, pdf: await renderPenaltyClaim(outcome.claim, new Date(now)), filename: `${PENALTY_CLAIM_TITLE} ${outcome.caseNumber}.pdf` };
}

/**
 * «Подать претензию как жалобу»: the claim's text filed as an appeal of kind
 * «Жалоба» on the topic of connection, linked to the application. The client's
 * id makes a double click find the same appeal (fileAppeal).
 */
export async function fileClaimAsComplaint(services: ApiServices, applicant: UserRecord | SessionUser, input: { applicationId: string; appealId: string }) {
  const outcome = await penaltyClaimOf(services.db, applicant, input.applicationId);
  if (!outcome.ok) throw new TRPCError({ code: outcome.status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', message: outcome.message });
  const form = appealFormSchema.parse({ topic: 'connection', kind: 'complaint', text: penaltyClaimText(outcome.claim), applicationId: input.applicationId });
  // A representative files the claim for the principal whose application it is.
  const application = await services.db.Application.findByPk(outcome.caseId);
  const authority = application ? authorityFor(applicant, application) : null;
  return fileAppeal(services, applicant, input.appealId, form, { channel: 'electronic', registeredBy: null, ...(authority ? { forPoaId: authority.poaId } : {}) });
}

/** «Неустойки»: every case with a penalty, its sum as of today, the totals per liable party and the CSV. */
export async function penaltyReportFor(db: Db) {
  const { rows, truncated } = await accruedPenalties(db);
  return { asOf: new Date().toISOString(), rows, truncated, totals: penaltyTotals(rows), csv: penaltyReportCsv(rows) };
}
