// A bar per stage: the median (solid) over the 90th percentile (light), and the
// statutory term as a red mark. The SVG is one image with a full description for
// screen readers; every bar names its figure in a <title>; the table beside it
// holds the same numbers.
import { For, Show } from 'solid-js';
import { formatDays } from './wording';

export interface LeadChartItem {
  label: string;
  median: number | null;
  p90: number | null;
  term: number | null;
}

const WIDTH = 720;
const VALUE_WIDTH = 150;
const ROW = 52;
const BAR = 18;

export function LeadChart(props: { items: readonly LeadChartItem[]; unit: string; title: string }) {
  const max = () => Math.max(1, ...props.items.flatMap((i) => [i.median ?? 0, i.p90 ?? 0, i.term ?? 0]));
  const scale = (n: number) => (n / max()) * (WIDTH - VALUE_WIDTH);
  const description = () =>
    `${props.title}: ` +
    props.items
      .map((i) => `${i.label} — медиана ${formatDays(i.median)}, 90-й процентиль ${formatDays(i.p90)}${i.term === null ? ', без нормативного срока' : `, нормативный срок ${formatDays(i.term)}`} ${props.unit}`)
      .join('; ') +
    '.';
  return (
    <div class="stack">
      <svg class="lead-chart" viewBox={`0 0 ${WIDTH} ${Math.max(1, props.items.length) * ROW}`} role="img" aria-label={description()}>
        <For each={props.items}>
          {(item, i) => (
            <g transform={`translate(0 ${i() * ROW})`}>
              <text class="lead-chart__label" x={0} y={16}>
                {item.label}
              </text>
              <Show when={item.p90 !== null}>
                <rect class="lead-chart__p90" x={0} y={24} width={Math.max(2, scale(item.p90!))} height={BAR} rx={2}>
                  <title>
                    {item.label}: 90-й процентиль — {formatDays(item.p90)} {props.unit}
                  </title>
                </rect>
              </Show>
              <Show when={item.median !== null}>
                <rect class="lead-chart__median" x={0} y={28} width={Math.max(2, scale(item.median!))} height={BAR - 8} rx={2}>
                  <title>
                    {item.label}: медиана — {formatDays(item.median)} {props.unit}
                  </title>
                </rect>
              </Show>
              <Show when={item.term !== null}>
                <line class="lead-chart__term" x1={scale(item.term!)} x2={scale(item.term!)} y1={20} y2={24 + BAR + 4}>
                  <title>
                    {item.label}: нормативный срок — {formatDays(item.term)} {props.unit}
                  </title>
                </line>
              </Show>
              <text class="lead-chart__value" x={WIDTH - VALUE_WIDTH + 8} y={24 + BAR - 4}>
                {formatDays(item.median)} / {formatDays(item.p90)} {props.unit}
              </text>
            </g>
          )}
        </For>
      </svg>
      <ul class="lead-legend" aria-hidden="true">
        <li>
          <span class="lead-legend__swatch lead-legend__swatch--median" />
          Медиана
        </li>
        <li>
          <span class="lead-legend__swatch lead-legend__swatch--p90" />
          90-й процентиль
        </li>
        <li>
          <span class="lead-legend__swatch lead-legend__swatch--term" />
          Нормативный срок
        </li>
      </ul>
    </div>
  );
}
