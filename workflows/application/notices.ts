// What the connection procedure writes into the history and tells the
// applicant, the staff and the supplier of last resort, one line each.
import { ANNUL_REASONS, type AnnulReason } from '../../domain/application';
import { formatInstant } from '../case/notices';
import type { ApplicationWorkflowInput } from './contract';

type In = ApplicationWorkflowInput;

/** Titles of the history events (the audit timeline and the notices show them). */
export const events = {
  submitted: 'Заявка подана и зарегистрирована',
  checkStarted: 'Заявка передана на проверку полноты сведений',
  accepted: 'Заявка принята как полная',
  missingDataRequested: 'Запрошены недостающие сведения и документы',
  missingDataSupplied: 'Заявитель представил недостающие сведения',
  documentsPosted: 'Размещены условия договора, технические условия, счёт и инструкция',
  paid: 'Счёт оплачен, договор заключён',
  firstPartPaid: 'Внесён первый платёж по графику, договор заключён',
  tuDoneReported: 'Заявитель сообщил о выполнении своей части ТУ',
  gridTuDone: 'Сетевая организация выполнила свои мероприятия по ТУ',
  inspectionPassed: 'Осмотр проведён, замечаний нет',
  inspectionFailed: 'По результатам осмотра есть замечания',
  connected: 'Фактическое присоединение выполнено, прибор учёта допущен',
  actIssued: 'Акт об осуществлении технологического присоединения выдан',
  annulled: (reason: AnnulReason) => `Заявка аннулирована: ${ANNUL_REASONS[reason].toLowerCase()}`,
  withdrawn: 'Заявка отозвана заявителем',
} as const;

export const toStaff = {
  newApplication: (i: In) => `Новая заявка ${i.number}: ${i.object.name}, ${i.object.maxPowerKw} кВт.`,
  missingDataSupplied: (i: In) => `По заявке ${i.number} представлены недостающие сведения: проверьте полноту.`,
  tuDone: (i: In) => `По заявке ${i.number} заявитель выполнил ТУ: назначьте осмотр.`,
  applicantPartDone: (i: In) => `По заявке ${i.number} заявитель выполнил свою часть ТУ; осмотр — после мероприятий сетевой организации.`,
} as const;

/** The supplier of last resort hears of registration, the contract, the meter admission, the act and an annulment. */
export const toSupplier = {
  registered: (i: In) => `Зарегистрирована заявка ${i.number} на технологическое присоединение: ${i.object.name}, ${i.object.address}, ${i.object.maxPowerKw} кВт.`,
  contractConcluded: (i: In) => `По заявке ${i.number} заключён договор об осуществлении технологического присоединения.`,
  connected: (i: In) => `По заявке ${i.number} выполнено фактическое присоединение, прибор учёта допущен в эксплуатацию.`,
  actIssued: (i: In) => `По заявке ${i.number} оформлен акт об осуществлении технологического присоединения: начните поставку электроэнергии.`,
  annulled: (i: In, reason: AnnulReason) => `Заявка ${i.number} аннулирована: ${ANNUL_REASONS[reason].toLowerCase()}.`,
} as const;

/** Who is late against the connection term (п.16 «б»): only that party is named, never the other. */
export const lateness = {
  event: (party: 'grid' | 'applicant' | 'both') =>
    ({
      grid: 'Сетевая организация не выполнила свои мероприятия в срок договора (п.16 «б» Правил)',
      applicant: 'Заявитель не выполнил свою часть технических условий в срок договора (п.16 «б» Правил)',
      both: 'Срок договора (п.16 «б» Правил) истёк: свою часть не выполнили ни сетевая организация, ни заявитель',
    })[party],
  toApplicant: (party: 'grid' | 'applicant' | 'both', endedAt: number) =>
    ({
      grid: `Срок осуществления технологического присоединения истёк ${formatInstant(endedAt)}, а сетевая организация не выполнила свои мероприятия. Нарушение передано руководителю; за каждый день просрочки начисляется неустойка (п.16 «в» Правил) — сумма и расчёт на странице заявки.`,
      applicant: `Срок договора истёк ${formatInstant(endedAt)}, а вы не сообщили о выполнении своей части технических условий. Сообщите о выполнении в личном кабинете: сетевая организация вправе требовать неустойку за просрочку (п.16 «в» Правил).`,
      both: `Срок договора истёк ${formatInstant(endedAt)}: свою часть не выполнили ни вы, ни сетевая организация. Сообщите о выполнении своей части в личном кабинете; расчёт неустойки — на странице заявки.`,
    })[party],
  staffTitle: (number: string, party: 'grid' | 'applicant' | 'both') => `${number}: ${party === 'applicant' ? 'просрочка заявителя' : party === 'grid' ? 'просрочка сетевой организации' : 'просрочка обеих сторон'}`,
  toStaff: (party: 'grid' | 'applicant' | 'both') =>
    party === 'applicant'
      ? 'Заявитель не сообщил о выполнении своей части ТУ в срок договора. Сетевая организация срок не нарушила.'
      : 'Сетевая организация не выполнила свои мероприятия по ТУ в срок договора: дело эскалировано руководителю, начисляется неустойка.',
} as const;
