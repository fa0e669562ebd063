// «Неустойка»: the penalty of п.16 «в» on both case pages — whose delay, the
// sum as of today with its formula, the source and its ❓ mark (the rate is
// configurable data, not a verified rule). The applicant downloads the claim
// addressed to the grid and can file it as a complaint in one click.
import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { LATE_PARTY_WORDS, PENALTY_RULES } from '../../../../domain/penalties';
import { newId } from '../../ids';
import { describeApiError, trpc } from '../../trpc';
import { Alert, Button, buttonClass, Card, Fact, Facts, SmallNote } from '../../ui';
import { formatDate, formatRub } from '../../ui/format';
import type { ApplicantCase } from './wording';

type Summary = ApplicantCase['summary'];

const MARK_WORDS = { '✅': 'подтверждено источником', '◐': 'по вторичному источнику', '❓': 'не проверено: значение по умолчанию, настраивается' } as const;

/** The filed complaint's link once the applicant has filed the claim. */
function FileClaim(props: { caseId: string }) {
  // One id per page: a double click or a retry finds the same complaint.
  const appealId = newId();
  const [busy, setBusy] = createSignal(false);
  const [filed, setFiled] = createSignal<{ id: string; number: string } | null>(null);
  const [error, setError] = createSignal<string | null>(null);

  async function file() {
    setBusy(true);
    setError(null);
    try {
      const appeal = await trpc.applications.fileClaim.mutate({ id: props.caseId, appealId });
      setFiled({ id: appeal.id, number: appeal.number });
    } catch (e) {
      setError(describeApiError(e).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Show when={filed()} fallback={<Button variant="secondary" size="small" loading={busy()} onClick={() => void file()}>Подать претензию как жалобу</Button>}>
        {(appeal) => (
          <Alert tone="success" title="Претензия подана как жалоба">
            <p style={{ margin: 0 }}>
              Обращение № {appeal().number}: <A href={`/appeals/${appeal().id}`}>открыть обращение</A>.
            </p>
          </Alert>
        )}
      </Show>
      <Show when={error()}>
        <Alert tone="error" title="Претензию подать не удалось">
          <p style={{ margin: 0 }}>{error()}</p>
        </Alert>
      </Show>
    </>
  );
}

export function PenaltyCard(props: { summary: Summary; viewer: 'applicant' | 'staff' }) {
  const claimable = () => props.summary.penalty?.party === 'grid' && props.summary.penalty.days > 0;
  return (
    <Show when={props.summary.penalty}>
      {(p) => (
        <Card title="Неустойка">
          <div class="stack" data-testid="penalty-card">
            <Facts>
              <Fact term="Просрочка">{LATE_PARTY_WORDS[p().party]}</Fact>
              <Fact term="Срок присоединения истёк" when={props.summary.connectionDeadlineAt}>
                {formatDate(props.summary.connectionDeadlineAt!)}
              </Fact>
              <Fact term="Дней просрочки">
                {p().days} {p().until ? `(по ${formatDate(p().until!)})` : '(продолжается)'}
              </Fact>
              <Fact term={p().until ? 'Сумма неустойки' : 'Начислено на сегодня'}>
                <strong>{formatRub(p().sumRub)}</strong>
              </Fact>
              <Fact term="Расчёт">{p().formula}</Fact>
              <Fact term="Основание">
                {p().source} <span title={MARK_WORDS[p().mark]}>{p().mark}</span>
              </Fact>
            </Facts>
            <SmallNote>
              {p().mark} {MARK_WORDS[p().mark]}. {PENALTY_RULES[p().party].note}
            </SmallNote>
            <Show when={claimable()}>
              <div class="cluster">
                {/* `download` keeps the SPA router from taking the link as a page of its own. */}
                <a class={buttonClass('secondary', 'small')} href={`/api/penalty-claims/${props.summary.id}`} download="">
                  Скачать претензию (PDF)
                </a>
                <Show when={props.viewer === 'applicant'}>
                  <FileClaim caseId={props.summary.id} />
                </Show>
              </div>
            </Show>
          </div>
        </Card>
      )}
    </Show>
  );
}
