// Line segments of a construction scope (domain/fees.ts lineSegmentSchema): type,
// laying method for a cable, cross-section and length, added and removed one by one.
// A flat form holds them in numbered slots (calculator-form.ts: SEGMENT_INITIAL,
// lineSegmentsOf, withSegmentSlots); the calculator uses it, and so can a staff form.
import { Index, Show } from 'solid-js';
import type { Form } from '../../forms';
import { Button, Field, Select } from '../../ui';
import { FORM_SEGMENTS, isCable, SEGMENT_FIELDS, segmentKey } from './calculator-form';
import { LAYING_OPTIONS, LINE_TYPE_OPTIONS } from './fee-options';

type SlotForm = Pick<Form<string, unknown>, 'bindText' | 'text' | 'set' | 'clearErrors'>;

export function LineSegmentFields(props: {
  form: SlotForm;
  /** Prefix of the element ids, e.g. «calc» → #calc-seg0_lineType. */
  idPrefix: string;
  count: number;
  onCount: (count: number) => void;
  /** Heading level of the block's title inside the surrounding form. */
  headingLevel?: 3 | 4;
}) {
  let container: HTMLDivElement | undefined;
  const id = (i: number, f: (typeof SEGMENT_FIELDS)[number]) => `${props.idPrefix}-${segmentKey(i, f)}`;
  const focus = (selector: string) => queueMicrotask(() => container?.querySelector<HTMLElement>(selector)?.focus());

  function add() {
    const i = props.count;
    if (i >= FORM_SEGMENTS) return;
    props.onCount(i + 1);
    // Keyboard and screen-reader users land on the new segment's first field.
    focus(`#${id(i, 'lineType')}`);
  }
  function remove(index: number) {
    const n = props.count;
    // Later segments move up a slot, so the numbers the user sees stay 1…n.
    for (let i = index; i < n - 1; i++) for (const f of SEGMENT_FIELDS) props.form.set(segmentKey(i, f), props.form.text(segmentKey(i + 1, f)));
    for (const f of SEGMENT_FIELDS) props.form.set(segmentKey(n - 1, f), '');
    props.onCount(n - 1);
    props.form.clearErrors();
    focus(n - 1 > 0 ? `#${id(Math.min(index, n - 2), 'lineType')}` : `#${props.idPrefix}-add-segment`);
  }

  const Title = () => (props.headingLevel === 4 ? <h4 class="fee-segments__title">{TITLE}</h4> : <h3 class="fee-segments__title">{TITLE}</h3>);
  return (
    <div class="stack fee-segments" ref={container}>
      <Title />
      <p class="muted small" style={{ margin: 0 }}>
        В решениях регионов ставки C2 и C3 различаются по проводу, сечению и способу прокладки кабеля (траншея, ГНБ). Если тип или сечение неизвестны, укажите длину линии без уточнения.
      </p>
      <Index each={Array.from({ length: props.count })}>
        {(_, i) => (
          <fieldset class="fieldset stack fee-segment">
            <legend class="fieldset__legend">Участок {i + 1}</legend>
            <div class="form-grid">
              <Select id={id(i, 'lineType')} label="Тип линии" placeholder="Выберите тип линии" options={LINE_TYPE_OPTIONS} required {...props.form.bindText(segmentKey(i, 'lineType'))} />
              <Show when={isCable(props.form.text(segmentKey(i, 'lineType')))}>
                <Select id={id(i, 'layingMethod')} label="Способ прокладки" placeholder="Не указан" options={LAYING_OPTIONS} {...props.form.bindText(segmentKey(i, 'layingMethod'))} />
              </Show>
            </div>
            <div class="form-grid">
              <Field id={id(i, 'crossSectionMm2')} label="Сечение, мм²" hint="Например, 70; можно не указывать" inputMode="decimal" autocomplete="off" maxLength={6} {...props.form.bindText(segmentKey(i, 'crossSectionMm2'))} />
              <Field id={id(i, 'lengthM')} label="Длина, м" inputMode="numeric" autocomplete="off" maxLength={6} required {...props.form.bindText(segmentKey(i, 'lengthM'))} />
            </div>
            <div class="cluster">
              <Button variant="ghost" size="small" onClick={() => remove(i)}>
                Удалить участок {i + 1}
              </Button>
            </div>
          </fieldset>
        )}
      </Index>
      <Show when={props.count < FORM_SEGMENTS}>
        <div class="cluster">
          <Button id={`${props.idPrefix}-add-segment`} variant="secondary" onClick={add}>
            Добавить участок линии
          </Button>
        </div>
      </Show>
    </div>
  );
}

const TITLE = 'Участки линии по типу, способу прокладки и сечению';
