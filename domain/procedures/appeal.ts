// The procedure of an appeal (Order 186, DOMAIN §5) as one table: the answer
// term runs from registration across the grid's stages and pauses while the
// applicant clarifies; after the answer the applicant's reaction has its own
// term, after which the appeal closes by itself.
import type { ProcedureTable } from './table';

export const APPEAL_STAGES = ['registered', 'assigned', 'inWork', 'clarification', 'answered', 'closed'] as const;
export type AppealStage = (typeof APPEAL_STAGES)[number];

export const APPEAL_ACTIONS = ['take', 'assign', 'startWork', 'requestClarification', 'answer', 'reply', 'confirm', 'disagree'] as const;
export type AppealAction = (typeof APPEAL_ACTIONS)[number];

export const APPEAL_PROCEDURE = {
  stages: {
    registered: { step: '1', title: 'Обращение зарегистрировано', status: 'Зарегистрировано', party: 'grid', term: 'appealAnswer', remind: 'staff', actions: ['take', 'assign'] },
    assigned: {
      step: '2',
      title: 'Назначен исполнитель',
      status: 'Назначен исполнитель',
      party: 'grid',
      term: 'appealAnswer',
      remind: 'staff',
      actions: ['startWork', 'assign', 'requestClarification', 'answer'],
    },
    inWork: { step: '3', title: 'Обращение рассматривается', status: 'В работе', party: 'grid', term: 'appealAnswer', remind: 'staff', actions: ['requestClarification', 'answer', 'assign'] },
    // The grid's answer term is paused; the applicant's own term to clarify runs (cases since patch 'appeal-terms-gk-193').
    clarification: { step: '3а', title: 'Запрошено уточнение у заявителя', status: 'Ожидает уточнения', party: 'applicant', term: 'appealClarification', remind: 'applicant', actions: ['reply'] },
    answered: { step: '4', title: 'Дан ответ', status: 'Дан ответ', party: 'applicant', term: 'appealAutoClose', remind: 'nobody', actions: ['confirm', 'disagree'] },
    closed: { step: '✓', title: 'Обращение закрыто', status: 'Закрыто', party: 'nobody', term: null, remind: 'nobody', actions: [], final: true },
  },
  actions: {
    take: { label: 'Взять в работу', by: 'staff' },
    assign: { label: 'Назначить исполнителя', by: 'supervisor' },
    startWork: { label: 'Приступить к рассмотрению', by: 'staff', holderOnly: true },
    requestClarification: { label: 'Запросить уточнение', by: 'staff', holderOnly: true },
    answer: { label: 'Дать ответ', by: 'staff', holderOnly: true },
    reply: { label: 'Ответить на уточнение', by: 'applicant' },
    confirm: { label: 'Подтвердить, что вопрос решён', by: 'applicant' },
    disagree: {
      label: 'Не согласен с ответом',
      by: 'applicant',
      refuse: ({ reopened }) => (reopened ? 'Обращение уже возобновлялось: повторно оспорить ответ нельзя, подайте новое обращение' : null),
    },
  },
  mainPath: ['registered', 'assigned', 'inWork', 'answered', 'closed'],
  branches: { clarification: 'inWork' },
} as const satisfies ProcedureTable<AppealStage, AppealAction>;

export type AppealStageAction<S extends AppealStage> = (typeof APPEAL_PROCEDURE)['stages'][S]['actions'][number];
