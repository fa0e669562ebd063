// What the supplier of last resort posts in the applicant's cabinet (п.105 of
// Rules 861 as amended by ПП 262, ◐): the draft supply contract signed with a
// qualified e-signature (a PDF uploaded through the application-file rules,
// api/files), its payment requisites and the applicant's account number. One
// schema validates the supplier's form, the API and the workflow's Update.
import { z } from 'zod';
import './zod-ru';

/** The upload kind, title and stage of the draft as a document of the case. */
export const SUPPLY_CONTRACT_KIND = 'supplyContractDraft' as const;
export const SUPPLY_CONTRACT_TITLE = 'Проект договора энергоснабжения (гарантирующий поставщик)';
export const SUPPLY_CONTRACT_STAGE = 'supplierDraftContract';

export const postSupplyContractSchema = z.object({
  /** The uploaded PDF (api/files upload), referenced by its id. */
  fileId: z.uuid('Загрузите проект договора (файл PDF)'),
  /** The supplier's payment requisites as it prints them for the consumer. */
  paymentRequisites: z.string().trim().min(20, 'Укажите платёжные реквизиты гарантирующего поставщика (не короче 20 символов)').max(2000, 'Не более 2000 символов'),
  /** The consumer's account (лицевой счёт) the supplier opened. */
  accountNumber: z
    .string()
    .trim()
    .min(1, { message: 'Укажите номер лицевого счёта', abort: true })
    .max(30, 'Номер лицевого счёта — не более 30 символов')
    .regex(/^[0-9A-Za-zА-Яа-я\-/]+$/, 'Номер лицевого счёта: цифры, буквы, дефис или косая черта, без пробелов'),
});
export type PostSupplyContract = z.infer<typeof postSupplyContractSchema>;

/** The draft contract as the case keeps it: what was posted, by whom and when. */
export interface PostedSupplyContract extends PostSupplyContract {
  at: number;
  by: { id: string | null; name: string };
  filename: string;
}

/** The supplier's track as the case summary carries it (the applicant's page, the supplier's list). */
export interface SupplierTrackState {
  /** The supplier of last resort chosen in the application (domain/application.ts SUPPLIERS). */
  supplierId: string;
  supplierName: string;
  stage: 'draftContract' | 'contractPosted' | 'cancelled';
  handedOverAt: number;
  deadlineAt: number;
  /** The supplier missed its term: its lateness only (never the grid's or the applicant's). */
  late: boolean;
  posted: PostedSupplyContract | null;
  cancelledAt: number | null;
}
