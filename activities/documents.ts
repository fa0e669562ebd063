// Publishing the documents of a stage: render from the application's data,
// store content-addressed, record once per (case, event, kind).
import { randomUUID } from 'node:crypto';
import { CATEGORY_LABELS, SUPPLIERS, type ApplicationForm, type Category } from '../domain/application';
import { applicantDisplayName } from '../domain/account';
import { connectionKindLine } from '../domain/connection-kind';
import { documentTitle, type GeneratedDocKind } from '../documents/kinds';
import { renderDocument } from '../documents/pdf';
import type { DocumentData } from '../documents/templates';
import { formatTerm, type TermSpec } from '../domain/regulations';
import type { DocumentStore } from '../documents/store';
import type { Db } from '../db';
import { createCalendarCache } from '../db/read-models/calendars';
import { formatRuDate, provisionalDeadlineNote } from '../domain/calendar';
import { representationOf } from '../db/read-models/representation';
import { asInvoice } from '../domain/invoice';
import { asPaymentSchedule } from '../documents/payment-schedule-block';
import { paymentRequisitesAt } from '../db/read-models/payment-requisites';

export interface DocumentActivityDeps {
  db: Db;
  store: DocumentStore;
}

export interface PublishRequest {
  caseId: string;
  seq: number;
  /** The stage the documents complete. */
  stage: string;
  kinds: GeneratedDocKind[];
  fields: Record<string, unknown>;
  issuedAt: number;
}

export interface PublishedDocument {
  id: string;
  kind: GeneratedDocKind;
  title: string;
  sha256: string;
}

function printable(fields: Record<string, unknown>): DocumentData['fields'] {
  const out: DocumentData['fields'] = {};
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = v as string[];
    // A term ({amount, unit}) prints as words: «4 месяца».
    else if (v && typeof v === 'object' && 'amount' in v && 'unit' in v) out[`${k}Text`] = formatTerm(v as TermSpec);
  }
  return out;
}

export function createDocumentActivities({ db, store }: DocumentActivityDeps) {
  const calendars = createCalendarCache(db);
  /** « (предварительно: …)» for a deadline in a year whose calendar has no decree yet, printed after the date. */
  async function deadlineNote(fields: Record<string, unknown>): Promise<Record<string, string>> {
    const at = typeof fields.deadline === 'string' ? Date.parse(fields.deadline) : NaN;
    if (!Number.isFinite(at)) return {};
    const note = provisionalDeadlineNote(at, await calendars.current());
    return note ? { deadlineNote: note } : {};
  }

  return {
    async publishDocuments(req: PublishRequest): Promise<PublishedDocument[]> {
      const draft = await db.ApplicationDraft.findByPk(req.caseId);
      if (!draft) throw new Error(`application ${req.caseId} has no submitted form`);
      // A case a representative filed is the principal's: the documents name the principal as applicant and the representative beside.
      const representation = await representationOf(db, req.caseId);
      const applicantId = representation?.applicantId ?? draft.userId;
      const [user, filed] = await Promise.all([db.User.findByPk(applicantId), db.Application.findByPk(req.caseId, { attributes: ['organisationId'] })]);
      if (!user) throw new Error(`applicant ${applicantId} not found`);
      const representative = representation ? { representative: `${representation.representativeName}, доверенность № ${representation.number} от ${formatRuDate(representation.issuedOn)}` } : {};
      // An organisation's case names the organisation and the employee who filed it, even after that employee left
      // (the receipt is published before the case's first projection: then the filer's organisation is the case's).
      const organisationId = filed ? filed.organisationId : user.organisationId;
      const organisation = organisationId ? await db.Organisation.findByPk(organisationId) : null;
      const form = draft.form as unknown as ApplicationForm;
      // The requisites in force at the invoice's issue instant (not at the moment this runs): a retry or a
      // later change by an admin never alters what an issued invoice says; the version is kept on its row.
      const requisites = req.kinds.includes('invoice') ? await paymentRequisitesAt(db, new Date(req.issuedAt)) : null;
      const data: DocumentData = {
        number: draft.number ?? '',
        issuedAt: new Date(req.issuedAt).toISOString(),
        applicant: organisation
          ? { name: organisation.name, kind: organisation.kind, email: user.email, ...(representation ? representative : { filedBy: [user.lastName, user.firstName, user.middleName].filter(Boolean).join(' ') }) }
          : { name: applicantDisplayName(user), kind: user.kind ?? 'individual', email: user.email, ...representative },
        object: {
          name: form.objectName,
          address: form.objectAddress,
          cadastralNumber: form.cadastralNumber,
          maxPowerKw: form.maxPowerKw,
          voltageKv: form.voltageKv,
          reliability: form.reliability,
          category: CATEGORY_LABELS[form.category as Category] ?? form.category,
          // Forms filed before the connection kinds carry none: a permanent connection.
          connectionKind: form.connectionKind ?? 'permanent',
          connection: connectionKindLine({ connectionKind: form.connectionKind ?? 'permanent', temporary: form.temporary, microgeneration: form.microgeneration }),
          ...(form.connectionKind === 'microgeneration' && form.microgeneration ? { exportLimitKw: form.microgeneration.exportLimitKw } : {}),
        },
        supplierName: SUPPLIERS.find((s) => s.id === form.supplierId)?.name ?? '',
        fields: { ...printable(req.fields), ...(await deadlineNote(req.fields)), applicationNumber: draft.number ?? '' },
        requisites,
        // The computed invoice the workflow passes with the documents (domain/invoice.ts).
        invoice: asInvoice(req.fields.invoice),
        // Paying in parts: the schedule the workflow recorded, printed on the invoice.
        paymentSchedule: asPaymentSchedule(req.fields.paymentSchedule),
      };
      const published: PublishedDocument[] = [];
      for (const kind of req.kinds) {
        const key = `${req.caseId}:${req.seq}:${kind}`;
        const existing = await db.Document.findOne({ where: { idempotencyKey: key } });
        if (existing) {
          published.push({ id: existing.id, kind, title: existing.title, sha256: existing.sha256 });
          continue;
        }
        const bytes = await renderDocument(kind, data);
        const stored = await store.put(bytes);
        const title = documentTitle(kind, form.voltageKv);
        const [row] = await db.Document.findOrCreate({
          where: { idempotencyKey: key },
          defaults: {
            id: randomUUID(),
            ownerId: null,
            caseId: req.caseId,
            stage: req.stage,
            kind,
            title,
            filename: `${data.number} ${title}.pdf`.replace(/[\\/:*?"<>|]/g, '_'),
            mime: 'application/pdf',
            size: stored.size,
            sha256: stored.sha256,
            storageKey: stored.key,
            source: 'system',
            idempotencyKey: key,
            paymentRequisitesId: kind === 'invoice' ? (requisites?.id ?? null) : null,
          },
        });
        published.push({ id: row.id, kind, title: row.title, sha256: row.sha256 });
      }
      return published;
    },
  };
}
