// «Сроки присоединения» (public): how long each stage of technological connection
// actually took in a quarter against its statutory term, and how fast appeals were
// answered against 30 days — from the cases' own histories, as charts with the
// table behind each and the open data as CSV and JSON.
import { useSearchParams } from '@solidjs/router';
import { createMemo, createResource, Show } from 'solid-js';
import { quarterLabel, recentQuarters } from '../../../../domain/transparency';
import { Loaded } from '../../components/Loaded';
import { trpc, type RouterOutputs } from '../../trpc';
import { Button, Card, DataTable, EmptyState, PageHeader, Select, SmallNote } from '../../ui';
import { formatNumber } from '../../ui/format';
import { LeadChart } from './LeadChart';
import { categoryTitle, download, formatDays, formatShare, quarterFromParam, quarterOptions, stageTitle, topicTitle } from './wording';
import './transparency.css';

type LeadTimes = RouterOutputs['transparency']['leadTimes'];
type StageRow = LeadTimes['data']['stages'][number];
type AppealRow = LeadTimes['data']['appeals'][number];

function StageTables(props: { result: LeadTimes }) {
  const overall = () => props.result.data.stages.filter((r) => r.category === 'all');
  const period = () => quarterLabel(props.result.data.quarter);
  return (
    <div class="stack stack--lg">
      <Card title="Этапы технологического присоединения">
        <Show when={overall().length} fallback={<EmptyState title="В этом квартале этапы не завершались">Выберите другой квартал.</EmptyState>}>
          <LeadChart
            title={`Фактическая длительность этапов за ${period()} в рабочих днях`}
            unit="раб. дн."
            items={overall().map((r) => ({ label: stageTitle(r.stage), median: r.medianWorkingDays, p90: r.p90WorkingDays, term: r.statutoryWorkingDays }))}
          />
          <DataTable<StageRow>
            caption={`Длительность этапов за ${period()} по категориям заявителей, рабочие дни`}
            captionVisible
            wide
            rows={props.result.data.stages}
            rowClass={(r) => ({ 'transparency-total': r.category === 'all' })}
            columns={[
              { header: 'Этап', cell: (r) => stageTitle(r.stage) },
              { header: 'Категория заявителя', label: 'Категория', cell: (r) => categoryTitle(r.category) },
              { header: 'Завершено этапов', label: 'Этапов', class: 'transparency-num', cell: (r) => formatNumber(r.count) },
              { header: 'Медиана, раб. дн.', label: 'Медиана', class: 'transparency-num', cell: (r) => formatDays(r.medianWorkingDays) },
              { header: '90-й процентиль, раб. дн.', label: '90-й процентиль', class: 'transparency-num', cell: (r) => formatDays(r.p90WorkingDays) },
              { header: 'Нормативный срок, раб. дн.', label: 'Срок', class: 'transparency-num', cell: (r) => formatDays(r.statutoryWorkingDays) },
              { header: 'С нарушением срока', label: 'С нарушением', class: 'transparency-num', cell: (r) => `${formatNumber(r.late)} из ${formatNumber(r.withTerm)} (${formatShare(r.lateShare)})` },
            ]}
          />
        </Show>
        <SmallNote>
          Длительность этапа — рабочие дни по производственному календарю от входа в этап до входа в следующий; в квартал попадают этапы, завершённые в нём. Нормативный срок — срок, установленный при входе в
          этап (медиана). Этапы, на которых действует заявитель (ожидание сведений, оплата), показаны для полноты: их срок — обязанность заявителя. Разбивка по районам появится, когда адреса заявок получат район.
        </SmallNote>
      </Card>
      <Card title="Ответы на обращения">
        <Show when={props.result.data.appeals.length} fallback={<EmptyState title="В этом квартале ответов на обращения не было">Выберите другой квартал.</EmptyState>}>
          <LeadChart
            title={`Срок ответа на обращения за ${period()} в календарных днях`}
            unit="дн."
            items={props.result.data.appeals.map((r) => ({ label: topicTitle(r.topic), median: r.medianDays, p90: r.p90Days, term: r.termDays }))}
          />
          <DataTable<AppealRow>
            caption={`Срок ответа на обращения за ${period()}, календарные дни`}
            captionVisible
            wide
            rows={props.result.data.appeals}
            columns={[
              { header: 'Тема', cell: (r) => topicTitle(r.topic) },
              { header: 'Ответов', class: 'transparency-num', cell: (r) => formatNumber(r.count) },
              { header: 'Медиана, дн.', label: 'Медиана', class: 'transparency-num', cell: (r) => formatDays(r.medianDays) },
              { header: '90-й процентиль, дн.', label: '90-й процентиль', class: 'transparency-num', cell: (r) => formatDays(r.p90Days) },
              { header: 'Срок, дн.', label: 'Срок', class: 'transparency-num', cell: (r) => formatNumber(r.termDays) },
              { header: 'С нарушением срока', label: 'С нарушением', class: 'transparency-num', cell: (r) => `${formatNumber(r.late)} (${formatShare(r.lateShare)})` },
            ]}
          />
        </Show>
      </Card>
    </div>
  );
}

