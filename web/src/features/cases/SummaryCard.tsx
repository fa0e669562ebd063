// The «Сводка» card of an application, for the applicant and for staff: stage,
// status, the stage's deadline, who acts, dates and the object's figures. Staff
// also see the statutory term behind the deadline, a violation and an annulment.
import { Show } from 'solid-js';
import { CATEGORY_LABELS, STAGE_DEFINITIONS, type Category } from '../../../../domain/application';
import { Card, Fact, Facts } from '../../ui';
import { formatDateTime, formatNumber } from '../../ui/format';
import { CaseStatusChip, DeadlineTermNote, DeadlineText } from './CaseParts';
import { whoActsLabel, type ApplicationSummary, type Viewer } from './wording';

export function categoryLabel(category: string): string {
  return category in CATEGORY_LABELS ? CATEGORY_LABELS[category as Category] : category;
}

const moscow = (at: string | null | undefined) => `${formatDateTime(at)} (мск)`;

export function ApplicationSummaryCard(props: { summary: ApplicationSummary; viewer: Viewer }) {
  const s = () => props.summary;
  const staff = () => props.viewer === 'staff';
  return (
    <Card title="Сводка">
      <Facts>
        <Fact term="Этап">{s().stageTitle}</Fact>
        <Fact term="Статус">
          <CaseStatusChip summary={s()} />
        </Fact>
        <Fact term="Срок этапа" when={s().deadlineAt}>
          <DeadlineText deadlineAt={s().deadlineAt} deadlineTerm={s().deadlineTerm} overdue={s().overdue} />
          <Show when={staff() && s().deadlineTerm}>
            <DeadlineTermNote term={s().deadlineTerm} deadlineAt={s().deadlineAt} />
          </Show>
        </Fact>
        <Fact term="Просрочка" when={staff() && s().overdue} class="text-danger">
          Срок нарушен{s().overdueSince ? ` ${moscow(s().overdueSince)}` : ''}
        </Fact>
        <Fact term="Действует" when={!STAGE_DEFINITIONS[s().stage].final}>
          {whoActsLabel(s().whoActs, props.viewer)}
        </Fact>
        <Fact term="Подана">{moscow(s().submittedAt)}</Fact>
        <Fact term="Категория">{categoryLabel(s().category)}</Fact>
        <Fact term="Максимальная мощность">{formatNumber(s().maxPowerKw)} кВт</Fact>
        <Fact term="Договор заключён" when={s().contractConcludedAt}>
          {moscow(s().contractConcludedAt)}
        </Fact>
        <Fact term="Завершена" when={!staff() && s().finishedAt}>
          {moscow(s().finishedAt)}
        </Fact>
        <Fact term="Причина аннулирования" when={staff() && s().annulReason}>
          {s().annulReason}
        </Fact>
      </Facts>
    </Card>
  );
}
