// «Раскрытие информации» (public): the quarterly report on technological connection
// the disclosure standards ask of a grid company (ПП РФ от 21.01.2004 № 24, п. 19),
// generated from the read models for any quarter; CSV for Excel and PDF. What the
// standards name but the read models do not hold is said on the page (❓).
import { useSearchParams } from '@solidjs/router';
import { createMemo, createResource, For } from 'solid-js';
import { DISCLOSURE_COLUMNS, DISCLOSURE_GAPS, quarterLabel, type DisclosureRow } from '../../../../domain/transparency';
import { Loaded } from '../../components/Loaded';
import { trpc, type RouterOutputs } from '../../trpc';
import { Button, buttonClass, Card, DataTable, PageHeader, Select, SmallNote } from '../../ui';
import { formatNumber } from '../../ui/format';
import { bandTitle, download, quarterFromParam, quarterOptions } from './wording';
import './transparency.css';

type Disclosure = RouterOutputs['transparency']['disclosure'];

function ReportTable(props: { report: Disclosure }) {
  const period = () => quarterLabel(props.report.data.quarter);
  return (
    <Card title={`Технологическое присоединение за ${period()}`}>
      <DataTable<DisclosureRow>
        caption={`Заявки, договоры и присоединения за ${period()} по диапазонам мощности`}
        captionVisible
        wide
        rows={props.report.data.rows}
        columns={[
          { header: 'Диапазон мощности', cell: (r) => bandTitle(r.band) },
          ...DISCLOSURE_COLUMNS.map(([key, title]) => ({ header: title, class: 'transparency-num', cell: (r: DisclosureRow) => formatNumber(r[key]) })),
        ]}
        footer={
          <tfoot>
            <tr class="transparency-total">
              <th scope="row">Итого</th>
              <For each={DISCLOSURE_COLUMNS}>{([key, title]) => <td data-label={title} class="transparency-num">{formatNumber(props.report.data.total[key])}</td>}</For>
            </tr>
          </tfoot>
        }
      />
      <For each={DISCLOSURE_GAPS}>{(gap) => <SmallNote spaced>{gap}</SmallNote>}</For>
      <SmallNote spaced>
        Подано — заявки, поступившие в квартале; аннулировано и отозвано, выполнено присоединений — заявки, закрытые в квартале; заключено договоров — договоры, заключённые в квартале (днём оплаты счёта).
      </SmallNote>
    </Card>
  );
}

export default function DisclosuresPage() {
  const [params, setParams] = useSearchParams<{ quarter?: string }>();
  const quarter = createMemo(() => quarterFromParam(params.quarter));
  const [report, { refetch }] = createResource(quarter, (q) => trpc.transparency.disclosure.query({ quarter: q }));
  return (
    <div class="stack stack--lg">
      <PageHeader
        title="Раскрытие информации о технологическом присоединении"
        description="Ежеквартальные сведения по стандартам раскрытия информации субъектами оптового и розничных рынков электрической энергии (ПП РФ от 21.01.2004 № 24, п. 19), сформированные по данным кабинета."
      />
      <Card>
        <div class="cluster">
          <Select id="disclosure-quarter" label="Квартал" value={quarter()} options={quarterOptions(quarter())} onValue={(q) => setParams({ quarter: q }, { replace: true })} />
          <Button variant="secondary" size="small" disabled={!report()} onClick={() => report() && download(report()!.csv, `Раскрытие информации ${quarter()}.csv`, 'text/csv', true)}>
            Скачать CSV
          </Button>
          <a class={buttonClass('secondary', 'small')} href={`/api/disclosures/${quarter()}.pdf`} download={`Раскрытие информации ${quarter()}.pdf`}>
            Скачать PDF
          </a>
        </div>
      </Card>
      <Loaded resource={report} retry={refetch} loadError="Не удалось сформировать отчёт" loading="Формируем отчёт…">
        {(r) => <ReportTable report={r()} />}
      </Loaded>
    </div>
  );
}
