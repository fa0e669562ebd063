// The procedure of an appeal (обращение), one workflow per appeal (Order 186,
// DOMAIN §5): registered → assigned → in work ⇄ clarification → answered →
// closed (confirmed by the applicant or automatically) → invitation to rate.
// The answer term runs from registration and binds the grid; it pauses while
// the applicant clarifies, and when it runs out the appeal is overdue and
// escalated (domain/procedures/appeal.ts).
import { APPEAL_CLARIFICATION_POLICY } from '../../domain/regulations';
import { computeResumedDeadline, type DeadlineChange } from '../case/deadline';
import type { TicketOf } from '../case/machine';
import { openConversation } from '../case/conversation';
import { since } from '../case/patches';
import { AppealCase } from './appeal-case';
import type { AppealActionInputs, AppealOutcome, AppealWorkflowInput } from './contract';
import { events, toApplicant, toStaff } from './notices';

export type { AppealWorkflowInput };

export async function appealWorkflow(input: AppealWorkflowInput): Promise<AppealOutcome> {
  const appeal = new AppealCase(input);
  appeal.listen();
  // The case's conversation runs beside the procedure (issue 20 item 5).
  openConversation(appeal, 'appeal');
  const number = input.number;

  // Registered: the number and date are the applicant's receipt; the answer term starts.
  await appeal.enter('registered', { type: 'registered', title: events.registered, actor: input.filedBy ?? { ...input.applicant, role: 'applicant' } }, { tellStaff: toStaff.newAppeal(number) });

  for (;;) {
    // Assigned: a staff member takes the appeal, or a supervisor assigns it.
    while (appeal.stage === 'registered' || appeal.stage === 'assigned') {
      const step = await appeal.awaitGrid(appeal.stage);
      if (step.name === 'take' || step.name === 'assign') {
        const assignee = step.name === 'take' ? step.request.actor : { id: step.request.input.assigneeId, name: step.request.input.assigneeName };
        appeal.assignTo(assignee.id, assignee.name);
        await appeal.enter('assigned', { ticket: step, type: 'assigned', title: events.assigned(assignee.name) }, { deadline: 'keep', tellStaff: toStaff.assignedToYou(number) });
        continue;
      }
      if (step.name === 'startWork') {
        await appeal.enter('inWork', { ticket: step, type: 'in-work', title: events.inWork }, { deadline: 'keep' });
        break;
      }
      const outcome = await handleWork(appeal, step);
      if (outcome === 'closed') return 'closed';
      if (outcome === 'answered') break;
    }

    // In work: the assignee answers, or asks the applicant to clarify (the term pauses).
    while (appeal.stage === 'inWork') {
      const step = await appeal.awaitGrid('inWork');
      if (step.name === 'assign') {
        appeal.assignTo(step.request.input.assigneeId, step.request.input.assigneeName);
        await appeal.enter('inWork', { ticket: step, type: 'reassigned', title: events.assigned(step.request.input.assigneeName) }, { deadline: 'keep' });
        continue;
      }
      if ((await handleWork(appeal, step)) === 'closed') return 'closed';
    }

    // Answered: the applicant confirms, disagrees once, or the appeal closes by itself when the term lapses.
    const reaction = await appeal.awaitApplicant('answered');
    if (reaction !== 'lapsed' && reaction.name === 'disagree') {
      appeal.reopen(since('appeal-terms-gk-193'));
      // The answer term starts anew.
      await appeal.enter('inWork', { ticket: reaction, type: 'reopened', title: events.reopened }, { tellStaff: toStaff.disputed(number) });
      continue;
    }
    if (reaction !== 'lapsed') reaction.name satisfies 'confirm'; // a new action of this stage needs its step here
    const confirmed = reaction !== 'lapsed';
    await appeal.enter('closed', { ticket: confirmed ? reaction : undefined, type: confirmed ? 'confirmed' : 'auto-closed', title: confirmed ? events.confirmed : events.autoClosed }, {
      tell: toApplicant.closed(number),
    });
    await appeal.close();
    return 'closed';
  }
}

/** A clarification round or the answer: the appeal goes on in work, is answered, or closes for want of a clarification. */
async function handleWork(appeal: AppealCase, step: TicketOf<AppealActionInputs, 'requestClarification' | 'answer'>): Promise<'inWork' | 'answered' | 'closed'> {
  const number = appeal.snapshot.number;
  if (step.name === 'requestClarification') {
    // The grid's answer term pauses; since the GK-193 change the applicant's own term to clarify runs meanwhile.
    const ownTerm = since('appeal-terms-gk-193');
    const paused = appeal.pauseAnswerTerm();
    await appeal.enter('clarification', { ticket: step, type: 'clarification-requested', title: events.clarificationRequested }, {
      deadline: ownTerm ? 'start' : 'pause',
      tell: toApplicant.clarify(number, step.request.input.question),
    });
    const reply = await appeal.awaitApplicant('clarification');
    if (reply === 'lapsed') {
      await appeal.enter('closed', { type: 'closed-unclarified', title: events.closedUnclarified }, { tell: toApplicant.closedUnclarified(number) });
      await appeal.close();
      return 'closed';
    }
    // The answer term resumes with the time that was left (APPEAL_CLARIFICATION_POLICY), at the end of a working day (ГК РФ ст. 193).
    let resumed: DeadlineChange = 'keep';
    if (APPEAL_CLARIFICATION_POLICY.policy === 'pause' && paused.left !== null) {
      resumed = { resumeUntil: ownTerm ? await computeResumedDeadline(Date.now(), paused.left, appeal.answerTerm()) : Date.now() + paused.left };
    } else if (ownTerm && paused.overdueSince !== null) {
      appeal.snapshot.overdueSince = paused.overdueSince;
      resumed = 'lapsed';
    }
    await appeal.enter('inWork', { ticket: reply, type: 'clarified', title: events.clarified }, { deadline: resumed, tellStaff: toStaff.clarified(number) });
    return 'inWork';
  }
  appeal.markAnswered();
  await appeal.enter('answered', { ticket: step, type: 'answered', title: events.answered }, { tell: toApplicant.answer(number, step.request.input.text) });
  return 'answered';
}
