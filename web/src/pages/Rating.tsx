// «Оценить качество»: the applicant's completed stages and closed appeals, each
// with a 1–5 form on the four criteria, or the rating already given and, while
// the edit window runs, «Изменить оценку».
import { A } from '@solidjs/router';
import { createResource, createSignal, createUniqueId, For, Show } from 'solid-js';
import { RATING_CRITERIA, RATING_CRITERION_LABELS, RATING_SCORE_LABELS, RATING_SCORES, RATING_COMMENT_MAX, ratingFormSchema, type RatingScore } from '../../../domain/rating';
import { formatTerm, REGULATIONS } from '../../../domain/regulations';
import { createForm, focusFirstInvalid, type Form } from '../forms';
import { session, userIn } from '../session';
import { describeApiError, trpc, type RouterOutputs } from '../trpc';
import { Alert, Button, Card, EmptyState, Field, PageHeader } from '../ui';
import { formatDate, formatDateTime } from '../ui/format';
import '../features/ratings/ratings.css';
import { Loaded } from '../components/Loaded';

type Item = RouterOutputs['ratings']['rateable'][number];
type RatingView = NonNullable<Item['rating']>;
type FieldName = (typeof RATING_CRITERIA)[number] | 'comment';

export default function RatingPage() {
  const applicant = () => userIn(session.user(), 'applicants');
  return (
    <div class="stack stack--lg">
      <PageHeader
        title="Оценить качество"
        description={`Оцените каждый завершённый этап заявки и рассмотрение закрытого обращения. Оценку можно изменить в течение ${formatTerm(REGULATIONS.ratingEditWindow)}.`}
      />
      <Show when={applicant()} fallback={<NotForStaff />}>
        <RateableList />
      </Show>
    </div>
  );
}

function NotForStaff() {
  return (
    <Alert tone="info" title="Оценки ставят заявители">
      <p>
        Заявители оценивают завершённые этапы заявок и закрытые обращения.
        <Show when={userIn(session.user(), 'readers')}>
          {' '}
          Сводка оценок — в разделе <A href="/staff/ratings">«Оценки качества»</A>.
        </Show>
      </p>
    </Alert>
  );
}

function RateableList() {
  const [list, { refetch }] = createResource(() => trpc.ratings.rateable.query());
  // Saved ratings are kept beside the list, not written into it: a new item object would make <For> rebuild its card and lose the card's own state (the «saved» notice).
  const [saved, setSaved] = createSignal<Record<string, RatingView>>({});
  const keyOf = (item: Item) => `${item.caseId}:${item.stage}`;

  return (
    <Loaded
      resource={list}
      retry={refetch}
      loadError="Не удалось загрузить список"
      loading="Загружаем этапы для оценки…"
      empty={<EmptyState title="Оценивать пока нечего">Здесь появятся завершённые этапы ваших заявок и закрытые обращения.</EmptyState>}
    >
        {(rows: () => Item[]) => (
          <ul class="rating-list" aria-label="Что можно оценить">
            <For each={rows()}>
              {(item) => (
                <li>
                  <RateableCard item={item} rating={saved()[keyOf(item)] ?? item.rating} onSaved={(rating) => setSaved((all) => ({ ...all, [keyOf(item)]: rating }))} />
                </li>
              )}
            </For>
          </ul>
        )}
    </Loaded>
  );
}

function RateableCard(props: { item: Item; rating: RatingView | null; onSaved: (rating: RatingView) => void }) {
  const [editing, setEditing] = createSignal(false);
  const [notice, setNotice] = createSignal<string | null>(null);
  const heading = () => `${props.item.caseNumber} · ${props.item.title}`;
  const completedWord = () => (props.item.caseKind === 'appeal' ? 'Обращение закрыто' : 'Этап завершён');

  return (
    <Card title={heading()} class="rating-card">
      <div class="stack">
        <p class="muted small rating-card__meta">
          {props.item.subject} · {completedWord()} <time dateTime={props.item.completedAt}>{formatDate(props.item.completedAt)}</time>
        </p>
        <Show when={notice()}>
          <Alert tone="success">{notice()}</Alert>
        </Show>
        <Show
          when={!editing() && props.rating}
          fallback={
            <RatingFormView
              item={props.item}
              rating={props.rating}
              label={heading()}
              onCancel={props.rating ? () => setEditing(false) : undefined}
              onSaved={(rating, created) => {
                props.onSaved(rating);
                setEditing(false);
                setNotice(created ? 'Оценка сохранена. Спасибо!' : 'Оценка изменена.');
              }}
            />
          }
        >
          {(rating) => (
            <GivenRating
              rating={rating()}
              onEdit={() => {
                setNotice(null);
                setEditing(true);
              }}
            />
          )}
        </Show>
      </div>
    </Card>
  );
}

