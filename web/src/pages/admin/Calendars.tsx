// «Производственный календарь»: the admin loads a year (the decree's days off
// and working weekends) as CSV or JSON, with the decree's number and date, or
// marks it provisional. Every line is checked on the server; one bad line and
// nothing is saved. A loaded year recomputes the deadlines of running cases
// that fall in it, and the answer says how many moved. Versions are kept: the
// newest of a year is in force; the list shows who loaded each and when.
import { createResource, createSignal } from 'solid-js';
import { SHIPPED_CALENDAR_YEARS } from '../../../../domain/calendar-data';
import { calendarYearCsv, type ImportProblem } from '../../../../domain/calendar-import';
import { FileImportCard, problemColumns, refusal, type ImportAnswer, type ImportFile } from '../../components/FileImportCard';
import { ColumnsHelp } from '../../components/ImportParts';
import { Loaded } from '../../components/Loaded';
import { trpc, type RouterOutputs } from '../../trpc';
import { Button, Card, Checkbox, DataTable, EmptyState, Field, PageHeader, StatusChip, type Column } from '../../ui';
import { formatDateTime } from '../../ui/format';
import { download } from './tariffs/files';

type Version = RouterOutputs['calendars']['versions'][number];

const COLUMNS = ['date', 'kind', 'note'] as const;
const COLUMN_HELP: Record<(typeof COLUMNS)[number], string> = {
  date: 'дата: 04.01.2027 или 2027-01-04; все даты — одного года',
  kind: '«выходной» (off) — нерабочий будний день: праздник или перенесённый выходной; «рабочий» (working) — суббота или воскресенье, ставшие рабочими',
  note: 'основание (необязательно), например «перенос с 2 января»',
};

const versionColumns: Column<Version>[] = [
  { header: 'Год', cell: (v) => v.year },
  {
    header: 'Статус',
    cell: (v) => (
      <>
        <StatusChip tone={v.provisional ? 'warning' : 'success'}>{v.provisional ? 'Предварительный' : 'По постановлению'}</StatusChip>{' '}
        {v.inForce ? <StatusChip tone="info">действует</StatusChip> : <span class="muted small">заменён</span>}
      </>
    ),
  },
  { header: 'Основание', cell: (v) => <span title={v.note ?? undefined}>{v.source}</span> },
  { header: 'Рабочих дней', cell: (v) => v.workingDayCount },
  { header: 'Загружен', cell: (v) => `${formatDateTime(v.createdAt)}${v.importedByName ? `, ${v.importedByName}` : ' (поставка кабинета)'}` },
];

