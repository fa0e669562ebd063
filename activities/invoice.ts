// The computed invoice as an activity (patch 'invoice-from-tariff'): the rules
// are pure (domain/invoice.ts), but the workflow calls them through here so the
// inputs (scope, region, correction and who made it) and the result (lines, VAT
// rate, computed total, final total) are recorded in the case's history, and a
// tariff set loaded later never changes what a running case was invoiced.
// `invoiceFor` is also the staff preview's computation (api/applications), so
// what staff see before posting is what the activity computes.
import { ApplicationFailure } from '@temporalio/activity';
import type { Db } from '../db';
import { tariffInForce } from '../db/read-models/tariffs';
import { formatRuDate, moscowDate } from '../domain/calendar';
import type { ConstructionScope } from '../domain/fees';
import { applicationFactsOf, computeInvoice, InvoiceError, type Invoice } from '../domain/invoice';

export interface InvoiceRequest {
  applicationId: string;
  tariffRegion: string;
  scope: ConstructionScope;
  correction?: { amountRub: number; reason?: string } | null;
  correctedBy?: { id: string; name: string } | null;
}

/**
 * The invoice of an application: its filed form (application_drafts.form, draft id =
 * application id), the tariff set of the region in force on the day it was registered,
 * the scope and the correction. Throws InvoiceError with words for staff.
 */
export async function invoiceFor(db: Db, request: InvoiceRequest): Promise<Invoice> {
  const draft = await db.ApplicationDraft.findByPk(request.applicationId);
  if (!draft?.submittedAt) throw new InvoiceError('Заявка не найдена среди поданных');
  const registeredOn = moscowDate(draft.submittedAt.getTime());
  const tariff = await tariffInForce(db, request.tariffRegion, registeredOn);
  if (!tariff) throw new InvoiceError(`Для региона «${request.tariffRegion}» нет тарифов, действовавших на день регистрации заявки (${formatRuDate(registeredOn)}): выберите другой регион или загрузите решение о тарифах`);
  const facts = applicationFactsOf(draft.form, request.tariffRegion, registeredOn);
  return computeInvoice({ facts, scope: request.scope, tariff, correction: request.correction ?? null, correctedBy: request.correctedBy ?? null });
}

export function createInvoiceActivities({ db }: { db: Db }) {
  return {
    /** Idempotent: it only reads; the same request on the same data gives the same invoice. */
    async computeInvoice(request: InvoiceRequest): Promise<Invoice> {
      try {
        return await invoiceFor(db, request);
      } catch (error) {
        // A gap in the data will not mend itself by retrying: the case records the refusal.
        if (error instanceof InvoiceError) throw ApplicationFailure.nonRetryable(error.message, 'InvoiceError');
        throw error;
      }
    },
  };
}
