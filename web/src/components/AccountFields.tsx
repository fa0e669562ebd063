// The e-mail and password fields of the account forms (login, registration,
// password recovery and change, staff accounts): the same type, keyboard, spell
// check and length limits everywhere, so one form never accepts what another refuses.
import type { JSX } from 'solid-js';
import type { TextBinding } from '../forms';
import { Field } from '../ui';

export function EmailField(props: TextBinding & { id: string; hint?: JSX.Element; autocomplete: 'email' | 'username' | 'off' }) {
  return <Field label="Адрес электронной почты" type="email" inputMode="email" spellcheck={false} maxLength={254} required {...props} />;
}

export function PasswordField(props: TextBinding & { id: string; label: string; hint?: JSX.Element; autocomplete: 'current-password' | 'new-password' }) {
  return <Field type="password" maxLength={128} required {...props} />;
}