function CalendarImportCard(props: { onImported: () => void }) {
  const [year, setYear] = createSignal(String(new Date().getFullYear() + 1));
  const [decreeNumber, setDecreeNumber] = createSignal('');
  const [decreeDate, setDecreeDate] = createSignal('');
  const [provisional, setProvisional] = createSignal(false);
  const fileCarriesYear = (file: ImportFile) => file.format === 'json' && /"calendar"\s*:/.test(file.content);

  function template() {
    const shipped = SHIPPED_CALENDAR_YEARS[Number(year())] ?? SHIPPED_CALENDAR_YEARS[2027]!;
    download(`calendar-${shipped.year}.csv`, calendarYearCsv(shipped), 'text/csv;charset=utf-8');
  }

  async function send(file: ImportFile): Promise<ImportAnswer<ImportProblem>> {
    const calendar = fileCarriesYear(file) ? undefined : { year: year(), decreeNumber: decreeNumber(), decreeDate: decreeDate(), provisional: provisional() };
    const outcome = await trpc.calendars.import.mutate({ ...file, ...(calendar ? { calendar } : {}) });
    if (outcome.status !== 'imported') return refusal('Календарь не загружен', outcome.problems);
    const r = outcome.recalculation;
    const failed = r.failed.length ? ` Не удалось пересчитать: ${r.failed.map((f) => `${f.number} (${f.message})`).join('; ')}.` : '';
    return {
      status: 'imported',
      notice: {
        tone: r.failed.length ? 'warning' : 'success',
        title: `Календарь ${outcome.year} года загружен${outcome.provisional ? ' как предварительный' : ''}`,
        text: `${outcome.source}. Рабочих дней: ${outcome.workingDayCount}. Дел в работе со сроком в ${outcome.year} году и позже: ${r.found}, сроки пересчитаны: ${r.recalculated}.${failed}`,
      },
    };
  }

  return (
    <FileImportCard
      title="Загрузить календарь года"
      intro={
        <>
          Укажите нерабочие будние дни года (праздники и перенесённые выходные) и субботы или воскресенья, ставшие рабочими, — как в постановлении Правительства «О переносе выходных дней».
          Загруженный календарь заменяет прежний для этого года; сроки дел в работе, которые приходятся на этот год и позже, пересчитываются, заявители получают уведомление с указанием постановления.
        </>
      }
      sourceLegend="Дни"
      source={{ id: 'calendar-file', contentId: 'calendar-content', label: 'Файл календаря', accept: '.csv,.json,.txt,text/csv,application/json' }}
      formatId="calendar-format"
      help={
        <>
          <div class="cluster">
            <Button variant="secondary" size="small" onClick={template}>
              Скачать шаблон CSV (календарь из поставки)
            </Button>
          </div>
          <ColumnsHelp columns={COLUMNS} help={COLUMN_HELP} code>
            <p class="muted small">JSON — объект {'{ "calendar": { "year": 2027, "decreeNumber": "…", "decreeDate": "2026-10-01" }, "days": [ { "date": "2027-01-04", "kind": "off" }, … ] }'}. Подробнее: docs/production-calendar.md.</p>
          </ColumnsHelp>
        </>
      }
      settings={{ legend: 'Год и постановление', inFile: fileCarriesYear, inFileNote: 'Год и постановление взяты из файла: поле «calendar».' }}
      submitLabel="Проверить и загрузить"
      empty={{ title: 'Нет данных', text: 'Выберите файл календаря или вставьте его содержимое.' }}
      failure={{ title: 'Календарь не загружен' }}
      send={send}
      errorColumns={(format) => problemColumns(format, 'Поле')}
      onImported={props.onImported}
    >
      <div class="form-grid">
        <Field id="calendar-year" label="Год" inputMode="numeric" maxLength={4} required value={year()} onValue={setYear} />
        <Field id="calendar-decreeNumber" label="Номер постановления" hint="Например: 1466" maxLength={50} value={decreeNumber()} onValue={setDecreeNumber} />
        <Field id="calendar-decreeDate" label="Дата постановления" type="date" value={decreeDate()} onValue={setDecreeDate} />
      </div>
      <Checkbox id="calendar-provisional" checked={provisional()} onChange={setProvisional} hint="Постановления ещё нет: сроки в этом году будут помечены «предварительно»">
        Предварительный календарь
      </Checkbox>
    </FileImportCard>
  );
}

export default function CalendarsPage() {
  const [versions, { refetch }] = createResource(() => trpc.calendars.versions.query());
  return (
    <div class="stack stack--lg">
      <PageHeader title="Производственный календарь" description="Рабочие и нерабочие дни по годам: по ним считаются сроки в рабочих днях и переносы сроков с выходных." />
      <CalendarImportCard onImported={() => void refetch()} />
      <Card title="Версии календаря">
        <Loaded resource={versions} retry={refetch} loadError="Не удалось загрузить список" loading="Загружаем календарь…" empty={<EmptyState title="Календарей пока нет">Загруженные годы появятся здесь.</EmptyState>}>
          {(list) => (
            <>
              <DataTable caption="Версии календаря по годам" columns={versionColumns} rows={list()} />
              <p class="muted small">Год без загруженного календаря считается по ст. 112 ТК РФ (выходные и праздники) и помечается как предварительный.</p>
            </>
          )}
        </Loaded>
      </Card>
    </div>
  );
}
