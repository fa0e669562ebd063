// The procedure of technological connection (Rules 861, DOMAIN §3) as one
// table: every stage with its term and the party whose clock runs, and every
// action with the stage it belongs to and who takes it. Adding a stage or an
// action is one edit here plus its step in workflows/application/workflow.ts.
import type { CaseFacts, ProcedureTable } from './table';

const instalmentRefusal = ({ instalmentOpen }: CaseFacts): string | null => (instalmentOpen ? null : 'По заявке нет неоплаченных платежей по графику');

export const APPLICATION_STAGES = [
  'registered',
  'completenessCheck',
  'awaitingMissingData',
  'preparingDocuments',
  'awaitingPayment',
  'tuFulfilment',
  'inspection',
  'actualConnection',
  'actPosting',
  'completed',
  'annulled',
  'withdrawn',
  'terminating',
  'terminated',
] as const;
export type ApplicationStage = (typeof APPLICATION_STAGES)[number];

export const APPLICATION_ACTIONS = [
  'acceptComplete',
  'requestMissingData',
  'postContractDocuments',
  'confirmPayment',
  'recordInspection',
  'recordConnection',
  'issueAct',
  'supplyMissingData',
  'payInvoice',
  'reportTuDone',
  'recordGridTuDone',
  'withdraw',
  'recordTerminationCosts',
  'payInstalment',
  'confirmInstalment',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

export const APPLICATION_PROCEDURE = {
  stages: {
    registered: { step: '1', title: 'Заявка подана и зарегистрирована', status: 'Поступившая', party: 'grid', term: null, remind: 'nobody', actions: [] },
    completenessCheck: {
      step: '2',
      title: 'Проверка полноты сведений и документов',
      status: 'На проверке',
      party: 'grid',
      term: 'completenessCheck',
      remind: 'staff',
      actions: ['acceptComplete', 'requestMissingData'],
    },
    awaitingMissingData: {
      step: '2а',
      title: 'Ожидание недостающих сведений от заявителя',
      status: 'Ожидающая исправлений',
      party: 'applicant',
      term: 'supplyMissingData',
      remind: 'applicant',
      actions: ['supplyMissingData'],
    },
    preparingDocuments: {
      step: '3',
      title: 'Подготовка условий договора, ТУ и счёта',
      status: 'Создание договора',
      party: 'grid',
      term: 'postContractDocuments',
      remind: 'staff',
      actions: ['postContractDocuments'],
    },
    awaitingPayment: {
      step: '4',
      title: 'Оплата счёта заявителем (заключение договора)',
      status: 'Ожидание оплаты',
      party: 'applicant',
      term: ({ publicBuyer }) => (publicBuyer ? 'payInvoicePublicBuyer' : 'payInvoice'),
      remind: 'applicant',
      actions: ['payInvoice', 'confirmPayment'],
    },
    tuFulfilment: {
      step: '5–6',
      title: 'Выполнение мероприятий по техническим условиям',
      status: 'Исполнение договора',
      // One term (п.16 «б», from the contract) binds both sides, each for its own part; lateness is the late side's only.
      party: 'both',
      term: ({ tuTerm }) => tuTerm,
      remind: 'applicant',
      actions: ['reportTuDone', 'recordGridTuDone'],
    },
    inspection: { step: '7', title: 'Проверка выполнения ТУ (осмотр)', status: 'Исполнение договора', party: 'grid', term: 'inspection', remind: 'staff', actions: ['recordInspection'] },
    actualConnection: {
      step: '8',
      title: 'Фактическое присоединение и допуск прибора учёта',
      status: 'Исполнение договора',
      party: 'grid',
      term: 'actualConnection',
      remind: 'staff',
      actions: ['recordConnection'],
    },
    actPosting: { step: '9', title: 'Оформление акта об осуществлении ТП', status: 'Исполнение договора', party: 'grid', term: 'actPosting', remind: 'staff', actions: ['issueAct'] },
    completed: { step: '✓', title: 'Технологическое присоединение осуществлено', status: 'Закрытая (исполнен)', party: 'nobody', term: null, remind: 'nobody', actions: [], final: true },
    annulled: { step: '×', title: 'Заявка аннулирована', status: 'Аннулированная', party: 'nobody', term: null, remind: 'nobody', actions: [], final: true },
    withdrawn: { step: '×', title: 'Заявка отозвана заявителем', status: 'Отозванная', party: 'nobody', term: null, remind: 'nobody', actions: [], final: true },
    // After the contract the applicant's withdrawal is its termination (domain/termination.ts): the grid
    // accounts for the costs it actually incurred; the case is already leaving, so withdrawal is not open again.
    terminating: {
      step: '×',
      title: 'Расторжение договора: расчёт фактически понесённых расходов',
      status: 'Расторжение договора',
      party: 'grid',
      term: 'terminationCosts',
      remind: 'staff',
      actions: ['recordTerminationCosts'],
      leaving: true,
    },
    terminated: { step: '×', title: 'Договор расторгнут по инициативе заявителя', status: 'Договор расторгнут', party: 'nobody', term: null, remind: 'nobody', actions: [], final: true },
  },
  actions: {
    acceptComplete: { label: 'Принять заявку как полную', by: 'staff' },
    requestMissingData: { label: 'Запросить недостающие сведения', by: 'staff' },
    postContractDocuments: { label: 'Разместить условия договора, ТУ, счёт и инструкцию', by: 'staff' },
    confirmPayment: { label: 'Подтвердить оплату', by: 'staff-or-bank' },
    recordInspection: { label: 'Внести результат осмотра', by: 'staff' },
    recordConnection: { label: 'Зафиксировать фактическое присоединение и допуск ПУ', by: 'staff' },
    issueAct: { label: 'Выдать акт об осуществлении ТП', by: 'staff' },
    supplyMissingData: { label: 'Представить недостающие сведения', by: 'applicant' },
    payInvoice: { label: 'Оплатить счёт', by: 'applicant', testPaymentsOnly: true },
    reportTuDone: { label: 'Сообщить о выполнении своей части ТУ', by: 'applicant', refuse: ({ applicantPartDone }) => (applicantPartDone ? 'Вы уже сообщили о выполнении своей части ТУ' : null) },
    recordGridTuDone: {
      label: 'Отметить выполнение мероприятий сетевой организации по ТУ',
      by: 'staff',
      refuse: ({ obligationsTracked, gridPartDone }) =>
        !obligationsTracked ? 'По этой заявке мероприятия сторон не отмечаются отдельно: дождитесь сообщения заявителя' : gridPartDone ? 'Мероприятия сетевой организации уже отмечены как выполненные' : null,
    },
    withdraw: { label: 'Отозвать заявку', by: 'applicant', everyStage: true },
    recordTerminationCosts: { label: 'Внести фактически понесённые расходы и расторгнуть договор', by: 'staff' },
    // The later parts of a payment schedule (the first concludes the contract through payInvoice/confirmPayment):
    // tracked beside the procedure (workflows/application/instalments.ts), open until the schedule is settled.
    payInstalment: { label: 'Оплатить платёж по графику', by: 'applicant', testPaymentsOnly: true, beside: true, refuse: instalmentRefusal },
    confirmInstalment: { label: 'Подтвердить платёж по графику', by: 'staff-or-bank', beside: true, refuse: instalmentRefusal },
  },
  mainPath: ['registered', 'completenessCheck', 'preparingDocuments', 'awaitingPayment', 'tuFulfilment', 'inspection', 'actualConnection', 'actPosting', 'completed'],
  branches: { awaitingMissingData: 'completenessCheck' },
} as const satisfies ProcedureTable<ApplicationStage, ApplicationAction>;

/** The actions open in a stage, by the table's type: what a wait in that stage can return. */
export type ApplicationStageAction<S extends ApplicationStage> = (typeof APPLICATION_PROCEDURE)['stages'][S]['actions'][number];
