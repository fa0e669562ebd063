// The first question of the application form: which connection is asked for
// (domain/connection-kind.ts), then that kind's own fields. The rules behind
// them (the longest temporary period, the export limit) are shown with their
// confidence, as the staff see them.
import { Show } from 'solid-js';
import { OWN_DEVICES, OWN_DEVICES_LABELS } from '../../../../../domain/connection-kind';
import { CONNECTION_KIND_OPTIONS } from '../../../features/fees/fee-options';
import { MICROGENERATION_RULE, TEMPORARY_CONNECTION_RULE } from '../../../../../domain/regulations';
import { Card, Checkbox, Field, Select } from '../../../ui';
import type { ApplicationFormState } from '../application-form';

const OWN_DEVICES_OPTIONS = OWN_DEVICES.map((o) => ({ value: o, label: OWN_DEVICES_LABELS[o] }));

export function ConnectionKindSection(props: { form: ApplicationFormState }) {
  const form = props.form;
  const t = form.bind;
  return (
    <Card>
      <fieldset class="fieldset stack">
        <legend class="fieldset__legend">Вид присоединения</legend>
        <Select id="app-connectionKind" label="Вид присоединения" options={CONNECTION_KIND_OPTIONS} required {...t('connectionKind')} />
        <Show when={form.text.connectionKind === 'temporary'}>
          <p class="muted" style={{ margin: 0 }}>
            Временное присоединение — для объекта, ещё не присоединённого постоянно, на период до постоянного присоединения (не дольше {TEMPORARY_CONNECTION_RULE.maxMonths} месяцев — {TEMPORARY_CONNECTION_RULE.mark} срок уточняется). Укажите заявку или договор на постоянное присоединение.
          </p>
          <div class="form-grid">
            <Field id="app-temporary-permanentNumber" label="Номер заявки или договора на постоянное присоединение" autocomplete="off" maxLength={50} required {...t('temporary.permanentNumber')} />
            <Field id="app-temporary-permanentDate" label="Дата заявки или договора" type="date" autocomplete="off" required class="field--date" {...t('temporary.permanentDate')} />
          </div>
          <div class="form-grid">
            <Field id="app-temporary-supplyFrom" label="Электроснабжение по временной схеме с" type="date" autocomplete="off" required class="field--date" {...t('temporary.supplyFrom')} />
            <Field id="app-temporary-supplyTo" label="Электроснабжение по временной схеме по" type="date" autocomplete="off" required class="field--date" {...t('temporary.supplyTo')} />
          </div>
          <Checkbox
            id="app-temporary-mobile"
            checked={form.checks['temporary.mobile']}
            error={form.error('temporary.mobile')}
            onChange={(v) => form.setCheck('temporary.mobile', v)}
            hint={`До ${TEMPORARY_CONNECTION_RULE.mobileMaxKw} кВт не далее ${TEMPORARY_CONNECTION_RULE.mobileMaxDistanceM} м от сети — срок 15 рабочих дней (◐ по прежней редакции Правил)`}
          >
            Передвижной объект
          </Checkbox>
        </Show>
        <Show when={form.text.connectionKind === 'microgeneration'}>
          <p class="muted" style={{ margin: 0 }}>
            Объект микрогенерации — до {MICROGENERATION_RULE.maxKw} кВт; в поле «Максимальная мощность» ниже укажите его мощность. {MICROGENERATION_RULE.feeAndTerm}.
          </p>
          <div class="form-grid">
            <Field id="app-microgeneration-consumerMaxPowerKw" label="Максимальная мощность ваших энергопринимающих устройств, кВт" inputMode="decimal" autocomplete="off" maxLength={12} required {...t('microgeneration.consumerMaxPowerKw')} />
            <Field
              id="app-microgeneration-exportLimitKw"
              label="Мощность выдачи в сеть, кВт"
              hint={`Не больше мощности ваших устройств и не больше ${MICROGENERATION_RULE.maxKw} кВт`}
              inputMode="decimal"
              autocomplete="off"
              maxLength={12}
              required
              {...t('microgeneration.exportLimitKw')}
            />
          </div>
          <Select id="app-microgeneration-ownDevices" label="Ваши энергопринимающие устройства" placeholder="Выберите" options={OWN_DEVICES_OPTIONS} required {...t('microgeneration.ownDevices')} />
          <Show when={form.text['microgeneration.ownDevices'] === 'connected'}>
            <Field id="app-microgeneration-ownDevicesActNumber" label="Номер акта о технологическом присоединении ваших устройств" autocomplete="off" maxLength={50} required {...t('microgeneration.ownDevicesActNumber')} />
          </Show>
        </Show>
      </fieldset>
    </Card>
  );
}