function GivenRating(props: { rating: RatingView; onEdit: () => void }) {
  return (
    <div class="stack">
      <dl class="dl rating-given">
        <For each={RATING_CRITERIA}>
          {(criterion) => (
            <>
              <dt>{RATING_CRITERION_LABELS[criterion]}</dt>
              <dd>
                {props.rating[criterion]} из 5 — {RATING_SCORE_LABELS[props.rating[criterion] as RatingScore]}
              </dd>
            </>
          )}
        </For>
        <Show when={props.rating.comment}>
          <dt>Комментарий</dt>
          <dd class="preserve-lines">{props.rating.comment}</dd>
        </Show>
      </dl>
      <Show
        when={props.rating.editable}
        fallback={<p class="muted small">Оценка поставлена {formatDate(props.rating.createdAt)}; срок её изменения истёк.</p>}
      >
        <div class="cluster">
          <Button variant="secondary" onClick={() => props.onEdit()}>
            Изменить оценку
          </Button>
          <span class="muted small">Изменить можно до {formatDateTime(props.rating.editableUntil)} (мск)</span>
        </div>
      </Show>
    </div>
  );
}

const asScore = (v: unknown) => (typeof v === 'string' && v !== '' ? Number(v) : undefined);

function RatingFormView(props: { item: Item; rating: RatingView | null; label: string; onSaved: (rating: RatingView, created: boolean) => void; onCancel?: () => void }) {
  const prefix = createUniqueId();
  const initial = props.rating;
  const form = createForm({
    initial: {
      clarity: initial ? String(initial.clarity) : '',
      timeliness: initial ? String(initial.timeliness) : '',
      competence: initial ? String(initial.competence) : '',
      overall: initial ? String(initial.overall) : '',
      comment: initial?.comment ?? '',
    },
    schema: ratingFormSchema,
    toInput: (v) => ({ clarity: asScore(v.clarity), timeliness: asScore(v.timeliness), competence: asScore(v.competence), overall: asScore(v.overall), comment: v.comment }),
  });
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);
  let formEl: HTMLFormElement | undefined;

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setProblem(null);
    const data = form.parse();
    if (!data) return focusFirstInvalid(formEl);
    setBusy(true);
    try {
      const result = await trpc.ratings.submit.mutate({ caseId: props.item.caseId, stage: props.item.stage, ...data });
      props.onSaved(result.rating, result.created);
    } catch (error) {
      const described = describeApiError(error);
      const stray = form.showServerErrors(described.fieldErrors);
      setProblem(stray[0] ?? (Object.keys(described.fieldErrors).length ? null : described.message));
      focusFirstInvalid(formEl);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formEl} class="stack rating-form" aria-label={`Оценка: ${props.label}`} noValidate onSubmit={(e) => void submit(e)}>
      <div class="rating-form__scales">
        <For each={RATING_CRITERIA}>{(criterion) => <ScoreGroup form={form} name={criterion} prefix={prefix} />}</For>
      </div>
      <Field
        id={`${prefix}-comment`}
        label="Комментарий (необязательно)"
        multiline
        rows={3}
        maxLength={RATING_COMMENT_MAX}
        hint={`Что понравилось или что стоит улучшить; не более ${RATING_COMMENT_MAX} символов`}
        {...form.bindText('comment')}
      />
      <Show when={problem()}>
        <Alert tone="error">{problem()}</Alert>
      </Show>
      <div class="cluster">
        <Button type="submit" loading={busy()}>
          Отправить оценку
        </Button>
        <Show when={props.onCancel}>
          {(cancel) => (
            <Button variant="ghost" disabled={busy()} onClick={() => cancel()()}>
              Отменить
            </Button>
          )}
        </Show>
      </div>
    </form>
  );
}

/** One criterion: a fieldset whose legend names it and five radios, 1 (very bad) to 5 (excellent). */
function ScoreGroup(props: { form: Form<FieldName, unknown>; name: (typeof RATING_CRITERIA)[number]; prefix: string }) {
  const groupId = () => `${props.prefix}-${props.name}`;
  const error = () => props.form.error(props.name);
  return (
    <fieldset class="fieldset rating-scale" aria-describedby={error() ? `${groupId()}-error` : undefined}>
      <legend class="field__label">{RATING_CRITERION_LABELS[props.name]}</legend>
      <div class="rating-scale__options">
        <For each={RATING_SCORES}>
          {(score, i) => (
            <label class="rating-scale__option">
              <input
                type="radio"
                name={groupId()}
                id={i() === 0 ? groupId() : undefined}
                value={score}
                checked={props.form.text(props.name) === String(score)}
                aria-invalid={error() ? 'true' : undefined}
                onChange={() => props.form.set(props.name, String(score))}
              />
              <span class="rating-scale__value">{score}</span>{' '}
              <span class="rating-scale__word">{RATING_SCORE_LABELS[score]}</span>
            </label>
          )}
        </For>
      </div>
      {/* On a phone the words under the numbers are hidden (they stay in each radio's name); one line explains the scale instead. */}
      <p class="rating-scale__hint" aria-hidden="true">
        1 — {RATING_SCORE_LABELS[1].toLowerCase()}, 5 — {RATING_SCORE_LABELS[5].toLowerCase()}
      </p>
      <Show when={error()}>
        <p class="field__error" id={`${groupId()}-error`}>
          {error()}
        </p>
      </Show>
    </fieldset>
  );
}
