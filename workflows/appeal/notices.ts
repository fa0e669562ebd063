// What the appeal procedure writes into the history and tells the applicant
// and the staff, one line each.
export const events = {
  registered: 'Обращение зарегистрировано',
  assigned: (name: string) => `Назначен исполнитель: ${name}`,
  inWork: 'Обращение принято в работу',
  reopened: 'Заявитель не согласен с ответом: обращение возобновлено',
  confirmed: 'Заявитель подтвердил, что вопрос решён',
  autoClosed: 'Обращение закрыто автоматически',
  clarificationRequested: 'Запрошено уточнение у заявителя',
  clarified: 'Заявитель ответил на уточнение',
  answered: 'Дан ответ на обращение',
  closedUnclarified: 'Обращение закрыто без ответа по существу: уточнение не получено в срок',
} as const;

export const toStaff = {
  newAppeal: (number: string) => `Новое обращение ${number}: назначьте исполнителя.`,
  assignedToYou: (number: string) => `Вам назначено обращение ${number}.`,
  disputed: (number: string) => `Заявитель оспорил ответ по обращению ${number}: рассмотрите повторно.`,
  clarified: (number: string) => `Заявитель ответил на уточнение по обращению ${number}.`,
} as const;

export const toApplicant = {
  closed: (number: string) => `Обращение ${number} закрыто. Оцените, пожалуйста, качество рассмотрения в разделе «Оценить качество» — это займёт минуту.`,
  clarify: (number: string, question: string) => `По обращению ${number} нужны уточнения: ${question}`,
  closedUnclarified: (number: string) =>
    `Обращение ${number} закрыто без ответа по существу: мы не получили уточнения в срок. Если вопрос остался, подайте новое обращение в разделе «Обращения» и приложите недостающие сведения — срок ответа начнётся заново.`,
  answer: (number: string, text: string) =>
    `Ответ на обращение ${number}:\n\n${text}\n\nЕсли ответ вас устраивает, подтвердите это в личном кабинете; если нет — сообщите, с чем вы не согласны.`,
} as const;
