// The wording the case machinery writes into histories, notifications and
// e-mails, one line each, so a change of text is one edit and never touches
// the procedure. Procedures keep their own wording in their notices.ts.
const instantFormat = new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Moscow' });

export function formatInstant(ms: number): string {
  return `${instantFormat.format(ms)} (мск)`;
}

export const caseNotices = {
  closed: (noun: string, number: string) => `${noun} ${number} закрыт${noun === 'Заявка' ? 'а' : 'о'}: действия невозможны`,
  notInStage: (action: string, stage: string) => `Действие «${action}» недоступно на этапе «${stage}»`,
  overtaken: (action: string, stage: string) => `Действие «${action}» уже неприменимо: дело перешло на этап «${stage}»`,
  stageHeadline: (title: string, stage: string, final: boolean) => `${title}. ${final ? stage : `Этап: ${stage}`}.`,
  deadline: (deadlineAt: number, term: string | null) => ` Срок: до ${formatInstant(deadlineAt)}${term ? ` (${term})` : ''}.`,
  documents: (titles: string[]) => ` Размещены документы: ${titles.map((t) => `«${t}»`).join(', ')}.`,
  reminderTitle: (stage: string) => `Приближается срок этапа «${stage}»`,
  reminderBody: (title: string, deadlineAt: number, tail: string) => `${title}: до ${formatInstant(deadlineAt)}.${tail}`,
  atRiskTitle: (number: string, stage: string) => `Срок под угрозой: ${number}, этап «${stage}»`,
  atRiskBody: (stage: string, deadlineAt: number) => `Срок этапа «${stage}» истекает ${formatInstant(deadlineAt)}, этап ещё не выполнен.`,
  overdueEvent: (stage: string) => `Сетевая организация нарушила срок этапа «${stage}»`,
  overdueApplicantTitle: 'Срок нарушен сетевой организацией',
  overdueApplicantBody: (stage: string, deadlineAt: number) => `Срок этапа «${stage}» истёк ${formatInstant(deadlineAt)}. Нарушение передано руководителю; мы сообщим, когда этап будет выполнен.`,
  overdueStaffTitle: (number: string) => `Просрочка: ${number}`,
  overdueStaffBody: (stage: string, deadlineAt: number) => `Истёк срок этапа «${stage}» (${formatInstant(deadlineAt)}). Дело эскалировано руководителю.`,
  recalculatedTitle: (year: number, decree: string) => `Срок пересчитан по производственному календарю ${year} года (${decree})`,
  recalculatedBody: (stage: string, before: number | null, after: number, decree: string) =>
    `Срок этапа «${stage}» изменён${before ? `: было до ${formatInstant(before)}` : ''}, стало до ${formatInstant(after)}. Основание: ${decree}.`,
} as const;
