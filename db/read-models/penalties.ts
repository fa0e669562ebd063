// The read side of the penalties of п.16 «в»: every case with a recorded
// assessment, its sum carried forward to today (applicationSummary does that
// with domain/penalties.ts). Reads the partial index applications_penalty_idx.
import { Op } from 'sequelize';
import type { PenaltyReportRow } from '../../domain/penalty-report';
import type { Db } from '..';
import { applicationSummary } from './applications';

/** More than any grid has open at once; the report says when it was cut. */
export const PENALTY_REPORT_LIMIT = 5000;

export async function accruedPenalties(db: Db): Promise<{ rows: PenaltyReportRow[]; truncated: boolean }> {
  const found = await db.Application.findAll({
    where: { penalty: { [Op.ne]: null } },
    order: [['connectionDeadlineAt', 'ASC'], ['id', 'ASC']],
    limit: PENALTY_REPORT_LIMIT + 1,
  });
  const rows: PenaltyReportRow[] = [];
  for (const model of found.slice(0, PENALTY_REPORT_LIMIT)) {
    const s = applicationSummary(model);
    if (!s.penalty) continue;
    rows.push({ id: s.id, number: s.number, applicantName: s.applicantName, objectAddress: s.objectAddress, lateParty: s.lateParty, connectionDeadlineAt: s.connectionDeadlineAt, penalty: s.penalty });
  }
  return { rows, truncated: found.length > PENALTY_REPORT_LIMIT };
}
