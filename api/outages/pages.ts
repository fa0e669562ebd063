// What the outage procedures answer and do: the public search, a schedule
// imported from CSV, a change or cancellation of one outage, and the user's
// subscriptions with the addresses offered for them. Each is the one call of
// its procedure; changes go through api/outages/service.ts (which tells the
// warning workflow in the same transaction).
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { outageInputSchema, parseOutageCsv, suggestSubscription, type subscriptionSchema } from '../../domain/outages';
import type { Db } from '../../db';
import type { ApplicantAccount } from '../../domain/case-access';
import { applicantCaseWhere } from '../../db/read-models/case-access';
import type { ApiServices } from '../context';
import { changeOutage, findOutages, importOutages, outageView, type OutageFilter } from './service';

const isoDate = z.iso.date('Дата в формате ГГГГ-ММ-ДД');

export const outageFilterSchema = z.object({
  settlement: z.string().trim().max(200).optional(),
  street: z.string().trim().max(200).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  includeCancelled: z.boolean().optional(),
});
export const outageCsvSchema = z.object({ csv: z.string().min(1, 'Файл пуст').max(2_000_000, 'Файл больше 2 МБ') });
export const outageChangeSchema = z.object({ id: z.uuid(), outage: outageInputSchema });
export const outageCancelSchema = z.object({ id: z.uuid(), reason: z.string().trim().min(3, 'Укажите причину отмены').max(500) });

const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Отключение не найдено' });

export async function searchOutages(services: ApiServices, filter: OutageFilter) {
  return (await findOutages(services, filter)).map(outageView);
}

/** A whole schedule from CSV: every bad row is reported and nothing is saved until the file is clean. */
export async function importSchedule(services: ApiServices, csv: string, staffId: string) {
  const { outages, errors } = parseOutageCsv(csv);
  if (errors.length) return { imported: 0, errors };
  const rows = await importOutages(services, outages, staffId);
  return { imported: rows.length, errors: [] };
}

export async function updateOutage(services: ApiServices, input: z.output<typeof outageChangeSchema>) {
  const row = await changeOutage(services, input.id, (o) => {
    if (o.status === 'cancelled') throw new TRPCError({ code: 'BAD_REQUEST', message: 'Отключение отменено: изменить его нельзя, добавьте новое' });
    Object.assign(o, { ...input.outage, startsAt: new Date(input.outage.startsAt), endsAt: new Date(input.outage.endsAt) });
  });
  if (!row) throw notFound();
  return outageView(row);
}

export async function cancelOutage(services: ApiServices, input: z.output<typeof outageCancelSchema>) {
  const row = await changeOutage(services, input.id, (o) => {
    if (o.status === 'cancelled') throw new TRPCError({ code: 'BAD_REQUEST', message: 'Отключение уже отменено' });
    o.status = 'cancelled';
    o.cancelReason = input.reason;
  });
  if (!row) throw notFound();
  return outageView(row);
}

export async function subscriptionsOf(db: Db, userId: string) {
  const rows = await db.OutageSubscription.findAll({ where: { userId }, order: [['createdAt', 'ASC']] });
  return rows.map((s) => ({ id: s.id, settlement: s.settlement, street: s.street, house: s.house }));
}

/** The addresses of the user's applications, offered as subscriptions. */
export async function suggestedSubscriptions(db: Db, account: ApplicantAccount) {
  const applications = await db.Application.findAll({ where: applicantCaseWhere(account), attributes: ['objectAddress', 'number'] });
  return applications.map((a) => ({ source: `Заявка ${a.number}`, address: a.objectAddress, ...suggestSubscription(a.objectAddress) }));
}

export async function subscribe(db: Db, userId: string, input: z.output<typeof subscriptionSchema>) {
  const [row] = await db.OutageSubscription.findOrCreate({ where: { userId, ...input }, defaults: { id: randomUUID(), userId, ...input } });
  return { id: row.id };
}

export async function unsubscribe(db: Db, userId: string, id: string) {
  await db.OutageSubscription.destroy({ where: { id, userId } });
  return { ok: true };
}
