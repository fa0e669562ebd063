// The applicant's identity, by kind: the online registration form and the
// staff's in-person registration share it, as their schemas share the fields.
import { EmailField } from './AccountFields';
import { Match, Switch } from 'solid-js';
import { APPLICANT_KIND_LABELS, APPLICANT_KINDS, type ApplicantKind } from '../../../domain/account';
import { formatSnils } from '../../../domain/identifiers';
import type { Form, FormValue } from '../forms';
import { Field, Select } from '../ui';

export const IDENTITY_KEYS = ['kind', 'lastName', 'firstName', 'middleName', 'snils', 'orgName', 'inn', 'kpp', 'ogrn', 'ogrnip', 'email', 'phone'] as const;
export type IdentityKey = (typeof IDENTITY_KEYS)[number];

export const EMPTY_IDENTITY: Record<IdentityKey, FormValue> = {
  kind: 'individual',
  lastName: '',
  firstName: '',
  middleName: '',
  snils: '',
  orgName: '',
  inn: '',
  kpp: '',
  ogrn: '',
  ogrnip: '',
  email: '',
  phone: '',
};

const FIELDS_BY_KIND: Record<ApplicantKind, readonly IdentityKey[]> = {
  individual: ['lastName', 'firstName', 'middleName', 'snils'],
  legal: ['orgName', 'inn', 'kpp', 'ogrn', 'lastName', 'firstName', 'middleName'],
  entrepreneur: ['lastName', 'firstName', 'middleName', 'inn', 'ogrnip'],
};

function kindOf(values: Readonly<Record<IdentityKey, FormValue>>): ApplicantKind {
  const kind = values.kind;
  return APPLICANT_KINDS.find((k) => k === kind) ?? 'individual';
}

/** Only the fields of the chosen kind: a value typed before switching kind must not travel along. */
export function identityInput(values: Readonly<Record<IdentityKey, FormValue>>): Record<string, FormValue> {
  const kind = kindOf(values);
  const input: Record<string, FormValue> = { kind, email: values.email, phone: values.phone };
  for (const key of FIELDS_BY_KIND[kind]) input[key] = values[key];
  return input;
}

const KIND_OPTIONS = APPLICANT_KINDS.map((kind) => ({ value: kind, label: APPLICANT_KIND_LABELS[kind] }));

// Forms with more fields (the consent box) fit here: Form's methods accept any of their own keys.
export function IdentityFields(props: { form: Form<IdentityKey, unknown>; idPrefix: string; emailHint: string }) {
  const form = () => props.form;
  const id = (key: IdentityKey) => `${props.idPrefix}-${key}`;
  const kind = () => kindOf(form().values);

  const personFields = () => (
    <div class="form-grid">
      <Field id={id('lastName')} label="Фамилия" autocomplete="family-name" maxLength={100} required {...form().bindText('lastName')} />
      <Field id={id('firstName')} label="Имя" autocomplete="given-name" maxLength={100} required {...form().bindText('firstName')} />
      <Field id={id('middleName')} label="Отчество" hint="Если есть" autocomplete="additional-name" maxLength={100} {...form().bindText('middleName')} />
    </div>
  );

  const snils = form().bindText('snils');

  return (
    <div class="stack stack--lg">
      <Select
        id={id('kind')}
        label="Вид заявителя"
        value={kind()}
        options={KIND_OPTIONS}
        hint="От вида зависят реквизиты: СНИЛС для физических лиц, ИНН и КПП для организаций, ИНН и ОГРНИП для предпринимателей."
        onValue={(value) => {
          form().set('kind', value);
          form().clearErrors();
        }}
      />

      <Switch>
        <Match when={kind() === 'individual'}>
          <fieldset class="fieldset stack">
            <legend class="fieldset__legend">Заявитель</legend>
            {personFields()}
            <Field
              id={id('snils')}
              label="СНИЛС"
              hint="11 цифр, например 112-233-445 95"
              inputMode="numeric"
              autocomplete="off"
              maxLength={20}
              required
              value={snils.value}
              error={snils.error}
              onValue={snils.onValue}
              onBlur={() => {
                // Shown the way it is printed on the card once all 11 digits are there.
                const formatted = formatSnils(snils.value);
                if (formatted !== snils.value) form().set('snils', formatted);
                snils.onBlur();
              }}
            />
          </fieldset>
        </Match>

        <Match when={kind() === 'legal'}>
          <fieldset class="fieldset stack">
            <legend class="fieldset__legend">Организация</legend>
            <Field id={id('orgName')} label="Полное наименование организации" hint="Как в ЕГРЮЛ, например: Общество с ограниченной ответственностью «Ромашка»" autocomplete="organization" maxLength={300} required {...form().bindText('orgName')} />
            <div class="form-grid">
              <Field id={id('inn')} label="ИНН" hint="10 цифр" inputMode="numeric" autocomplete="off" maxLength={16} required {...form().bindText('inn')} />
              <Field id={id('kpp')} label="КПП" hint="9 символов" autocomplete="off" maxLength={12} required {...form().bindText('kpp')} />
              <Field id={id('ogrn')} label="ОГРН" hint="13 цифр" inputMode="numeric" autocomplete="off" maxLength={20} required {...form().bindText('ogrn')} />
            </div>
          </fieldset>
          <fieldset class="fieldset stack">
            <legend class="fieldset__legend">Контактное лицо</legend>
            {personFields()}
          </fieldset>
        </Match>

        <Match when={kind() === 'entrepreneur'}>
          <fieldset class="fieldset stack">
            <legend class="fieldset__legend">Индивидуальный предприниматель</legend>
            {personFields()}
            <div class="form-grid">
              <Field id={id('inn')} label="ИНН" hint="12 цифр" inputMode="numeric" autocomplete="off" maxLength={18} required {...form().bindText('inn')} />
              <Field id={id('ogrnip')} label="ОГРНИП" hint="15 цифр" inputMode="numeric" autocomplete="off" maxLength={22} required {...form().bindText('ogrnip')} />
            </div>
          </fieldset>
        </Match>
      </Switch>

      <fieldset class="fieldset stack">
        <legend class="fieldset__legend">Контакты</legend>
        <div class="form-grid">
          <EmailField id={id('email')} hint={props.emailHint} autocomplete="email" {...form().bindText('email')} />
          <Field id={id('phone')} label="Телефон" type="tel" hint="Необязательно. Например, +7 900 123-45-67" autocomplete="tel" maxLength={32} {...form().bindText('phone')} />
        </div>
      </fieldset>
    </div>
  );
}
