// Appeals (обращения) under the unified service standards (Order of the
// Ministry of Energy No. 186, DOMAIN §5): classification, the form, stages,
// actions and the Appendix 7 report. Shared by the workflow, the API and the web.
import { z } from 'zod';
import './zod-ru';
import { attachmentRefSchema } from './application';
import { APPEAL_PROCEDURE, APPEAL_STAGES, type AppealAction, type AppealStage } from './procedures/appeal';
import { actionRowsOf, type ActionRow, type ApplicantActionOf, type GridActionOf, type Party, type StageRow } from './procedures/table';

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

// --- stages and actions: views of the procedure table (domain/procedures/appeal.ts) ---

export { APPEAL_STAGES, type AppealStage, type AppealAction } from './procedures/appeal';

export const APPEAL_STAGE_DEFINITIONS: Record<AppealStage, { title: string; status: string; whoActs: Party; final?: boolean }> = Object.fromEntries(
  APPEAL_STAGES.map((stage) => {
    const row: StageRow<AppealAction> = APPEAL_PROCEDURE.stages[stage];
    return [stage, { title: row.title, status: row.status, whoActs: row.party, ...(row.final ? { final: true } : {}) }];
  }),
) as Record<AppealStage, { title: string; status: string; whoActs: Party; final?: boolean }>;
export const APPEAL_MAIN_PATH: readonly AppealStage[] = APPEAL_PROCEDURE.mainPath;

const comment = z.string().trim().max(2000, 'Комментарий не длиннее 2000 символов').default('');

export type AppealStaffAction = GridActionOf<typeof APPEAL_PROCEDURE>;
export type AppealApplicantAction = ApplicantActionOf<typeof APPEAL_PROCEDURE>;
export const APPEAL_STAFF_ACTIONS = actionRowsOf(APPEAL_PROCEDURE.actions, 'grid') as Record<AppealStaffAction, ActionRow>;
export const APPEAL_APPLICANT_ACTIONS = actionRowsOf(APPEAL_PROCEDURE.actions, 'applicant') as Record<AppealApplicantAction, ActionRow>;

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

// --- the Appendix 7 report (its CSV: domain/appeal-report.ts) ------------------

export interface AppealReportRow {
  topic: AppealTopic;
  kind: AppealKind;
  channel: AppealChannel;
  total: number;
  onTime: number;
  late: number;
  notAnswered: number;
}
