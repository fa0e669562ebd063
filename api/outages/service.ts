// The outage schedule: staff changes are saved and the warning workflow is
// told in the same transaction (signal-with-start), so a schedule is never
// half-imported and every outage has exactly one warning workflow.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'sequelize';
import { Op, type WhereOptions } from 'sequelize';
import type { OutageData } from '../../domain/outages';
import { formatStreets, normalizePlace, outagesToIcs } from '../../domain/outages';
import type { Outage } from '../../db/models';
import { planSignal, type outageWarningWorkflow } from '../../workflows/outage/workflow';
import type { ApiServices } from '../context';

export const outageWorkflowId = (id: string) => `outage-${id}`;

async function tellWorkflow(services: ApiServices, outage: Outage): Promise<void> {
  const plan = { version: outage.version, startsAt: outage.startsAt.getTime(), endsAt: outage.endsAt.getTime(), cancelled: outage.status === 'cancelled' };
  await services.temporal.workflow.signalWithStart<typeof outageWarningWorkflow, [typeof plan]>('outageWarningWorkflow', {
    taskQueue: services.taskQueue,
    workflowId: outageWorkflowId(outage.id),
    args: [{ outageId: outage.id, lead: services.terms.outageWarning, plan }],
    signal: planSignal,
    signalArgs: [plan],
  });
}

export async function importOutages(services: ApiServices, outages: OutageData[], staffId: string): Promise<Outage[]> {
  return services.db.sequelize.transaction(async (transaction) => {
    const rows: Outage[] = [];
    for (const data of outages) {
      const row = await services.db.Outage.create({ id: randomUUID(), ...data, startsAt: new Date(data.startsAt), endsAt: new Date(data.endsAt), createdBy: staffId }, { transaction });
      rows.push(row);
    }
    // Inside the transaction: if Temporal refuses one, nothing of the file is saved.
    for (const row of rows) await tellWorkflow(services, row);
    return rows;
  });
}

export async function changeOutage(services: ApiServices, id: string, change: (row: Outage, transaction: Transaction) => void): Promise<Outage | null> {
  return services.db.sequelize.transaction(async (transaction) => {
    const row = await services.db.Outage.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!row) return null;
    change(row, transaction);
    row.version += 1;
    await row.save({ transaction });
    await tellWorkflow(services, row);
    return row;
  });
}

export interface OutageFilter {
  settlement?: string;
  street?: string;
  from?: string;
  to?: string;
  includeCancelled?: boolean;
}

/** Dates are Moscow calendar days; names match loosely (case, «ё», «ул.», «г.»). */
export async function findOutages(services: ApiServices, filter: OutageFilter): Promise<Outage[]> {
  const where: WhereOptions<Outage>[] = [];
  if (filter.from) where.push({ endsAt: { [Op.gte]: new Date(`${filter.from}T00:00:00+03:00`) } });
  if (filter.to) where.push({ startsAt: { [Op.lt]: new Date(new Date(`${filter.to}T00:00:00+03:00`).getTime() + 86_400_000) } });
  if (!filter.includeCancelled) where.push({ status: 'planned' });
  const rows = await services.db.Outage.findAll({ where: { [Op.and]: where }, order: [['startsAt', 'ASC']], limit: 1000 });
  const settlement = filter.settlement ? normalizePlace(filter.settlement) : '';
  const street = filter.street ? normalizePlace(filter.street) : '';
  return rows.filter(
    (o) => (!settlement || normalizePlace(o.settlement).includes(settlement)) && (!street || o.streets.some((s) => normalizePlace(s.street).includes(street))),
  );
}

export function outageView(o: Outage) {
  return {
    id: o.id,
    district: o.district,
    settlement: o.settlement,
    streets: o.streets,
    streetsText: formatStreets(o.streets),
    startsAt: o.startsAt.toISOString(),
    endsAt: o.endsAt.toISOString(),
    reason: o.reason,
    gridObject: o.gridObject,
    status: o.status,
    cancelReason: o.cancelReason,
    version: o.version,
  };
}

/** GET /api/outages.ics?settlement=&street=&from=&to= — the filtered schedule for a calendar app. */
export async function handleOutagesIcs(services: ApiServices, req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const date = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
  const rows = await findOutages(services, {
    settlement: params.get('settlement')?.slice(0, 200) || undefined,
    street: params.get('street')?.slice(0, 200) || undefined,
    from: date(params.get('from')),
    to: date(params.get('to')),
    includeCancelled: true,
  });
  const ics = outagesToIcs(
    rows.map((o) => ({ ...outageView(o), streets: o.streets, startsAt: o.startsAt.getTime(), endsAt: o.endsAt.getTime(), updatedAt: o.updatedAt.getTime(), cancelled: o.status === 'cancelled' })),
    Date.now(),
  );
  res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': "attachment; filename=\"outages.ics\"; filename*=UTF-8''%D0%BE%D1%82%D0%BA%D0%BB%D1%8E%D1%87%D0%B5%D0%BD%D0%B8%D1%8F.ics", 'cache-control': 'no-store' });
  res.end(ics);
}
