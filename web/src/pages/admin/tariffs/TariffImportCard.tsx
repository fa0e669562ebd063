// «Загрузить новый набор тарифов»: a regional decision as CSV or JSON, with the
// set's parameters (unless the JSON file carries them). Every row is checked on
// the server; one bad row and nothing is saved, and the report says where.
import { FEE_RULES } from '../../../../../domain/regulations';
import { tariffCsvTemplate, TARIFF_COLUMN_HELP, TARIFF_COLUMNS, type ImportProblem } from '../../../../../domain/tariff-import';
import { tariffSetMetaSchema, vatRateOn } from '../../../../../domain/tariffs';
import { failureShownOn, FileImportCard, problemColumns, refusal, type ImportAnswer, type ImportFile } from '../../../components/FileImportCard';
import { ColumnsHelp } from '../../../components/ImportParts';
import { createForm } from '../../../forms';
import { trpc } from '../../../trpc';
import { Button, Checkbox, Field } from '../../../ui';
import { formatDate } from '../../../ui/format';
import { download, fileCarriesSet, numberText } from './files';

export function TariffImportCard(props: { onImported: () => void }) {
  const form = createForm({
    initial: {
      region: '',
      title: '',
      validFrom: '',
      validTo: '',
      decision: '',
      source: '',
      vatRatePercent: '',
      preferentialRatePerKw: '',
      preferentialRateVatIncluded: true,
      sample: false,
    },
    schema: tariffSetMetaSchema,
    toInput: (v) => ({
      ...v,
      validTo: v.validTo === '' ? null : v.validTo,
      vatRatePercent: numberText(v.vatRatePercent),
      preferentialRatePerKw: numberText(v.preferentialRatePerKw) ?? null,
    }),
  });
  const setFromFile = (file: ImportFile) => fileCarriesSet(file.format, file.content);
  const defaultVat = () => {
    const from = form.text('validFrom');
    return /^\d{4}-\d{2}-\d{2}$/.test(from) ? vatRateOn(from) : null;
  };

  async function send(file: ImportFile): Promise<ImportAnswer<ImportProblem> | null> {
    const set = setFromFile(file) ? undefined : form.parse();
    if (set === null) return null;
    const outcome = await trpc.tariffs.import.mutate({ ...file, ...(set ? { set } : {}) });
    if (outcome.status !== 'imported') return refusal('Набор не загружен', outcome.problems);
    form.reset();
    const text = `«${outcome.set.title}», ${outcome.set.region}: ставок — ${outcome.rateCount}, действует с ${formatDate(outcome.set.validFrom)}.`;
    return { status: 'imported', notice: { tone: 'success', title: 'Набор тарифов загружен', text } };
  }

  return (
    <FileImportCard
      title="Загрузить новый набор тарифов"
      intro="Наборы не изменяются: новое решение органа регулирования загружается новым набором и действует с указанной даты. Расчёты на более ранние даты остаются прежними."
      sourceLegend="Ставки"
      source={{ id: 'tariff-file', contentId: 'tariff-content', label: 'Файл с тарифами', accept: '.csv,.json,.txt,text/csv,application/json' }}
      formatId="tariff-format"
      help={
        <>
          <div class="cluster">
            <Button variant="secondary" size="small" onClick={() => download('tariffs-template.csv', tariffCsvTemplate(), 'text/csv;charset=utf-8')}>
              Скачать шаблон CSV
            </Button>
          </div>
          <ColumnsHelp columns={TARIFF_COLUMNS} help={TARIFF_COLUMN_HELP} code>
            <p class="muted small">JSON — массив таких записей или объект {'{ "set": {…параметры набора…}, "rows": [ … ] }'}.</p>
            <p class="muted small">
              Столбцы lineType, layingMethod, crossSection, substationType, capacity необязательны: файл без них загружается как раньше, ставка без разбивки пишется со «*». {FEE_RULES.constructionRateStructure.rule}{' '}
              <span>
                ({FEE_RULES.constructionRateStructure.mark} {FEE_RULES.constructionRateStructure.source})
              </span>
            </p>
          </ColumnsHelp>
        </>
      }
      settings={{ legend: 'Параметры набора', inFile: setFromFile, inFileNote: 'Параметры набора (регион, период, решение) взяты из файла: поле «set».' }}
      submitLabel="Проверить и загрузить"
      empty={{ title: 'Нет данных', text: 'Выберите файл с тарифами или вставьте его содержимое.' }}
      failure={failureShownOn('Набор не загружен', form)}
      send={send}
      errorColumns={(format) => problemColumns(format, 'Столбец')}
      onImported={props.onImported}
    >
      <div class="form-grid">
        <Field id="tariff-region" label="Регион" autocomplete="off" maxLength={200} required {...form.bindText('region')} />
        <Field id="tariff-title" label="Название набора" autocomplete="off" maxLength={300} required {...form.bindText('title')} />
      </div>
      <div class="form-grid">
        <Field id="tariff-validFrom" label="Действует с" type="date" required {...form.bindText('validFrom')} />
        <Field id="tariff-validTo" label="Действует по" type="date" hint="Пусто — до следующего набора" {...form.bindText('validTo')} />
      </div>
      <Field id="tariff-decision" label="Решение органа регулирования" hint="Например: Постановление комитета по тарифам от 20.12.2025 № 99/1" maxLength={500} required {...form.bindText('decision')} />
      <Field id="tariff-source" label="Источник ставок" multiline rows={3} maxLength={4000} required {...form.bindText('source')} />
      <div class="form-grid">
        <Field
          id="tariff-vatRatePercent"
          label="Ставка НДС, %"
          inputMode="decimal"
          autocomplete="off"
          maxLength={6}
          hint={defaultVat() ? `Пусто — ${defaultVat()!.percent} % (${defaultVat()!.source})` : 'Пусто — ставка, действующая на дату начала'}
          {...form.bindText('vatRatePercent')}
        />
        <Field
          id="tariff-preferentialRatePerKw"
          label="Льготная ставка для физических лиц до 15 кВт, ₽/кВт"
          hint="Предел платы по ПП РФ № 1178; пусто — не установлена"
          inputMode="decimal"
          autocomplete="off"
          maxLength={12}
          {...form.bindText('preferentialRatePerKw')}
        />
      </div>
      <Checkbox id="tariff-preferentialRateVatIncluded" {...form.bindCheck('preferentialRateVatIncluded')}>
        Льготная ставка указана с НДС
      </Checkbox>
      <Checkbox id="tariff-sample" {...form.bindCheck('sample')} hint="Калькулятор пометит расчёт как выполненный по образцу">
        Это образец, а не действующее решение
      </Checkbox>
    </FileImportCard>
  );
}
