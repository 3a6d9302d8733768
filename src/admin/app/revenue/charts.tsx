import type { ComponentChildren } from 'preact';

/*
 * Small charts drawn as inline SVG, our own rather than a library's: three shapes are all the
 * dashboard needs, and each must say in words what it draws (a title, a description, and the same
 * numbers as a table a screen reader reads, hidden from the eye).
 */

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 72 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

/** One line or one kind of bar: a name for the legend and the table, a colour, a value a week. */
export interface Series {
  name: string;
  colour: string;
  values: number[];
}

interface ChartProps {
  id: string;
  title: string;
  description: string;
  /** The week labels, oldest first: one per value of each series. */
  labels: string[];
  series: Series[];
  /** How a value is written on the axis and in the table. */
  format: (value: number) => string;
}

const x = (i: number, count: number) => PAD.left + (count <= 1 ? PLOT_W / 2 : (i * PLOT_W) / (count - 1));
const y = (value: number, max: number) => PAD.top + PLOT_H - (max === 0 ? 0 : (value * PLOT_H) / max);

/** The frame every chart shares: heading, described drawing, legend, and the numbers as a table. */
function Chart({
  id,
  title,
  description,
  labels,
  series,
  format,
  children,
}: ChartProps & { children: ComponentChildren }) {
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-svg-title ${id}-desc`}>
        <title id={`${id}-svg-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <g aria-hidden="true" class="axes">
          <line x1={PAD.left} y1={PAD.top + PLOT_H} x2={WIDTH - PAD.right} y2={PAD.top + PLOT_H} />
          <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + PLOT_H} />
          <text x={PAD.left - 6} y={PAD.top + 4} text-anchor="end">
            {format(max)}
          </text>
          <text x={PAD.left - 6} y={PAD.top + PLOT_H} text-anchor="end">
            {format(0)}
          </text>
          <text x={PAD.left} y={HEIGHT - 6} text-anchor="start">
            {labels[0]}
          </text>
          <text x={WIDTH - PAD.right} y={HEIGHT - 6} text-anchor="end">
            {labels[labels.length - 1]}
          </text>
        </g>
        <g aria-hidden="true">{children}</g>
      </svg>
      {series.length > 1 && (
        <ul class="legend" aria-hidden="true">
          {series.map((s) => (
            <li key={s.name}>
              <span class="swatch" style={{ background: s.colour }} />
              {s.name}
            </li>
          ))}
        </ul>
      )}
      <table class="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <td />
            {series.map((s) => (
              <th scope="col" key={s.name}>
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((label, i) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {series.map((s) => (
                <td key={s.name}>{format(s.values[i] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** A line a series, over the weeks. */
export function LineChart(props: ChartProps) {
  const max = Math.max(0, ...props.series.flatMap((s) => s.values));
  return (
    <Chart {...props}>
      {props.series.map((s) => (
        <polyline
          key={s.name}
          fill="none"
          stroke={s.colour}
          stroke-width="2.5"
          points={s.values.map((value, i) => `${x(i, s.values.length)},${y(value, max)}`).join(' ')}
        />
      ))}
    </Chart>
  );
}

/** Side-by-side bars a week, one a series. */
export function BarChart(props: ChartProps) {
  const max = Math.max(0, ...props.series.flatMap((s) => s.values));
  const slot = PLOT_W / Math.max(1, props.labels.length);
  const bar = (slot * 0.8) / Math.max(1, props.series.length);
  return (
    <Chart {...props}>
      {props.series.flatMap((s, k) =>
        s.values.map((value, i) => (
          <rect
            key={`${s.name}-${i}`}
            x={PAD.left + i * slot + slot * 0.1 + k * bar}
            y={y(value, max)}
            width={bar}
            height={PAD.top + PLOT_H - y(value, max)}
            fill={s.colour}
          />
        )),
      )}
    </Chart>
  );
}
