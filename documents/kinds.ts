// The documents the grid company generates along an application (DOMAIN §3).
// Pure data: workflows may import it to name the documents of a stage.

export const GENERATED_DOC_KINDS = [
  'registrationReceipt',
  'missingDataNotice',
  'contractTerms',
  'technicalConditions',
  'invoice',
  'instructions',
  'paymentConfirmation',
  'inspectionAct',
  'meterAdmissionAct',
  'connectionAct',
  'annulmentNotice',
  'withdrawalNotice',
  'terminationNotice',
] as const;
export type GeneratedDocKind = (typeof GENERATED_DOC_KINDS)[number];

export const DOC_TITLES: Record<GeneratedDocKind, string> = {
  registrationReceipt: 'Уведомление о регистрации заявки',
  missingDataNotice: 'Уведомление о недостающих сведениях и документах',
  contractTerms: 'Условия типового договора об осуществлении технологического присоединения',
  technicalConditions: 'Технические условия',
  invoice: 'Счёт на оплату',
  instructions: 'Инструкция по технологическому присоединению',
  paymentConfirmation: 'Подтверждение оплаты: договор заключён',
  inspectionAct: 'Акт осмотра (обследования) электроустановки',
  meterAdmissionAct: 'Акт допуска прибора учёта в эксплуатацию',
  connectionAct: 'Акт об осуществлении технологического присоединения',
  annulmentNotice: 'Уведомление об аннулировании заявки',
  withdrawalNotice: 'Уведомление об отзыве заявки',
  terminationNotice: 'Соглашение о расторжении договора об осуществлении технологического присоединения',
};

/** Up to 0.4 kV the grid issues a notice instead of the act (DOMAIN §3, stage 9). */
export const CONNECTION_NOTICE_MAX_KV = 0.4;

export const CONNECTION_NOTICE_TITLE = 'Уведомление об обеспечении сетевой организацией возможности присоединения к электрическим сетям';

export function connectionActTitle(voltageKv: number): string {
  return voltageKv <= CONNECTION_NOTICE_MAX_KV ? CONNECTION_NOTICE_TITLE : DOC_TITLES.connectionAct;
}

/** The title a generated document carries; only the connection act depends on the application. */
export function documentTitle(kind: GeneratedDocKind, voltageKv: number): string {
  return kind === 'connectionAct' ? connectionActTitle(voltageKv) : DOC_TITLES[kind];
}

/** The generic versions offered on every application page, without applicant data. */
export const STANDARD_DOC_KINDS = ['contractTerms', 'instructions'] as const satisfies readonly GeneratedDocKind[];
export type StandardDocKind = (typeof STANDARD_DOC_KINDS)[number];

export function isStandardDocKind(value: unknown): value is StandardDocKind {
  return (STANDARD_DOC_KINDS as readonly unknown[]).includes(value);
}
