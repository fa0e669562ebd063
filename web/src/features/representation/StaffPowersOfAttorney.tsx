// «Доверенности» for staff (issue 20 item 6): each power of attorney waiting
// for a check, its scan to compare with what the principal typed, and the
// decision — confirm, or refuse with a reason the applicant reads. Auditors see
// the page and decide nothing (the procedures refuse them).
import { createResource, createSignal, For, Show } from 'solid-js';
import { Loaded } from '../../components/Loaded';
import { session } from '../../session';
import { inGroup } from '../../../../domain/roles';
import { describeApiError, trpc, type RouterOutputs } from '../../trpc';
import { Alert, Button, Card, EmptyState, Field, PageHeader, type AlertTone } from '../../ui';
import { formatDate, formatDateTime } from '../../ui/format';
import { PoaStatusChip } from './RepresentationPage';

type Queue = RouterOutputs['staffRepresentation']['queue'];
type Poa = Queue['pending'][number];

function Decision(props: { poa: Poa; onDecided: (text: string, tone: AlertTone) => void }) {
  const [reason, setReason] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);
  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    setProblem(null);
    try {
      await action();
      props.onDecided(done, 'success');
    } catch (error) {
      setProblem(describeApiError(error).message);
    } finally {
      setBusy(false);
    }
  }
  const p = props.poa;
  return (
    <Card title={`${p.principalName} → ${p.representativeName}`}>
      <p style={{ margin: 0 }}>
        Доверенность № {p.number} от {formatDate(p.issuedOn)}, действует до {formatDate(p.validUntil)}
        {p.forOrganisation ? ' (от имени организации)' : ''}. Загружена {formatDateTime(p.createdAt)}.
      </p>
      <p>
        <a href={`/api/documents/${p.documentId}`} target="_blank" rel="noopener">
          Открыть скан доверенности № {p.number}
        </a>
      </p>
      <Field id={`refuse-${p.id}`} label="Причина отказа (если отклоняете)" multiline rows={2} maxLength={1000} value={reason()} onValue={setReason} />
      <Show when={problem()}>{(m) => <Alert tone="error">{m()}</Alert>}</Show>
      <div class="cluster">
        <Button loading={busy()} disabled={busy()} onClick={() => void run(() => trpc.staffRepresentation.verify.mutate({ id: p.id }), `Доверенность № ${p.number} подтверждена: представитель ${p.representativeName} действует за доверителя (${p.principalName}).`)}>
          Подтвердить
        </Button>
        <Button variant="danger" disabled={busy()} onClick={() => void run(() => trpc.staffRepresentation.refuse.mutate({ id: p.id, reason: reason() }), `Доверенность № ${p.number} отклонена.`)}>
          Отклонить
        </Button>
      </div>
    </Card>
  );
}

export default function StaffPowersOfAttorney() {
  const [queue, { refetch }] = createResource(() => trpc.staffRepresentation.queue.query());
  const [notice, setNotice] = createSignal<{ tone: AlertTone; text: string } | null>(null);
  const decides = () => inGroup(session.user()?.role, 'staff');
  return (
    <div class="stack stack--lg">
      <PageHeader title="Доверенности" description="Доверенности на представителей заявителей: сверьте скан с указанными данными и подтвердите или отклоните. Представитель действует только по подтверждённой доверенности в пределах её срока." />
      <Show when={notice()}>{(n) => <Alert tone={n().tone}>{n().text}</Alert>}</Show>
      <Loaded resource={queue} retry={refetch} loadError="Не удалось загрузить доверенности" loading="Загружаем доверенности…">
        {(q) => (
          <>
            <h2>Ждут проверки</h2>
            <Show when={q().pending.length > 0} fallback={<EmptyState title="Нет доверенностей на проверке">Новые появятся здесь и в уведомлениях сотрудников.</EmptyState>}>
              <For each={q().pending}>
                {(p) =>
                  decides() ? (
                    <Decision
                      poa={p}
                      onDecided={(text, tone) => {
                        setNotice({ text, tone });
                        void refetch();
                      }}
                    />
                  ) : (
                    <Card title={`${p.principalName} → ${p.representativeName}`}>
                      Доверенность № {p.number} от {formatDate(p.issuedOn)}, до {formatDate(p.validUntil)}
                    </Card>
                  )
                }
              </For>
            </Show>
            <Show when={q().decided.length > 0}>
              <Card title="Недавние решения">
                <div class="table-wrap">
                  <table class="table">
                    <caption class="visually-hidden">Недавние решения по доверенностям</caption>
                    <thead>
                      <tr>
                        <th scope="col">Доверитель</th>
                        <th scope="col">Представитель</th>
                        <th scope="col">Доверенность</th>
                        <th scope="col">Статус</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={q().decided}>
                        {(p) => (
                          <tr>
                            <td data-label="Доверитель">{p.principalName}</td>
                            <td data-label="Представитель">{p.representativeName}</td>
                            <td data-label="Доверенность">
                              № {p.number} до {formatDate(p.validUntil)}
                            </td>
                            <td data-label="Статус">
                              <PoaStatusChip poa={p} />
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              </Card>
            </Show>
          </>
        )}
      </Loaded>
    </div>
  );
}
