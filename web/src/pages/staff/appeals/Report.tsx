// The report on appeals in the shape of Order 186, Appendix 7: counts by topic,
// kind and channel — answered on time, late, not answered — with totals, a bar
// chart per topic and the CSV for spreadsheets. The period lives in the address.
import { useSearchParams } from '@solidjs/router';
import { createMemo, createResource, For, Show } from 'solid-js';
import { APPEAL_CHANNEL_LABELS, APPEAL_KIND_LABELS, APPEAL_TOPIC_LABELS, APPEAL_TOPICS, type AppealReportRow } from '../../../../../domain/appeal';
import { currentMonth, downloadCsv, labelOf, reportFileName, sumCounts, totalsByChannel, totalsByTopic, type Counts } from '../../../features/appeals/wording';
import { createForm } from '../../../forms';
import { Loaded } from '../../../components/Loaded';
import { trpc, type RouterOutputs } from '../../../trpc';
import { Button, Card, EmptyState, Field, PageHeader } from '../../../ui';
import { formatDate, formatNumber } from '../../../ui/format';
import { z } from 'zod';
import '../../../features/appeals/appeals.css';

type Report = RouterOutputs['staffAppeals']['report'];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const periodSchema = z
  .object({
    from: z.string().regex(ISO_DATE, 'Укажите дату начала периода'),
    to: z.string().regex(ISO_DATE, 'Укажите дату конца периода'),
  })
  // The same words as the server's refusal.
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'Начало периода позже его конца' });

function CountCells(props: { counts: Counts }) {
  return (
    <>
      <td class="num" data-label="Всего">
        {formatNumber(props.counts.total)}
      </td>
      <td class="num" data-label="В срок">
        {formatNumber(props.counts.onTime)}
      </td>
      <td class="num" classList={{ 'is-late': props.counts.late > 0 }} data-label="С нарушением срока">
        {formatNumber(props.counts.late)}
      </td>
      <td class="num" data-label="Без ответа">
        {formatNumber(props.counts.notAnswered)}
      </td>
    </>
  );
}

function CountHeaders() {
  return (
    <>
      <th scope="col" class="num">
        Всего
      </th>
      <th scope="col" class="num">
        В срок
      </th>
      <th scope="col" class="num">
        С нарушением срока
      </th>
      <th scope="col" class="num">
        Без ответа
      </th>
    </>
  );
}

