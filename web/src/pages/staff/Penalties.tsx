// «Неустойки»: every application with a penalty of п.16 «в», the sum accrued
// as of today (it grows each day a party stays late), the totals per liable
// party and the CSV; below, the rules the cabinet computes with, each with its
// source and mark — the numbers are ❓ configurable data, not a verified rule.
import { createResource, Match, Show, Switch } from 'solid-js';
import { LATE_PARTY_WORDS, PENALTY_RULES, type PenaltyRule } from '../../../../domain/penalties';
import { CaseNumber } from '../../features/cases';
import { downloadCsv } from '../../features/appeals/wording';
import { describeApiError, trpc, type RouterOutputs } from '../../trpc';
import { Alert, Button, Card, DataTable, EmptyState, Loading, PageHeader, SmallNote, type Column } from '../../ui';
import { formatDate, formatDateTime, formatRub } from '../../ui/format';

type Report = RouterOutputs['staffApplications']['penalties'];
type Row = Report['rows'][number];

const COLUMNS: Column<Row>[] = [
  { header: 'Номер', cell: (r) => <CaseNumber href={`/staff/applications/${r.id}`} number={r.number} /> },
  { header: 'Заявитель', cell: (r) => r.applicantName },
  { header: 'Просрочка', cell: (r) => LATE_PARTY_WORDS[r.penalty.party] },
  { header: 'Срок истёк', cell: (r) => (r.connectionDeadlineAt ? formatDate(r.connectionDeadlineAt) : '—') },
  { header: 'Дней', class: 'num', cell: (r) => (r.penalty.until ? String(r.penalty.days) : `${r.penalty.days}, продолжается`) },
  { header: 'Расчёт', cell: (r) => r.penalty.formula },
  { header: 'Сумма', class: 'num', cell: (r) => <strong>{formatRub(r.penalty.sumRub)}</strong> },
  { header: 'Основание', cell: (r) => `${r.penalty.source} ${r.penalty.mark}` },
];

const capText = (rule: PenaltyRule) => (rule.capDays === null ? 'без ограничения' : `не более ${rule.capDays} дн.`);

function RulesCard() {
  const rules = Object.values(PENALTY_RULES);
  return (
    <Card title="Правила расчёта неустойки">
      <DataTable
        caption="Правила расчёта неустойки"
        rows={rules}
        class="table--compact"
        columns={[
          { header: 'Неустойка', cell: (r) => r.title },
          { header: 'Ставка в день', cell: (r) => `${String(r.ratePercentPerDay).replace('.', ',')} % общего размера платы` },
          { header: 'Заявителю до 15 кВт', cell: (r) => (r.preferentialMultiplier === 1 ? 'без изменения' : `× ${r.preferentialMultiplier}`) },
          { header: 'Предел', cell: capText },
          { header: 'Источник', cell: (r) => `${r.source} ${r.mark}` },
          { header: 'Примечание', cell: (r) => r.note },
        ]}
      />
      <SmallNote spaced>❓ — значение не проверено по действующей редакции Правил; задаётся настройкой PENALTY_RULES_OVERRIDE. Дело сохраняет ставку, с которой неустойка была начислена.</SmallNote>
    </Card>
  );
}

function ReportBody(props: { report: Report }) {
  return (
    <Card
      title={`Начислено на ${formatDateTime(props.report.asOf)}`}
      actions={
        <Button variant="secondary" size="small" disabled={!props.report.rows.length} onClick={() => downloadCsv(props.report.csv, `Неустойки ${props.report.asOf.slice(0, 10)}.csv`)}>
          Скачать CSV
        </Button>
      }
    >
      <Show when={props.report.rows.length} fallback={<EmptyState title="Неустоек нет">Ни по одной заявке срок технологического присоединения не нарушен.</EmptyState>}>
        <div class="stack">
          <DataTable caption="Начисленные неустойки" rows={props.report.rows} columns={COLUMNS} class="table--compact" />
          <p style={{ margin: 0 }}>
            Итого с сетевой организации: <strong>{formatRub(props.report.totals.grid)}</strong>; с заявителей: <strong>{formatRub(props.report.totals.applicant)}</strong>.
          </p>
          <Show when={props.report.truncated}>
            <SmallNote>Показаны первые {props.report.rows.length} заявок.</SmallNote>
          </Show>
        </div>
      </Show>
    </Card>
  );
}

export default function PenaltiesPage() {
  const [report, { refetch }] = createResource(() => trpc.staffApplications.penalties.query());
  const current = () => (report.state === 'ready' || report.state === 'refreshing' ? report.latest : undefined);
  return (
    <div class="stack stack--lg">
      <PageHeader title="Неустойки" description="Неустойка за нарушение срока технологического присоединения (п. 16 подп. «в» Правил, ПП 861): по каждой заявке с просрочкой — чья просрочка, дни, расчёт и сумма на сегодня." />
      <Switch>
        <Match when={report.state === 'errored'}>
          <Alert tone="error" title="Не удалось загрузить отчёт">
            <p>{describeApiError(report.error).message}</p>
            <Button variant="secondary" size="small" onClick={() => void refetch()}>
              Повторить
            </Button>
          </Alert>
        </Match>
        <Match when={current()}>{(r) => <ReportBody report={r()} />}</Match>
        <Match when={true}>
          <Loading label="Загружаем отчёт…" />
        </Match>
      </Switch>
      <RulesCard />
    </div>
  );
}
