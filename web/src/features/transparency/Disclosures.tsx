// «Раскрытие информации» (public): the quarterly report on technological connection
// the disclosure standards ask of a grid company (ПП РФ от 21.01.2004 № 24, п. 19),
// generated from the read models for any quarter, by power band and by voltage level,
// with the contracts' fees; CSV for Excel and PDF. What is not verified is said (◐, ❓).
import { useSearchParams } from '@solidjs/router';
import { createMemo, createResource, For, type JSX } from 'solid-js';
import {
  DISCLOSURE_COLUMNS,
  DISCLOSURE_DEFINITIONS,
  DISCLOSURE_GAPS,
  isMoneyColumn,
  quarterLabel,
  voltageLevelLabel,
  type DisclosureFigures,
  type DisclosureRow,
  type DisclosureVoltageRow,
} from '../../../../domain/transparency';
import { Loaded } from '../../components/Loaded';
import { trpc, type RouterOutputs } from '../../trpc';
import { Button, buttonClass, Card, DataTable, PageHeader, Select, SmallNote } from '../../ui';
import { formatNumber, formatRub } from '../../ui/format';
import { bandTitle, download, quarterFromParam, quarterOptions } from './wording';
import './transparency.css';

type Disclosure = RouterOutputs['transparency']['disclosure'];

const figure = (row: DisclosureFigures, key: keyof DisclosureFigures) => (isMoneyColumn(key) ? formatRub(row[key]) : formatNumber(row[key]));

/** One cut of the report (power bands or voltage levels) with the quarter's total below. */
function FiguresTable<T extends DisclosureFigures>(props: { caption: string; groupHeader: string; group: (row: T) => string; rows: T[]; total: DisclosureFigures }): JSX.Element {
  return (
    <DataTable<T>
      caption={props.caption}
      captionVisible
      wide
      rows={props.rows}
      columns={[
        { header: props.groupHeader, cell: (r) => props.group(r) },
        ...DISCLOSURE_COLUMNS.map(([key, title]) => ({ header: title, class: 'transparency-num', cell: (r: T) => figure(r, key) })),
      ]}
      footer={
        <tfoot>
          <tr class="transparency-total">
            <th scope="row">Итого</th>
            <For each={DISCLOSURE_COLUMNS}>{([key, title]) => <td data-label={title} class="transparency-num">{figure(props.total, key)}</td>}</For>
          </tr>
        </tfoot>
      }
    />
  );
}

function ReportTable(props: { report: Disclosure }) {
  const period = () => quarterLabel(props.report.data.quarter);
  return (
    <Card title={`Технологическое присоединение за ${period()}`}>
      <div class="stack">
        <FiguresTable<DisclosureRow>
          caption={`Заявки, договоры и присоединения за ${period()} по диапазонам мощности`}
          groupHeader="Диапазон мощности"
          group={(r) => bandTitle(r.band)}
          rows={props.report.data.rows}
          total={props.report.data.total}
        />
        <FiguresTable<DisclosureVoltageRow>
          caption={`Заявки, договоры и присоединения за ${period()} по уровням напряжения`}
          groupHeader="Уровень напряжения"
          group={(r) => voltageLevelLabel(r.level)}
          rows={props.report.data.voltageRows}
          total={props.report.data.total}
        />
      </div>
      <SmallNote spaced>{DISCLOSURE_DEFINITIONS}</SmallNote>
      <For each={DISCLOSURE_GAPS}>{(gap) => <SmallNote spaced>{gap}</SmallNote>}</For>
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