/** The last four quarters side by side: each stage's median and late share, all applicants. */
function QuarterTrend() {
  const [trend, { refetch }] = createResource(() => Promise.all(recentQuarters(Date.now(), 4).map((quarter) => trpc.transparency.leadTimes.query({ quarter }))));
  const stages = () => [...new Set((trend() ?? []).flatMap((r) => r.data.stages.filter((s) => s.category === 'all').map((s) => s.stage)))];
  const cell = (result: LeadTimes, stage: string) => {
    const row = result.data.stages.find((s) => s.stage === stage && s.category === 'all');
    return row ? `${formatDays(row.medianWorkingDays)} раб. дн.; с нарушением ${formatShare(row.lateShare)}` : '—';
  };
  return (
    <Card title="По кварталам">
      <Loaded resource={trend} retry={refetch} loadError="Не удалось загрузить сроки по кварталам" loading="Считаем сроки по кварталам…">
        {(results) => (
          <Show when={stages().length} fallback={<EmptyState title="За последние четыре квартала этапы не завершались">Данные появятся с первыми заявками.</EmptyState>}>
            <DataTable<string>
              caption="Медиана длительности этапов и доля с нарушением срока за последние четыре квартала"
              wide
              rows={stages()}
              columns={[{ header: 'Этап', cell: (stage: string) => stageTitle(stage) }, ...results().map((r) => ({ header: quarterLabel(r.data.quarter), cell: (stage: string) => cell(r, stage) }))]}
            />
          </Show>
        )}
      </Loaded>
    </Card>
  );
}

export default function LeadTimesPage() {
  const [params, setParams] = useSearchParams<{ quarter?: string }>();
  const quarter = createMemo(() => quarterFromParam(params.quarter));
  const [result, { refetch }] = createResource(quarter, (q) => trpc.transparency.leadTimes.query({ quarter: q }));
  const fileBase = () => `Сроки присоединения ${quarter()}`;
  return (
    <div class="stack stack--lg">
      <PageHeader
        title="Сроки технологического присоединения"
        description="Сколько на самом деле длится каждый этап присоединения и ответ на обращение — по истории всех заявок и обращений, в сравнении с нормативным сроком."
      />
      <Card>
        <div class="cluster">
          <Select id="lead-quarter" label="Квартал" value={quarter()} options={quarterOptions(quarter())} onValue={(q) => setParams({ quarter: q }, { replace: true })} />
          <Show when={result()}>
            {(r) => (
              <>
                <Button variant="secondary" size="small" onClick={() => download(r().csv, `${fileBase()}.csv`, 'text/csv', true)}>
                  Скачать CSV
                </Button>
                <Button variant="secondary" size="small" onClick={() => download(JSON.stringify(r().data, null, 2), `${fileBase()}.json`, 'application/json')}>
                  Скачать JSON
                </Button>
              </>
            )}
          </Show>
        </div>
      </Card>
      <Loaded resource={result} retry={refetch} loadError="Не удалось загрузить сроки" loading="Считаем сроки…">
        {(r) => <StageTables result={r()} />}
      </Loaded>
      <QuarterTrend />
    </div>
  );
}
