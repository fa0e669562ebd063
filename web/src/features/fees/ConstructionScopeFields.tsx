// «Что нужно построить»: the construction scope of domain/fees.ts constructionScopeSchema
// as the tariff's lines price it — plain line lengths (C2/C3 without details), line
// segments by type, laying method and cross-section, sectionalising points, and
// substations by type and capacity. The public calculator and the staff's invoice
// form show the same fields, so the invoice is computed from what the calculator asks.
import { Show } from 'solid-js';
import type { Form } from '../../forms';
import { Checkbox, Field, Select } from '../../ui';
import { SCOPE_INITIAL } from './calculator-form';
import { SUBSTATION_TYPE_OPTIONS } from './fee-options';
import { LineSegmentFields } from './LineSegmentFields';

type ScopeForm = Pick<Form<string, unknown>, 'bindText' | 'bindCheck' | 'checked' | 'text' | 'set' | 'clearErrors'>;

export function ConstructionScopeFields(props: {
  form: ScopeForm;
  /** Prefix of the element ids, e.g. «calc» → #calc-overheadLineM. */
  idPrefix: string;
  segments: number;
  onSegments: (count: number) => void;
  /** Heading level of the segments' title inside the surrounding form. */
  headingLevel?: 3 | 4;
}) {
  const id = (name: keyof typeof SCOPE_INITIAL) => `${props.idPrefix}-${name}`;
  const text = (name: keyof typeof SCOPE_INITIAL) => props.form.bindText(name);
  const check = (name: keyof typeof SCOPE_INITIAL) => props.form.bindCheck(name);
  return (
    <fieldset class="fieldset stack">
      <legend class="fieldset__legend">Что нужно построить</legend>
      <div class="form-grid">
        <Field id={id('overheadLineM')} label="Воздушная линия, м" hint="Ставка C2 без уточнения провода и сечения" inputMode="numeric" autocomplete="off" maxLength={6} {...text('overheadLineM')} />
        <Field id={id('cableLineM')} label="Кабельная линия, м" hint="Ставка C3 без уточнения прокладки и сечения" inputMode="numeric" autocomplete="off" maxLength={6} {...text('cableLineM')} />
        <Field id={id('sectionalisingPoints')} label="Пункты секционирования, шт." hint="Ставка C4" inputMode="numeric" autocomplete="off" maxLength={2} {...text('sectionalisingPoints')} />
      </div>

      <LineSegmentFields form={props.form} idPrefix={props.idPrefix} count={props.segments} onCount={props.onSegments} headingLevel={props.headingLevel} />

      <div class="stack" style={{ gap: 'var(--space-2)' }}>
        <Checkbox id={id('transformerSubstation')} {...check('transformerSubstation')}>
          Трансформаторная подстанция (ставка C5)
        </Checkbox>
        <Show when={props.form.checked('transformerSubstation')}>
          <div class="form-grid fee-substation">
            <Select id={id('transformerSubstationType')} label="Тип трансформаторной подстанции" placeholder="Не указан" options={SUBSTATION_TYPE_OPTIONS} {...text('transformerSubstationType')} />
            <Field id={id('transformerSubstationKva')} label="Мощность трансформаторов, кВА" hint="Например, 250; можно не указывать" inputMode="decimal" autocomplete="off" maxLength={7} {...text('transformerSubstationKva')} />
          </div>
        </Show>
        <Checkbox id={id('distributionSubstation')} {...check('distributionSubstation')}>
          Распределительная трансформаторная подстанция (ставка C6)
        </Checkbox>
        <Show when={props.form.checked('distributionSubstation')}>
          <div class="form-grid fee-substation">
            <Select id={id('distributionSubstationType')} label="Тип распределительной подстанции" placeholder="Не указан" options={SUBSTATION_TYPE_OPTIONS} {...text('distributionSubstationType')} />
            <Field id={id('distributionSubstationKva')} label="Мощность трансформаторов РТП, кВА" hint="Можно не указывать" inputMode="decimal" autocomplete="off" maxLength={7} {...text('distributionSubstationKva')} />
          </div>
        </Show>
        <Checkbox id={id('substation35')} {...check('substation35')}>
          Подстанция 35 кВ и выше (ставка C7)
        </Checkbox>
      </div>
    </fieldset>
  );
}
