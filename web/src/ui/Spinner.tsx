export function Spinner(props: { large?: boolean }) {
  return <span class={props.large ? 'spinner spinner--large' : 'spinner'} aria-hidden="true" />;
}

/** A whole-area loading state, announced politely to screen readers. */
export function Loading(props: { label?: string; inline?: boolean }) {
  return (
    <div class="loading" role="status">
      <Spinner large={!props.inline} />
      <span>{props.label ?? 'Загрузка…'}</span>
    </div>
  );
}
