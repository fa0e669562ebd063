// «График плановых отключений»: open search, staff import and edits, subscriptions.
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { outageInputSchema, parseOutageCsv, subscriptionSchema, suggestSubscription } from '../../domain/outages';
import { changeOutage, findOutages, importOutages, outageView } from './service';
import { authedProcedure, publicProcedure, groupProcedure, router } from '../trpc';

const staff = groupProcedure('staff');
const isoDate = z.iso.date('Дата в формате ГГГГ-ММ-ДД');
const filter = z.object({
  settlement: z.string().trim().max(200).optional(),
  street: z.string().trim().max(200).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  includeCancelled: z.boolean().optional(),
});

export const outagesRouter = router({
  search: publicProcedure.input(filter).query(async ({ ctx, input }) => (await findOutages(ctx, input)).map(outageView)),

  /** A whole schedule from CSV: every bad row is reported and nothing is saved until the file is clean. */
  import: staff.input(z.object({ csv: z.string().min(1, 'Файл пуст').max(2_000_000, 'Файл больше 2 МБ') })).mutation(async ({ ctx, input }) => {
    const { outages, errors } = parseOutageCsv(input.csv);
    if (errors.length) return { imported: 0, errors };
    const rows = await importOutages(ctx, outages, ctx.user.id);
    return { imported: rows.length, errors: [] };
  }),

  update: staff.input(z.object({ id: z.uuid(), outage: outageInputSchema })).mutation(async ({ ctx, input }) => {
    const row = await changeOutage(ctx, input.id, (o) => {
      if (o.status === 'cancelled') throw new TRPCError({ code: 'BAD_REQUEST', message: 'Отключение отменено: изменить его нельзя, добавьте новое' });
      Object.assign(o, { ...input.outage, startsAt: new Date(input.outage.startsAt), endsAt: new Date(input.outage.endsAt) });
    });
    if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'Отключение не найдено' });
    return outageView(row);
  }),

  cancel: staff.input(z.object({ id: z.uuid(), reason: z.string().trim().min(3, 'Укажите причину отмены').max(500) })).mutation(async ({ ctx, input }) => {
    const row = await changeOutage(ctx, input.id, (o) => {
      if (o.status === 'cancelled') throw new TRPCError({ code: 'BAD_REQUEST', message: 'Отключение уже отменено' });
      o.status = 'cancelled';
      o.cancelReason = input.reason;
    });
    if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'Отключение не найдено' });
    return outageView(row);
  }),

  subscriptions: authedProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db.OutageSubscription.findAll({ where: { userId: ctx.user.id }, order: [['createdAt', 'ASC']] });
    return rows.map((s) => ({ id: s.id, settlement: s.settlement, street: s.street, house: s.house }));
  }),

  /** The addresses of the user's applications, offered as subscriptions. */
  suggestions: authedProcedure.query(async ({ ctx }) => {
    const applications = await ctx.db.Application.findAll({ where: { applicantId: ctx.user.id }, attributes: ['objectAddress', 'number'] });
    return applications.map((a) => ({ source: `Заявка ${a.number}`, address: a.objectAddress, ...suggestSubscription(a.objectAddress) }));
  }),

  subscribe: authedProcedure.input(subscriptionSchema).mutation(async ({ ctx, input }) => {
    const [row] = await ctx.db.OutageSubscription.findOrCreate({ where: { userId: ctx.user.id, ...input }, defaults: { id: randomUUID(), userId: ctx.user.id, ...input } });
    return { id: row.id };
  }),

  unsubscribe: authedProcedure.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    await ctx.db.OutageSubscription.destroy({ where: { id: input.id, userId: ctx.user.id } });
    return { ok: true };
  }),
});
