// The applicant shown on the form (from the profile) and the documents to attach:
// the kinds the Rules require for this applicant, plus any other file.
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { APPLICANT_KIND_LABELS, type ApplicantKind } from '../../../../../domain/account';
import { ATTACHMENT_LABELS, requiredAttachments, type AttachmentKind } from '../../../../../domain/application';
import { FileUpload } from '../../../components/FileUpload';
import type { PublicUser } from '../../../trpc';
import { Card } from '../../../ui';
import { NO_VALUE } from '../../../ui/format';
import type { ApplicationFormState } from '../application-form';
import type { Principal } from '../../../features/representation/PrincipalChoice';

export function ApplicantCard(props: { user: PublicUser; kind: ApplicantKind; principal?: Principal | null }) {
  return (
    <Show
      when={props.principal}
      fallback={
        <Card title="Заявитель">
          <dl class="dl">
            <dt>{props.kind === 'legal' ? 'Организация' : 'Заявитель'}</dt>
            <dd>{props.user.displayName || props.user.email}</dd>
            <dt>Вид заявителя</dt>
            <dd>{APPLICANT_KIND_LABELS[props.kind]}</dd>
            <dt>Электронная почта</dt>
            <dd>{props.user.email}</dd>
            <dt>Телефон</dt>
            <dd>{props.user.phone || NO_VALUE}</dd>
          </dl>
          <p class="muted small" style={{ margin: 'var(--space-3) 0 0' }}>
            Сведения о заявителе берутся из профиля. Контактные данные можно изменить в разделе <A href="/profile">«Профиль»</A>.
          </p>
        </Card>
      }
    >
      {(p) => (
        <Card title="Заявитель">
          <dl class="dl">
            <dt>Заявитель (доверитель)</dt>
            <dd>{p().principalName}</dd>
            <dt>Вид заявителя</dt>
            <dd>{APPLICANT_KIND_LABELS[props.kind]}</dd>
            <dt>Представитель</dt>
            <dd>
              {props.user.displayName}, доверенность № {p().number}
            </dd>
          </dl>
          <p class="muted small" style={{ margin: 'var(--space-3) 0 0' }}>
            Заявка будет подана от имени доверителя и принадлежать ему; проверенная доверенность приложится к заявке автоматически.
          </p>
        </Card>
      )}
    </Show>
  );
}

export function Attachments(props: { form: ApplicationFormState; onBusy: (busy: boolean) => void; disabled: boolean }) {
  const form = props.form;
  const kinds = (): AttachmentKind[] => {
    const required = requiredAttachments(form.kind, form.checks.byRepresentative);
    // A file of a kind no longer required (e.g. the power of attorney) stays visible so it can be removed.
    const extra = [...new Set(form.attachments().map((a) => a.kind))].filter((k) => k !== 'other' && !required.includes(k));
    return [...required, ...extra];
  };
  const required = () => requiredAttachments(form.kind, form.checks.byRepresentative);
  const filesOf = (kind: AttachmentKind) => form.attachments().filter((a) => a.kind === kind);
  return (
    <fieldset class="fieldset stack">
      <legend class="fieldset__legend">Документы</legend>
      <p class="muted small" style={{ margin: 0 }}>
        Сетевая организация не вправе требовать документы сверх предусмотренных Правилами технологического присоединения. Файлы PDF, JPEG или PNG, каждый не больше 10 МБ.
      </p>
      <Show when={form.error('attachments')}>
        <p class="field__error">{form.error('attachments')}</p>
      </Show>
      <For each={kinds()}>
        {(kind) => (
          <FileUpload
            id={`app-att-${kind}`}
            label={ATTACHMENT_LABELS[kind]}
            kind={kind}
            required={required().includes(kind)}
            files={filesOf(kind)}
            error={form.error(`attachments.${kind}`)}
            disabled={props.disabled}
            onAdd={(file) => form.addAttachment(file)}
            onRemove={(id) => form.removeAttachment(id)}
            onBusy={props.onBusy}
          />
        )}
      </For>
      <FileUpload
        id="app-att-other"
        label={ATTACHMENT_LABELS.other}
        hint="Необязательно. PDF, JPEG или PNG, не больше 10 МБ"
        kind="other"
        files={filesOf('other')}
        error={form.error('attachments.other')}
        disabled={props.disabled}
        onAdd={(file) => form.addAttachment(file)}
        onRemove={(id) => form.removeAttachment(id)}
        onBusy={props.onBusy}
      />
    </fieldset>
  );
}
