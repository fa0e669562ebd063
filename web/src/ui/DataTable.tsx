// A table of rows: a caption for screen readers, column headers, and on a phone
// each row becomes a card whose cells are labelled by their column (data-label,
// see .table in components.css). Pages give columns; the markup is built once.
import { For, Show, type JSX } from 'solid-js';

export interface Column<T> {
  /** The header text; also the cell's label on a phone. */
  header: string;
  cell: (row: T) => JSX.Element;
  /** The cell's label on a phone, when shorter than the header. */
  label?: string;
  /** A class for the header and the cells (e.g. an amount aligned right). */
  class?: string;
}

export function DataTable<T>(props: {
  caption: string;
  /** Shown above the table; hidden (read by screen readers only) by default. */
  captionVisible?: boolean;
  columns: ReadonlyArray<Column<T>>;
  rows: readonly T[];
  class?: string;
  rowClass?: (row: T) => Record<string, boolean | undefined>;
  /** A <tfoot> of totals. */
  footer?: JSX.Element;
  /** For a table wider than the page: the scrolling wrapper becomes a labelled region keyboard users can focus and scroll (axe «scrollable-region-focusable»). */
  wide?: boolean;
}) {
  return (
    <div class="table-wrap" tabIndex={props.wide ? 0 : undefined} role={props.wide ? 'region' : undefined} aria-label={props.wide ? props.caption : undefined}>
      <table class={props.class ? `table ${props.class}` : 'table'}>
        <caption class={props.captionVisible ? undefined : 'visually-hidden'}>{props.caption}</caption>
        <thead>
          <tr>
            <For each={props.columns}>
              {(column) => (
                <th scope="col" class={column.class}>
                  {column.header}
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr classList={props.rowClass?.(row)}>
                <For each={props.columns}>
                  {(column) => (
                    <td data-label={column.label ?? column.header} class={column.class}>
                      {column.cell(row)}
                    </td>
                  )}
                </For>
              </tr>
            )}
          </For>
        </tbody>
        <Show when={props.footer}>{props.footer}</Show>
      </table>
    </div>
  );
}
