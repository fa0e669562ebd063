// «Оценки качества»: the staff summary of the applicants' ratings for a period,
// by stage or by topic: averages and counts in a table, the distribution of
// 1–5 scores of one criterion as small bar charts. The selection lives in the
// address so a summary can be linked.
import { useSearchParams } from '@solidjs/router';
import { createMemo, createResource, For, Show } from 'solid-js';
import { moscowDate } from '../../../../domain/calendar';
import { periodProblem, RATING_CRITERIA, RATING_CRITERION_LABELS, RATING_GROUP_BY, RATING_GROUP_BY_LABELS, RATING_SCORES, type RatingCriterion, type RatingGroupBy } from '../../../../domain/rating';
import { trpc } from '../../trpc';
import { Card, EmptyState, Field, PageHeader, Select } from '../../ui';
import { formatDate, pluralRu } from '../../ui/format';
import '../../features/ratings/ratings.css';
import { Loaded, StatusLine } from '../../components/Loaded';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const asDate = (v: unknown, fallback: string) => (typeof v === 'string' && ISO_DATE.test(v) ? v : fallback);
const asGroupBy = (v: unknown): RatingGroupBy => RATING_GROUP_BY.find((g) => g === v) ?? 'stage';
const asCriterion = (v: unknown): RatingCriterion => RATING_CRITERIA.find((c) => c === v) ?? 'overall';

const averageFormat = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
const formatAverage = (count: number, value: number) => (count ? averageFormat.format(value) : '—');

const GROUP_BY_OPTIONS = RATING_GROUP_BY.map((g) => ({ value: g, label: RATING_GROUP_BY_LABELS[g] }));
const CRITERION_OPTIONS = RATING_CRITERIA.map((c) => ({ value: c, label: RATING_CRITERION_LABELS[c] }));

export default function StaffRatingsPage() {
  const today = moscowDate(Date.now());
  const monthStart = `${today.slice(0, 8)}01`;
  const [params, setParams] = useSearchParams<{ from?: string; to?: string; by?: string; criterion?: string }>();
  const from = () => asDate(params.from, monthStart);
  const to = () => asDate(params.to, today);
  const groupBy = () => asGroupBy(params.by);
  const criterion = () => asCriterion(params.criterion);
  const problem = () => periodProblem(from(), to());

  const query = createMemo(() => (problem() ? false : { from: from(), to: to(), groupBy: groupBy() }));
  const [summary, { refetch }] = createResource(query, (q) => trpc.ratings.summary.query(q));

  return (
    <div class="stack stack--lg">
      <PageHeader title="Оценки качества" description="Оценки заявителей по завершённым этапам заявок и закрытым обращениям: средние значения и распределение оценок от 1 до 5." />
      <Card>
        <div class="stack">
          <div class="form-grid" role="search" aria-label="Период и группировка">
            <Field id="ratings-from" label="Начало периода" type="date" class="field--date" value={from()} onValue={(v) => ISO_DATE.test(v) && setParams({ from: v }, { replace: true })} />
            <Field id="ratings-to" label="Конец периода" type="date" class="field--date" value={to()} error={problem() ?? undefined} onValue={(v) => ISO_DATE.test(v) && setParams({ to: v }, { replace: true })} />
            <Select id="ratings-group" label="Группировка" options={GROUP_BY_OPTIONS} value={groupBy()} onValue={(v) => setParams({ by: asGroupBy(v) }, { replace: true })} />
          </div>

          <Show when={!problem()}>
            <Loaded
              resource={summary}
              retry={refetch}
              loadError="Не удалось загрузить оценки"
              loading="Загружаем сводку…"
              isEmpty={(v) => v.total.count === 0}
              empty={
                <EmptyState icon="search" title="За период оценок нет">
                  Выберите другой период.
                </EmptyState>
              }
            >
              {(s) => (
                <>
                  <StatusLine>
                    {summary.loading
                      ? 'Обновляем сводку…'
                      : `С ${formatDate(s().period.from)} по ${formatDate(s().period.to)}: ${s().total.count} ${pluralRu(s().total.count, ['оценка', 'оценки', 'оценок'])}`}
                  </StatusLine>
                  <div class="table-wrap">
                    <table class="table table--compact rating-table">
                      <caption class="visually-hidden">Средние оценки {groupBy() === 'stage' ? 'по этапам' : 'по темам'}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{groupBy() === 'stage' ? 'Этап' : 'Тема'}</th>
                          <For each={['Оценок', ...RATING_CRITERIA.map((c) => RATING_CRITERION_LABELS[c])]}>
                            {(header) => (
                              <th scope="col" class="rating-table__num">
                                {header}
                              </th>
                            )}
                          </For>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={s().groups}>{(g) => <AveragesRow label={g.label} count={g.count} averages={g.averages} />}</For>
                      </tbody>
                      <tfoot>
                        <AveragesRow label="Всего" count={s().total.count} averages={s().total.averages} />
                      </tfoot>
                    </table>
                  </div>

              <section class="stack" aria-labelledby="ratings-charts-title">
                <h2 class="section-title" id="ratings-charts-title">
                  Распределение оценок
                </h2>
                <Select id="ratings-criterion" label="Критерий" options={CRITERION_OPTIONS} value={criterion()} onValue={(v) => setParams({ criterion: asCriterion(v) }, { replace: true })} />
                <ul class="rating-charts">
                  <For each={[...s().groups, { key: 'total', kind: 'total', label: 'Все оценки за период', count: s().total.count, distribution: s().total.distribution }]}>
                    {(g) => (
                      <li class="rating-chart">
                        <h3 class="rating-chart__title">{g.label}</h3>
                        <DistributionChart label={g.label} criterion={criterion()} counts={g.distribution[criterion()]} />
                      </li>
                    )}
                  </For>
                </ul>
              </section>
                </>
              )}
            </Loaded>
          </Show>
        </div>
      </Card>
    </div>
  );
}

