// What the connection procedure writes into the history and tells the
// applicant, the staff and the supplier of last resort, one line each.
import { ANNUL_REASONS, type AnnulReason } from '../../domain/application';
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
  tuDoneReported: 'Заявитель сообщил о выполнении своей части ТУ',
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
} as const;

/** The supplier of last resort hears of registration, the contract, the meter admission, the act and an annulment. */
export const toSupplier = {
  registered: (i: In) => `Зарегистрирована заявка ${i.number} на технологическое присоединение: ${i.object.name}, ${i.object.address}, ${i.object.maxPowerKw} кВт.`,
  contractConcluded: (i: In) => `По заявке ${i.number} заключён договор об осуществлении технологического присоединения.`,
  connected: (i: In) => `По заявке ${i.number} выполнено фактическое присоединение, прибор учёта допущен в эксплуатацию.`,
  actIssued: (i: In) => `По заявке ${i.number} оформлен акт об осуществлении технологического присоединения: начните поставку электроэнергии.`,
  annulled: (i: In, reason: AnnulReason) => `Заявка ${i.number} аннулирована: ${ANNUL_REASONS[reason].toLowerCase()}.`,
} as const;
