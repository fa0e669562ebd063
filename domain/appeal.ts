// Appeals (обращения) under the unified service standards (Order of the
// Ministry of Energy No. 186, DOMAIN §5): classification, the form, stages,
// actions and the Appendix 7 report. Shared by the workflow, the API and the web.
import { z } from 'zod';
import './zod-ru';
import { attachmentRefSchema } from './application';

export const APPEAL_TOPICS = ['transmission', 'connection', 'metering', 'serviceQuality', 'maintenance', 'other'] as const;
export type AppealTopic = (typeof APPEAL_TOPICS)[number];
/** Order 186, Appendix 7: the topics the company reports on. */
export const APPEAL_TOPIC_LABELS: Record<AppealTopic, string> = {
  transmission: 'Передача электрической энергии',
  connection: 'Технологическое присоединение',
  metering: 'Коммерческий учёт электрической энергии',
  serviceQuality: 'Качество обслуживания потребителей',
  maintenance: 'Техническое обслуживание электросетевых объектов',
  other: 'Прочее',
};

export const APPEAL_KINDS = ['complaint', 'request', 'question'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];
export const APPEAL_KIND_LABELS: Record<AppealKind, string> = { complaint: 'Жалоба', request: 'Заявление', question: 'Запрос (вопрос)' };

/** How the appeal reached the company (Order 186 п. 2): the report counts by channel. */
export const APPEAL_CHANNELS = ['electronic', 'written', 'oral'] as const;
export type AppealChannel = (typeof APPEAL_CHANNELS)[number];
export const APPEAL_CHANNEL_LABELS: Record<AppealChannel, string> = { electronic: 'В электронной форме (личный кабинет)', written: 'В письменной форме', oral: 'В устной форме (очно, по телефону)' };

export const ANSWER_CHANNELS = ['cabinet', 'email', 'post'] as const;
export type AnswerChannel = (typeof ANSWER_CHANNELS)[number];
export const ANSWER_CHANNEL_LABELS: Record<AnswerChannel, string> = { cabinet: 'В личном кабинете', email: 'По электронной почте', post: 'Почтой по адресу' };

const text = (min: number, max: number, what: string) =>
  z.string().trim().min(min, min > 1 ? `${what}: не короче ${min} символов` : `Укажите ${what}`).max(max, `${what}: не длиннее ${max} символов`);

export const appealFormSchema = z.object({
  topic: z.enum(APPEAL_TOPICS, { error: 'Выберите тему обращения' }),
  kind: z.enum(APPEAL_KINDS, { error: 'Выберите вид обращения' }),
  text: text(10, 5000, 'Текст обращения'),
  applicationId: z.uuid().nullable().default(null),
  answerChannel: z.enum(ANSWER_CHANNELS, { error: 'Выберите, как получить ответ' }).default('cabinet'),
  /** Power-quality complaints (ПП 55 of 2024) also name the contract and the time of the problem. */
  contractNumber: z.string().trim().max(50).default(''),
  problemTime: z.string().trim().max(100).default(''),
  attachments: z.array(attachmentRefSchema).max(10, 'Не более 10 файлов').default([]),
});
export type AppealForm = z.infer<typeof appealFormSchema>;
export type AppealFormInput = z.input<typeof appealFormSchema>;

// --- stages ------------------------------------------------------------------

export const APPEAL_STAGES = ['registered', 'assigned', 'inWork', 'clarification', 'answered', 'closed'] as const;
export type AppealStage = (typeof APPEAL_STAGES)[number];

export const APPEAL_STAGE_DEFINITIONS: Record<AppealStage, { title: string; status: string; whoActs: 'grid' | 'applicant' | 'nobody'; final?: boolean }> = {
  registered: { title: 'Обращение зарегистрировано', status: 'Зарегистрировано', whoActs: 'grid' },
  assigned: { title: 'Назначен исполнитель', status: 'Назначен исполнитель', whoActs: 'grid' },
  inWork: { title: 'Обращение рассматривается', status: 'В работе', whoActs: 'grid' },
  clarification: { title: 'Запрошено уточнение у заявителя', status: 'Ожидает уточнения', whoActs: 'applicant' },
  answered: { title: 'Дан ответ', status: 'Дан ответ', whoActs: 'applicant' },
  closed: { title: 'Обращение закрыто', status: 'Закрыто', whoActs: 'nobody', final: true },
};

export const APPEAL_MAIN_PATH: AppealStage[] = ['registered', 'assigned', 'inWork', 'answered', 'closed'];

// --- actions ------------------------------------------------------------------

const comment = z.string().trim().max(2000, 'Комментарий не длиннее 2000 символов').default('');