/** A row of the table: its label, how many ratings, the average of each criterion. */
function AveragesRow(props: { label: string; count: number; averages: Record<RatingCriterion, number> }) {
  return (
    <tr>
      <th scope="row">{props.label}</th>
      <For each={[{ label: 'Оценок', text: String(props.count) }, ...RATING_CRITERIA.map((c) => ({ label: RATING_CRITERION_LABELS[c], text: formatAverage(props.count, props.averages[c]) }))]}>
        {(cell) => (
          <td data-label={cell.label} class="rating-table__num">
            {cell.text}
          </td>
        )}
      </For>
    </tr>
  );
}

const CHART = { width: 260, height: 150, top: 18, bottom: 22, bar: 36, gap: 14, left: 12 };

/** Five bars, one per score; the whole chart and each bar say their numbers to a screen reader. */
function DistributionChart(props: { label: string; criterion: RatingCriterion; counts: number[] }) {
  const total = () => props.counts.reduce((a, b) => a + b, 0);
  const max = () => Math.max(1, ...props.counts);
  const share = (n: number) => (total() ? Math.round((n / total()) * 100) : 0);
  const plot = CHART.height - CHART.top - CHART.bottom;
  const description = () =>
    `${props.label}, ${RATING_CRITERION_LABELS[props.criterion]}: ${RATING_SCORES.map((s, i) => `оценка ${s} — ${props.counts[i] ?? 0}`).join(', ')}`;
  return (
    <svg class="rating-chart__svg" viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-label={description()}>
      <line x1={CHART.left - 4} x2={CHART.width - 4} y1={CHART.height - CHART.bottom} y2={CHART.height - CHART.bottom} class="rating-chart__axis" />
      <For each={RATING_SCORES}>
        {(score, i) => {
          const n = () => props.counts[i()] ?? 0;
          const h = () => (n() / max()) * plot;
          const x = CHART.left + i() * (CHART.bar + CHART.gap);
          return (
            <g class={`rating-chart__bar rating-chart__bar--${score}`}>
              <title>{`Оценка ${score}: ${n()} (${share(n())}%)`}</title>
              <rect x={x} y={CHART.height - CHART.bottom - h()} width={CHART.bar} height={Math.max(h(), n() ? 1 : 0)} rx="2" />
              <text x={x + CHART.bar / 2} y={CHART.height - CHART.bottom - h() - 4} text-anchor="middle" class="rating-chart__count">
                {n()}
              </text>
              <text x={x + CHART.bar / 2} y={CHART.height - 6} text-anchor="middle" class="rating-chart__score">
                {score}
              </text>
            </g>
          );
        }}
      </For>
    </svg>
  );
}