/** Topic by topic, each with its rows (kind × channel) and a subtotal; the grand total last. */
function DetailTable(props: { rows: readonly AppealReportRow[] }) {
  const groups = createMemo(() =>
    APPEAL_TOPICS.map((topic) => ({ topic, rows: props.rows.filter((r) => r.topic === topic) }))
      .filter((g) => g.rows.length > 0)
      .map((g) => ({ ...g, label: APPEAL_TOPIC_LABELS[g.topic], subtotal: sumCounts(g.rows) })),
  );
  return (
    <div class="table-wrap">
      <table class="table table--compact report-table">
        <caption class="visually-hidden">Обращения по темам, видам и каналам поступления</caption>
        <thead>
          <tr>
            <th scope="col">Тема</th>
            <th scope="col">Вид</th>
            <th scope="col">Канал поступления</th>
            <CountHeaders />
          </tr>
        </thead>
        <tbody>
          <For each={groups()}>
            {(group) => (
              <>
                <For each={group.rows}>
                  {(row) => (
                    <tr>
                      <td data-label="Тема">{group.label}</td>
                      <td data-label="Вид">{labelOf(APPEAL_KIND_LABELS, row.kind)}</td>
                      <td data-label="Канал поступления">{labelOf(APPEAL_CHANNEL_LABELS, row.channel)}</td>
                      <CountCells counts={row} />
                    </tr>
                  )}
                </For>
                <tr class="report-table__subtotal">
                  <td colSpan={3} data-label="Итого">
                    Итого по теме «{group.label}»
                  </td>
                  <CountCells counts={group.subtotal} />
                </tr>
              </>
            )}
          </For>
          <tr class="report-table__grand">
            <td colSpan={3}>Всего за период</td>
            <CountCells counts={sumCounts(props.rows)} />
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function TotalsTable(props: { caption: string; first: string; rows: ReadonlyArray<Counts & { label: string }> }) {
  return (
    <div class="table-wrap">
      <table class="table table--compact report-table">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.first}</th>
            <CountHeaders />
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr>
                <td data-label={props.first}>{row.label}</td>
                <CountCells counts={row} />
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

// --- chart ------------------------------------------------------------------------------------

const SERIES = [
  { key: 'onTime', label: 'Ответ в срок', swatch: 'swatch--on-time' },
  { key: 'late', label: 'Ответ с нарушением срока', swatch: 'swatch--late' },
  { key: 'notAnswered', label: 'Без ответа', swatch: 'swatch--not-answered' },
] as const;

const CHART_WIDTH = 720;
const VALUE_WIDTH = 90;
const ROW_HEIGHT = 50;
const BAR_HEIGHT = 18;

/** One stacked bar per topic: answered on time, late, not answered. Every segment names itself in a <title>. */
function TopicChart(props: { rows: readonly AppealReportRow[]; period: string }) {
  const topics = createMemo(() => totalsByTopic(props.rows));
  const max = () => Math.max(1, ...topics().map((t) => t.total));
  const scale = (n: number) => (n / max()) * (CHART_WIDTH - VALUE_WIDTH);
  const summary = () => {
    const all = sumCounts(props.rows);
    return `Диаграмма ответов на обращения по темам за ${props.period}: всего ${all.total}, в срок ${all.onTime}, с нарушением срока ${all.late}, без ответа ${all.notAnswered}.`;
  };
  const segments = (t: Counts) => {
    let x = 0;
    return SERIES.filter((s) => t[s.key] > 0).map((s) => {
      const segment = { ...s, x, width: scale(t[s.key]), value: t[s.key] };
      x += segment.width;
      return segment;
    });
  };
  return (
    <div class="stack">
      <svg class="chart" viewBox={`0 0 ${CHART_WIDTH} ${topics().length * ROW_HEIGHT}`} role="img" aria-label={summary()}>
        <For each={topics()}>
          {(t, i) => (
            <g transform={`translate(0 ${i() * ROW_HEIGHT})`}>
              <text class="chart__label" x={0} y={16}>
                {t.label}
              </text>
              <line class="chart__grid" x1={0} x2={CHART_WIDTH - VALUE_WIDTH} y1={24 + BAR_HEIGHT + 1} y2={24 + BAR_HEIGHT + 1} />
              <For each={segments(t)}>
                {(s) => (
                  <rect class={s.swatch} x={s.x} y={24} width={Math.max(2, s.width)} height={BAR_HEIGHT} rx={2}>
                    <title>
                      {t.label}: {s.label.toLowerCase()} — {s.value}
                    </title>
                  </rect>
                )}
              </For>
              <text class="chart__value" x={CHART_WIDTH - VALUE_WIDTH + 8} y={24 + BAR_HEIGHT - 4}>
                всего {t.total}
              </text>
            </g>
          )}
        </For>
      </svg>
      <ul class="chart-legend" aria-hidden="true">
        <For each={SERIES}>
          {(s) => (
            <li>
              <span class={`chart-legend__swatch ${s.swatch}`} />
              {s.label}
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}

// --- page -------------------------------------------------------------------------------------

function ReportBody(props: { report: Report }) {
  const period = () => `${formatDate(props.report.period.from)} — ${formatDate(props.report.period.to)}`;
  const rows = () => props.report.rows;
  return (
    <div class="stack stack--lg">
      <Card
        title={`Обращения за ${period()}`}
        actions={
          <Button variant="secondary" size="small" onClick={() => downloadCsv(props.report.csv, reportFileName(props.report.period))}>
            Скачать CSV
          </Button>
        }
      >
        <Show when={rows().length} fallback={<EmptyState title="За период обращений нет">Выберите другой период.</EmptyState>}>
          <DetailTable rows={rows()} />
        </Show>
      </Card>
      <Card title="Ответы по темам">
        <TopicChart rows={rows()} period={period()} />
      </Card>
      <Card title="Итого по темам">
        <TotalsTable caption="Итого по темам" first="Тема" rows={totalsByTopic(rows())} />
      </Card>
      <Card title="Итого по каналам поступления">
        <TotalsTable caption="Итого по каналам поступления" first="Канал поступления" rows={totalsByChannel(rows())} />
      </Card>
    </div>
  );
}

export default function AppealsReportPage() {
  const [params, setParams] = useSearchParams<{ from?: string; to?: string }>();
  const fallback = currentMonth(Date.now());
  const period = createMemo(() => {
    const parsed = periodSchema.safeParse({ from: params.from ?? fallback.from, to: params.to ?? fallback.to });
    return parsed.success ? parsed.data : fallback;
  });
  const form = createForm({ initial: { from: period().from, to: period().to }, schema: periodSchema });
  const [report, { refetch }] = createResource(period, (p) => trpc.staffAppeals.report.query(p));

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const data = form.parse();
    if (data) setParams({ from: data.from, to: data.to }, { replace: true });
  }

  return (
    <div class="stack stack--lg">
      <PageHeader title="Отчёт по обращениям" description="Форма приложения № 7 к единым стандартам качества обслуживания (приказ Минэнерго России № 186): обращения по темам, видам и каналам поступления и соблюдение срока ответа." />
      <Card>
        <form class="report-period" novalidate onSubmit={submit} aria-label="Период отчёта">
          <Field id="report-from" label="Начало периода" type="date" required {...form.bindText('from')} />
          <Field id="report-to" label="Конец периода" type="date" required {...form.bindText('to')} />
          <div class="field">
            <Button type="submit" loading={report.loading}>
              Сформировать
            </Button>
          </div>
        </form>
      </Card>
      <Loaded resource={report} retry={refetch} loadError="Не удалось сформировать отчёт" loading="Формируем отчёт…">
        {(r) => <ReportBody report={r()} />}
      </Loaded>
    </div>
  );
}
