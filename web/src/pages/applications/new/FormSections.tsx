// The fieldsets of the application form: main facts, the passport (individuals),
// the object, the connection parameters with the fee estimate, payment and
// supply. Labels and ids are what the e2e tests and screen readers find.
import { Show } from 'solid-js';
import type { ApplicantKind } from '../../../../../domain/account';
import { paymentInPartsRefusal } from '../../../../../domain/payment-schedule';
import { INSTALMENT_PAYMENT_RULE } from '../../../../../domain/regulations';
import { CATEGORY_LABELS, PAYMENT_OPTION_LABELS, REASON_LABELS, REASONS, RELIABILITY, SUPPLIERS, VOLTAGES_KV } from '../../../../../domain/application';
import { FeeEstimate } from '../../../components/FeeEstimate';
import { Card, Checkbox, Field, Select } from '../../../ui';
import { formatNumber, pluralRu } from '../../../ui/format';
import { parsePower, STAGES_PLAN_MIN_KW, type ApplicationFormState } from '../application-form';
import { ConnectionKindSection } from './ConnectionKindSection';

const REASON_OPTIONS = REASONS.map((r) => ({ value: r, label: REASON_LABELS[r] }));
const VOLTAGE_OPTIONS = VOLTAGES_KV.map((v) => ({ value: String(v), label: `${formatNumber(v)} кВ` }));
const RELIABILITY_OPTIONS = RELIABILITY.map((r) => ({ value: r, label: `${r} категория` }));
const TERRITORY_OPTIONS = [
  { value: 'urban', label: 'Городская' },
  { value: 'rural', label: 'Сельская' },
];
const SUPPLIER_OPTIONS = SUPPLIERS.map((s) => ({ value: s.id, label: s.name }));

