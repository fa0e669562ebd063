// The «Сводка» card of an appeal: status, stage, the answer term, who acts,
// how it came and how the answer goes out. Staff also see the topic and kind
// first, the statutory term, the assignee, the channel and a reopening.
import { Show, type JSX } from 'solid-js';
import { ANSWER_CHANNEL_LABELS, APPEAL_CHANNEL_LABELS, APPEAL_KIND_LABELS, APPEAL_STAGE_DEFINITIONS, APPEAL_TOPIC_LABELS } from '../../../../domain/appeal';
import { DeadlineTermNote } from '../cases/CaseParts';
import type { Viewer } from '../cases/wording';
import { Card, Fact, Facts } from '../../ui';
import { formatDateTime } from '../../ui/format';
import { AppealDeadline, AppealStatusChip } from './AppealParts';
import { appealWhoActs, labelOf, type StaffAppeal } from './wording';

/** The staff view's summary has every field; the applicant's lacks the staff-only ones. */
type Summary = Omit<StaffAppeal['summary'], 'assigneeName' | 'channel' | 'reopened' | 'applicantName'> & Partial<Pick<StaffAppeal['summary'], 'assigneeName' | 'channel' | 'reopened'>>;

const moscow = (at: string | null | undefined) => `${formatDateTime(at)} (мск)`;

export function AppealSummaryCard(props: { summary: Summary; viewer: Viewer; linkedApplication: (id: string) => JSX.Element }) {
  const s = () => props.summary;
  const staff = () => props.viewer === 'staff';
  return (
    <Card title="Сводка">
      <Facts>
        <Show when={staff()}>
          <Fact term="Тема">{labelOf(APPEAL_TOPIC_LABELS, s().topic)}</Fact>
          <Fact term="Вид">{labelOf(APPEAL_KIND_LABELS, s().kind)}</Fact>
        </Show>
        <Fact term="Статус">
          <AppealStatusChip summary={s()} />
        </Fact>
        <Fact term="Этап">{s().stageTitle}</Fact>
        <Fact term="Срок ответа">
          <AppealDeadline summary={s()} />
          <Show when={staff() && s().deadlineAt && s().deadlineTerm && s().stage !== 'answered'}>
            <DeadlineTermNote term={s().deadlineTerm} deadlineAt={s().deadlineAt} />
          </Show>
        </Fact>
        <Fact term="Действует" when={!APPEAL_STAGE_DEFINITIONS[s().stage].final}>
          {appealWhoActs(s().whoActs, props.viewer)}
        </Fact>
        <Fact term="Исполнитель" when={staff()}>
          {s().assigneeName ?? 'не назначен'}
        </Fact>
        <Fact term="Зарегистрировано">{moscow(s().registeredAt)}</Fact>
        <Fact term="Канал поступления" when={staff()}>
          {labelOf(APPEAL_CHANNEL_LABELS, s().channel ?? '')}
        </Fact>
        <Fact term="Способ получения ответа">{labelOf(ANSWER_CHANNEL_LABELS, s().answerChannel)}</Fact>
        <Show when={s().applicationId}>{(id) => <Fact term="Связанная заявка">{props.linkedApplication(id())}</Fact>}</Show>
        <Fact term="Повторное рассмотрение" when={staff() && s().reopened}>
          да: заявитель оспорил ответ
        </Fact>
        <Fact term="Закрыто" when={s().finishedAt}>
          {moscow(s().finishedAt)}
        </Fact>
      </Facts>
    </Card>
  );
}
