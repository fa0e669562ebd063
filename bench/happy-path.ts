// The eight actions that take an application from submission to the act, as the
// benchmarks send them through the API. tests/unit/bench-happy-path.test.ts parses
// each input with the schema the API uses, so a change of an action's input shows
// in `npm test` rather than only in a benchmark run.
import type { ApplicantAction, StaffAction } from '../domain/application';
import { invoiceOf } from '../tests/support/invoice-input';

export type Step = { by: 'staff'; action: StaffAction; input: Record<string, unknown> } | { by: 'applicant'; action: ApplicantAction; input: Record<string, unknown> };

/** The happy path of tests/integration/application-workflow.test.ts: eight actions, submission to the act. */
export const HAPPY_PATH: Step[] = [
  { by: 'staff', action: 'acceptComplete', input: { comment: 'Сведения полные' } },
  {
    by: 'staff',
    action: 'postContractDocuments',
    input: { ...invoiceOf(55_000), tuRequirements: 'Установить вводное устройство и прибор учёта на границе участка', connectionPoint: 'Опора № 12 ВЛ-0,4 кВ Ф-3', constructionNeeded: true, overheadLineM: 120, comment: '' },
  },
  { by: 'applicant', action: 'payInvoice', input: {} },
  { by: 'staff', action: 'recordGridTuDone', input: { comment: 'Готово' } },
  { by: 'applicant', action: 'reportTuDone', input: { comment: 'Готово' } },
  { by: 'staff', action: 'recordInspection', input: { passed: true, remarks: '', comment: '' } },
  { by: 'staff', action: 'recordConnection', input: { meterNumber: '011552123456789', meterType: 'Меркурий 201.8', comment: '' } },
  { by: 'staff', action: 'issueAct', input: { comment: 'Акт подписан' } },
];