export const APPEAL_STAFF_ACTIONS = {
  take: { stages: ['registered'], label: 'Взять в работу', by: 'staff' },
  assign: { stages: ['registered', 'assigned', 'inWork'], label: 'Назначить исполнителя', by: 'supervisor' },
  startWork: { stages: ['assigned'], label: 'Приступить к рассмотрению', by: 'staff' },
  requestClarification: { stages: ['assigned', 'inWork'], label: 'Запросить уточнение', by: 'staff' },
  answer: { stages: ['assigned', 'inWork'], label: 'Дать ответ', by: 'staff' },
} as const satisfies Record<string, { stages: readonly AppealStage[]; label: string; by: 'staff' | 'supervisor' }>;
export type AppealStaffAction = keyof typeof APPEAL_STAFF_ACTIONS;

export const APPEAL_APPLICANT_ACTIONS = {
  reply: { stages: ['clarification'], label: 'Ответить на уточнение' },
  confirm: { stages: ['answered'], label: 'Подтвердить, что вопрос решён' },
  disagree: { stages: ['answered'], label: 'Не согласен с ответом' },
} as const satisfies Record<string, { stages: readonly AppealStage[]; label: string }>;
export type AppealApplicantAction = keyof typeof APPEAL_APPLICANT_ACTIONS;
export type AppealAction = AppealStaffAction | AppealApplicantAction;

export const appealActionSchemas = {
  take: z.object({ comment }),
  assign: z.object({ assigneeId: z.uuid('Выберите исполнителя'), assigneeName: z.string().trim().min(1).max(200), comment }),
  startWork: z.object({ comment }),
  requestClarification: z.object({ question: text(5, 3000, 'Вопрос заявителю'), comment }),
  answer: z.object({ text: text(10, 10000, 'Текст ответа'), attachments: z.array(attachmentRefSchema).max(10).default([]), comment }),
  reply: z.object({ text: text(1, 5000, 'ответ на уточнение'), attachments: z.array(attachmentRefSchema).max(10).default([]) }),
  confirm: z.object({ comment }),
  disagree: z.object({ reason: text(5, 3000, 'Причина несогласия') }),
} satisfies Record<AppealAction, z.ZodType>;
export type AppealActionInput<A extends AppealAction> = z.infer<(typeof appealActionSchemas)[A]>;

export function appealNumber(year: number, sequence: number): string {
  return `ОБР-${year}-${String(sequence).padStart(6, '0')}`;
}

/** Answer templates by topic: a starting point the staff member edits, never sent as is. */
export const ANSWER_TEMPLATES: Array<{ id: string; topic: AppealTopic | 'any'; title: string; text: string }> = [
  {
    id: 'generic',
    topic: 'any',
    title: 'Общий ответ',
    text: 'Уважаемый(ая) {заявитель}!\n\nВаше обращение № {номер} рассмотрено. {суть ответа}\n\nЕсли ответ вас не устраивает, вы можете сообщить об этом в личном кабинете.',
  },
  {
    id: 'connection-status',
    topic: 'connection',
    title: 'Ход рассмотрения заявки на ТП',
    text: 'Уважаемый(ая) {заявитель}!\n\nПо вашей заявке на технологическое присоединение выполняется этап «{этап}». Срок этапа — до {срок}. Все документы размещаются в разделе «Поданные заявки».',
  },
  {
    id: 'metering-check',
    topic: 'metering',
    title: 'Проверка прибора учёта',
    text: 'Уважаемый(ая) {заявитель}!\n\nПо вашему обращению назначена проверка прибора учёта на {дата}. Просим обеспечить доступ к прибору учёта.',
  },
  {
    id: 'quality-measurement',
    topic: 'serviceQuality',
    title: 'Качество электроэнергии: измерения',
    text: 'Уважаемый(ая) {заявитель}!\n\nПо вашей жалобе на качество электрической энергии проведены измерения. {результаты}. {принятые меры}',
  },
];

// --- the Appendix 7 report ------------------------------------------------------

export interface AppealReportRow {
  topic: AppealTopic;
  kind: AppealKind;
  channel: AppealChannel;
  total: number;
  onTime: number;
  late: number;
  notAnswered: number;
}

/** The report as CSV for spreadsheets: «;» separated, as Russian Excel expects. */
export function appealReportCsv(period: { from: string; to: string }, rows: AppealReportRow[]): string {
  const header = ['Период', 'Тема', 'Вид', 'Канал поступления', 'Всего', 'Ответ в срок', 'Ответ с нарушением срока', 'Без ответа'];
  const quote = (v: string | number) => (typeof v === 'number' ? String(v) : `"${v.replaceAll('"', '""')}"`);
  const lines = rows.map((r) => [`${period.from} — ${period.to}`, APPEAL_TOPIC_LABELS[r.topic], APPEAL_KIND_LABELS[r.kind], APPEAL_CHANNEL_LABELS[r.channel], r.total, r.onTime, r.late, r.notAnswered].map(quote).join(';'));
  return [header.map(quote).join(';'), ...lines].join('\r\n') + '\r\n';
}
