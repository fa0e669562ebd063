// The procedure of an appeal (обращение), one workflow per appeal (Order 186,
// DOMAIN §5): registered → assigned → in work ⇄ clarification → answered →
// closed (confirmed by the applicant or automatically) → invitation to rate.
// The answer term runs from registration, pauses while the applicant
// clarifies, and when it runs out the appeal is overdue and escalated.
import { APPEAL_CLARIFICATION_POLICY } from '../../domain/regulations';
import { AppealCase, type AppealWorkflowInput } from './appeal-case';

export type { AppealWorkflowInput };

export async function appealWorkflow(input: AppealWorkflowInput): Promise<'closed'> {
  const appeal = new AppealCase(input);
  appeal.listen();

  // Registered: the number and date are the applicant's receipt; the answer term starts.
  await appeal.enter('registered', { type: 'registered', title: 'Обращение зарегистрировано', actor: { ...input.applicant, role: 'applicant' } }, {
    term: 'appealAnswer',
    tellStaff: `Новое обращение ${input.number}: назначьте исполнителя.`,
  });

  for (;;) {
    // Assigned: a staff member takes the appeal, or a supervisor assigns it.
    while (appeal.stage === 'registered' || appeal.stage === 'assigned') {
      const step = await appeal.gridActs(appeal.stage === 'registered' ? ['take', 'assign'] : ['startWork', 'assign', 'requestClarification', 'answer']);
      const input = step.request.input;
      if (step.name === 'take' || step.name === 'assign') {
        const assignee = step.name === 'take' ? step.request.actor : { id: String(input.assigneeId), name: String(input.assigneeName) };
        appeal.assignTo(assignee.id, assignee.name);
        await appeal.enter('assigned', { ticket: step, type: 'assigned', title: `Назначен исполнитель: ${assignee.name}` }, {
          keepDeadline: true,
          tellStaff: `Вам назначено обращение ${appeal.snapshot.number}.`,
        });
        continue;
      }
      if (step.name === 'startWork') {
        await appeal.enter('inWork', { ticket: step, type: 'in-work', title: 'Обращение принято в работу' }, { keepDeadline: true });
        break;
      }
      if (await handleWork(appeal, step)) break;
    }

    // In work: the assignee answers, or asks the applicant to clarify (the term pauses).
    while (appeal.stage === 'inWork') {
      const step = await appeal.gridActs(['requestClarification', 'answer', 'assign']);
      if (step.name === 'assign') {
        appeal.assignTo(String(step.request.input.assigneeId), String(step.request.input.assigneeName));
        await appeal.enter('inWork', { ticket: step, type: 'reassigned', title: `Назначен исполнитель: ${appeal.snapshot.assigneeName}` }, { keepDeadline: true });
        continue;
      }
      await handleWork(appeal, step);
    }

    // Answered: the applicant confirms, disagrees once, or the appeal closes by itself.
    const reaction = await appeal.waitFor(['confirm', 'disagree'], { remind: 'nobody' });
    if (reaction !== 'deadline' && reaction.name === 'disagree') {
      appeal.reopen();
      await appeal.enter('inWork', { ticket: reaction, type: 'reopened', title: 'Заявитель не согласен с ответом: обращение возобновлено' }, {
        term: 'appealAnswer',
        tellStaff: `Заявитель оспорил ответ по обращению ${appeal.snapshot.number}: рассмотрите повторно.`,
      });
      continue;
    }
    const confirmed = reaction !== 'deadline';
    await appeal.enter('closed', { ticket: confirmed ? reaction : undefined, type: confirmed ? 'confirmed' : 'auto-closed', title: confirmed ? 'Заявитель подтвердил, что вопрос решён' : 'Обращение закрыто автоматически' }, {
      tell: `Обращение ${appeal.snapshot.number} закрыто. Оцените, пожалуйста, качество рассмотрения в разделе «Оценить качество» — это займёт минуту.`,
    });
    await appeal.close();
    return 'closed';
  }
}

/** A clarification round or the answer; returns true when the appeal has been answered. */
async function handleWork(appeal: AppealCase, step: Awaited<ReturnType<AppealCase['waitFor']>> & object): Promise<boolean> {
  if (step.name === 'requestClarification') {
    const pausedAt = Date.now();
    const left = appeal.snapshot.overdue || appeal.snapshot.deadlineAt === null ? null : appeal.snapshot.deadlineAt - pausedAt;
    await appeal.enter('clarification', { ticket: step, type: 'clarification-requested', title: 'Запрошено уточнение у заявителя' }, {
      pause: true,
      tell: `По обращению ${appeal.snapshot.number} нужны уточнения: ${String(step.request.input.question)}`,
    });
    const reply = await appeal.waitFor(['reply'], { remind: 'nobody' });
    if (reply === 'deadline') throw new Error('unreachable: a clarification has no deadline');
    // The answer term resumes with the time that was left (domain/regulations.ts APPEAL_CLARIFICATION_POLICY).
    const resumed = APPEAL_CLARIFICATION_POLICY.policy === 'pause' && left !== null ? { deadlineAt: Date.now() + left } : { keepDeadline: true };
    await appeal.enter('inWork', { ticket: reply, type: 'clarified', title: 'Заявитель ответил на уточнение' }, {
      ...resumed,
      tellStaff: `Заявитель ответил на уточнение по обращению ${appeal.snapshot.number}.`,
    });
    return false;
  }
  appeal.markAnswered();
  await appeal.enter('answered', { ticket: step, type: 'answered', title: 'Дан ответ на обращение' }, {
    term: 'appealAutoClose',
    tell: `Ответ на обращение ${appeal.snapshot.number}:\n\n${String(step.request.input.text)}\n\nЕсли ответ вас устраивает, подтвердите это в личном кабинете; если нет — сообщите, с чем вы не согласны.`,
  });
  return true;
}