export function FormSections(props: { form: ApplicationFormState; kind: ApplicantKind }) {
  const form = props.form;
  const t = form.bind;
  // Paying in parts is offered where the rule allows it (domain/payment-schedule.ts); the server checks the same.
  const partsRefusal = () => {
    const distanceM = parsePower(form.text.distanceToNetworkM);
    const voltageKv = parsePower(form.text.voltageKv);
    const territory = form.text.territory === 'urban' || form.text.territory === 'rural' ? form.text.territory : 'urban';
    return paymentInPartsRefusal({ category: form.text.category, applicantKind: props.kind, voltageKv: voltageKv ?? 0, distanceM: distanceM ?? 0, territory });
  };
  const paymentOptions = () =>
    partsRefusal() === null
      ? [
          { value: 'full', label: PAYMENT_OPTION_LABELS.full },
          { value: 'parts', label: PAYMENT_OPTION_LABELS.parts },
          { value: 'instalments', label: PAYMENT_OPTION_LABELS.instalments },
        ]
      : [{ value: 'full', label: PAYMENT_OPTION_LABELS.full }];
  const quarterOptions = Array.from({ length: INSTALMENT_PAYMENT_RULE.maxQuarters }, (_, i) => ({ value: String(i + 1), label: `${i + 1} ${pluralRu(i + 1, ['квартал', 'квартала', 'кварталов'])}` }));
  const categoryOptions = form.allowedCategories.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));
  return (
    <>
      <ConnectionKindSection form={form} />

      <Card>
        <fieldset class="fieldset stack">
          <legend class="fieldset__legend">Основные сведения</legend>
          <Select id="app-category" label="Категория заявителя" placeholder="Выберите категорию" options={categoryOptions} required {...t('category')} />
          <Select id="app-reason" label="Причина обращения" options={REASON_OPTIONS} required {...t('reason')} />
        </fieldset>
      </Card>

      <Show when={props.kind === 'individual'}>
        <Card>
          <fieldset class="fieldset stack">
            <legend class="fieldset__legend">Паспорт заявителя</legend>
            <Show when={form.error('passport')}>
              <p class="field__error">{form.error('passport')}</p>
            </Show>
            <div class="form-grid">
              <Field id="app-passport-series" label="Серия паспорта" hint="4 цифры" inputMode="numeric" autocomplete="off" maxLength={4} required {...t('passport.series')} />
              <Field id="app-passport-number" label="Номер паспорта" hint="6 цифр" inputMode="numeric" autocomplete="off" maxLength={6} required {...t('passport.number')} />
            </div>
            <Field id="app-passport-issuedBy" label="Кем выдан" autocomplete="off" maxLength={300} required {...t('passport.issuedBy')} />
            <Field id="app-passport-issuedOn" label="Дата выдачи" type="date" autocomplete="off" required class="field--date" {...t('passport.issuedOn')} />
          </fieldset>
        </Card>
      </Show>

      <Card>
        <fieldset class="fieldset stack">
          <legend class="fieldset__legend">Объект</legend>
          <Field id="app-objectName" label="Наименование объекта" hint="Например, «Жилой дом», «Магазин», «Гараж»" maxLength={300} required {...t('objectName')} />
          <Field id="app-objectAddress" label="Адрес объекта" hint="Субъект РФ, населённый пункт, улица, дом или описание местоположения участка" maxLength={500} multiline rows={2} required {...t('objectAddress')} />
          <Field id="app-cadastralNumber" label="Кадастровый номер земельного участка" hint="Например, 50:21:0110104:123" autocomplete="off" maxLength={40} required {...t('cadastralNumber')} />
        </fieldset>
      </Card>

      <Card>
        <fieldset class="fieldset stack">
          <legend class="fieldset__legend">Параметры присоединения</legend>
          <div class="form-grid">
            <Field id="app-maxPowerKw" label="Максимальная мощность, кВт" hint="С учётом ранее присоединённой" inputMode="decimal" autocomplete="off" maxLength={12} required {...t('maxPowerKw')} />
            <Field id="app-previousPowerKw" label="Ранее присоединённая мощность, кВт" hint="Для нового присоединения — 0" inputMode="decimal" autocomplete="off" maxLength={12} {...t('previousPowerKw')} />
          </div>
          <div class="form-grid">
            <Select id="app-voltageKv" label="Уровень напряжения" options={VOLTAGE_OPTIONS} required {...t('voltageKv')} />
            <Select id="app-reliability" label="Категория надёжности" hint="Для бытовых нужд до 15 кВт — III категория" options={RELIABILITY_OPTIONS} required {...t('reliability')} />
          </div>
          <Field id="app-loadNature" label="Характер нагрузки" hint="Например, бытовая, производственная, сезонная" maxLength={200} required {...t('loadNature')} />
          <div class="form-grid">
            <Select id="app-territory" label="Территория" placeholder="Выберите территорию" options={TERRITORY_OPTIONS} required {...t('territory')} />
            <Field id="app-distanceToNetworkM" label="Расстояние до существующих сетей, м" hint="От границы участка до ближайших сетей нужного напряжения" inputMode="decimal" autocomplete="off" maxLength={9} required {...t('distanceToNetworkM')} />
          </div>
          <FeeEstimate
            values={{
              category: form.text.category,
              maxPowerKw: form.text.maxPowerKw,
              previousPowerKw: form.text.previousPowerKw,
              voltageKv: form.text.voltageKv,
              reliability: form.text.reliability,
              territory: form.text.territory,
              distanceToNetworkM: form.text.distanceToNetworkM,
            }}
          />
          <Field id="app-plannedCommissioning" label="Планируемый срок ввода в эксплуатацию" type="date" required class="field--date" {...t('plannedCommissioning')} />
          <Show when={form.stagesPlanShown()}>
            <Field
              id="app-stagesPlan"
              label="Этапы и очерёдность ввода в эксплуатацию"
              hint={`Для мощности больше ${STAGES_PLAN_MIN_KW} кВт: сроки и мощность по этапам, если ввод поэтапный`}
              multiline
              rows={3}
              maxLength={2000}
              {...t('stagesPlan')}
            />
          </Show>
        </fieldset>
      </Card>

      <Card>
        <fieldset class="fieldset stack">
          <legend class="fieldset__legend">Оплата и энергоснабжение</legend>
          <Select
            id="app-paymentOption"
            label="Порядок оплаты"
            hint={partsRefusal() ?? 'Договор заключается первым платежом (5 рабочих дней со дня размещения счёта); остальные — по графику, который будет в счёте.'}
            options={paymentOptions()}
            {...t('paymentOption')}
          />
          <Show when={form.text.paymentOption === 'parts'}>
            <p class="muted" style={{ margin: 0 }}>
              Поэтапно: 15 % — в течение 5 рабочих дней со дня размещения счёта, 30 % — в течение 20 дней, 35 % — в течение 40 дней со дня счёта, 20 % — в течение 10 дней после акта о технологическом присоединении.
            </p>
          </Show>
          <Show when={form.text.paymentOption === 'instalments'}>
            <p class="muted" style={{ margin: 0 }}>
              Рассрочка: 5 % — аванс в течение 5 рабочих дней со дня размещения счёта, остальные 95 % — равными частями ежеквартально после акта о технологическом присоединении, с процентами по ключевой ставке Банка России + 4 п.п.
            </p>
            <Select id="app-instalmentQuarters" label="Срок рассрочки" hint="Не более 12 кварталов (3 лет) со дня акта" options={quarterOptions} {...t('instalmentQuarters')} />
          </Show>
          <Show when={form.text.paymentOption !== 'full'}>
            <p class="muted" style={{ margin: 0 }}>
              ◐ Порядок оплаты частями взят из действующих форм заявок (вторичный источник); сроки и доли — данные кабинета, их можно уточнить.
            </p>
          </Show>
          <Checkbox id="app-publicBuyer" checked={form.checks.publicBuyer} error={form.error('publicBuyer')} onChange={(v) => form.setCheck('publicBuyer', v)} hint="Срок оплаты счёта — 15 рабочих дней вместо 5">
            Заявитель — государственный (муниципальный) заказчик по 44-ФЗ/275-ФЗ
          </Checkbox>
          <Select id="app-supplierId" label="Гарантирующий поставщик" placeholder="Выберите гарантирующего поставщика" hint="С ним будет заключён договор энергоснабжения" options={SUPPLIER_OPTIONS} required {...t('supplierId')} />
          <Checkbox id="app-byRepresentative" checked={form.checks.byRepresentative} error={form.error('byRepresentative')} onChange={(v) => form.setCheck('byRepresentative', v)} hint="Потребуется приложить доверенность">
            Заявка подаётся представителем по доверенности
          </Checkbox>
        </fieldset>
      </Card>
    </>
  );
}
