// The schedule from a CSV file (or pasted text). The server checks every row;
// one bad row and nothing is saved, and the report names line, column and fault.
import { onCleanup } from 'solid-js';
import { OUTAGE_CSV_COLUMNS, type RowError } from '../../../../../domain/outages';
import { outageCsvTemplate } from '../../../features/outages/outages';
import { describeApiError, trpc } from '../../../trpc';
import { FileImportCard, type ImportAnswer } from '../../../components/FileImportCard';
import { ColumnsHelp } from '../../../components/ImportParts';
import { buttonClass, type Column } from '../../../ui';
import { pluralRu } from '../../../ui/format';

const COLUMN_HELP: Record<(typeof OUTAGE_CSV_COLUMNS)[number], string> = {
  Район: 'муниципальный район или городской округ',
  'Населённый пункт': 'город, посёлок, деревня или СНТ, как его ищут жители: «г. Истра», «СНТ «Ромашка»»',
  'Улицы и дома': 'улицы через «;», дома после двоеточия через запятую, диапазон через тире: «ул. Садовая: 1, 3, 5–9; ул. Лесная» (без домов — вся улица); поле с «;» заключите в кавычки',
  Дата: 'ДД.ММ.ГГГГ',
  Начало: 'ЧЧ:ММ, московское время',
  Окончание: 'ЧЧ:ММ, московское время, позже начала',
  Причина: 'что за работы, например «Замена опор ВЛ-0,4 кВ»',
  'Объект сети': 'линия или подстанция, например «ВЛ-0,4 кВ Ф-3 от ТП-112»',
};

const ERROR_COLUMNS: Column<RowError>[] = [
  { header: 'Строка', cell: (e) => e.line },
  { header: 'Столбец', cell: (e) => e.column || 'вся строка' },
  { header: 'Ошибка', cell: (e) => e.message },
];

async function send(content: string): Promise<ImportAnswer<RowError>> {
  const result = await trpc.outages.import.mutate({ csv: content });
  const n = result.errors.length;
  if (n) {
    const text = `В файле ${n} ${pluralRu(n, ['ошибка', 'ошибки', 'ошибок'])}. Ни одна строка не сохранена — исправьте файл и загрузите его снова.`;
    return { status: 'refused', notice: { tone: 'error', title: 'График не загружен: ничего не сохранено', text }, errors: result.errors };
  }
  return { status: 'imported', notice: { tone: 'success', title: 'График загружен', text: `Загружено: ${result.imported}. Подписчики получат предупреждения по этим адресам.` } };
}

export function ImportCard(props: { onImported: () => void }) {
  // The BOM lets Excel open the UTF-8 template with its Cyrillic intact.
  const templateUrl = URL.createObjectURL(new Blob(['\ufeff', outageCsvTemplate()], { type: 'text/csv;charset=utf-8' }));
  onCleanup(() => URL.revokeObjectURL(templateUrl));

  return (
    <FileImportCard
      title="Загрузить график из CSV"
      intro="Каждая строка файла — одно отключение. Если в файле есть ошибка, не загружается ни одна строка: исправьте файл и загрузите его целиком."
      source={{ id: 'outage-file', contentId: 'outage-csv', label: 'Файл CSV', accept: '.csv,text/csv' }}
      help={<ColumnsHelp columns={OUTAGE_CSV_COLUMNS} help={COLUMN_HELP} />}
      submitLabel="Загрузить"
      actions={
        <a class={buttonClass('secondary')} href={templateUrl} download="шаблон-графика-отключений.csv">
          Скачать шаблон CSV
        </a>
      }
      empty={{ title: 'График не загружен', text: 'Выберите файл CSV или вставьте его содержимое.' }}
      failure={{
        title: 'График не загружен',
        text: (error) => {
          const { message, fieldErrors } = describeApiError(error);
          return fieldErrors.csv?.[0] ?? message;
        },
      }}
      send={(file) => send(file.content)}
      errorColumns={() => ERROR_COLUMNS}
      errorsClass="table--compact outage-errors"
      clearOnEdit
      answerBelow
      onImported={props.onImported}
    />
  );
}
