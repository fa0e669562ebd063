// The computed invoice on the staff side: the preview staff see before posting
// the documents, and the check made before the action is sent, both by the same
// computation as the workflow's activity (activities/invoice.ts → domain/invoice.ts).
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { invoiceFor } from '../../activities/invoice';
import { moscowDate } from '../../domain/calendar';
import { invoiceInputSchema, InvoiceError, scopeOf, type InvoiceInput } from '../../domain/invoice';
import type { UserRecord } from '../../db/models';
import type { ApiServices } from '../context';
import { regionsInForce } from '../../db/read-models/tariffs';
import { actorOf } from './service';

/** The preview's input: the application, the region and the scope (the documents' text is not needed yet). */
export const invoicePreviewInputSchema = z.object({ id: z.uuid(), input: z.unknown() });

const refusal = (message: string, cause?: unknown) => new TRPCError({ code: 'BAD_REQUEST', message, cause });

/** The invoice the posted documents would carry, or a refusal in words. */
export async function invoicePreview(ctx: ApiServices & { user: UserRecord }, raw: { id: string; input: unknown }) {
  const parsed = invoiceInputSchema.safeParse(raw.input ?? {});
  if (!parsed.success) throw refusal(parsed.error.issues[0]!.message, parsed.error);
  return computeFor(ctx, raw.id, parsed.data, ctx.user);
}

/** Before «postContractDocuments» is sent: an invoice that cannot be computed is refused here, with the same words. */
export async function checkInvoice(ctx: ApiServices, id: string, input: InvoiceInput, user: UserRecord): Promise<void> {
  await computeFor(ctx, id, input, user);
}

async function computeFor(ctx: ApiServices, id: string, input: InvoiceInput, user: UserRecord) {
  if (!(await ctx.db.Application.count({ where: { id } }))) throw new TRPCError({ code: 'NOT_FOUND', message: 'Заявка не найдена' });
  try {
    return await invoiceFor(ctx.db, {
      applicationId: id,
      tariffRegion: input.tariffRegion,
      scope: scopeOf(input),
      correction: input.correction ?? null,
      correctedBy: input.correction ? { id: user.id, name: actorOf(user).name } : null,
    });
  } catch (error) {
    if (error instanceof InvoiceError) throw refusal(error.message);
    throw error;
  }
}

/** The regions whose tariff sets were in force on the day the application was registered: the form's choice. */
export async function invoiceRegions(ctx: ApiServices, id: string) {
  const draft = await ctx.db.ApplicationDraft.findByPk(id);
  if (!draft?.submittedAt) throw new TRPCError({ code: 'NOT_FOUND', message: 'Заявка не найдена' });
  const date = moscowDate(draft.submittedAt.getTime());
  return { date, regions: await regionsInForce(ctx.db, date) };
}
