// A tiny horizontal bar chart in SVG: one bar per row, the value written beside
// it (the numbers are the data; the bars only help compare).
export interface Bar {
  label: string;
  value: number;
}

const ROW = 26;
const LABEL_WIDTH = 140;
const BAR_WIDTH = 260;

export function BarChart({
  title,
  bars,
  max,
  format = (v) => String(v),
}: {
  title: string;
  bars: Bar[];
  /** The value of a full bar (default: the largest value). */
  max?: number;
  format?: (value: number) => string;
}) {
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * ROW + 4;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg
        role="img"
        aria-label={`${title}: ${bars.map((b) => `${b.label} ${format(b.value)}`).join(', ')}`}
        width={LABEL_WIDTH + BAR_WIDTH + 80}
        height={height}
      >
        {bars.map((bar, i) => {
          const width = top > 0 ? Math.max(0, Math.min(1, bar.value / top)) * BAR_WIDTH : 0;
          const y = i * ROW + 2;
          return (
            <g key={bar.label}>
              <text x={0} y={y + 16} className="chart-label">
                {bar.label}
              </text>
              <rect x={LABEL_WIDTH} y={y + 3} width={width} height={ROW - 8} className="chart-bar" />
              <text x={LABEL_WIDTH + width + 6} y={y + 16} className="chart-value">
                {format(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
