// Hand-drawn horizontal bar chart (decision record 032): role="img" with a title and description,
// every bar labelled with its name and number, and the same figures given in a table next to it.
import { formatNumber } from "~/i18n/translate";
import { useTranslation } from "~/i18n/react";

type Bar = { label: string; value: number };

export function BarChart({ id, title, desc, bars, unit = "" }: { id: string; title: string; desc: string; bars: Bar[]; unit?: string }) {
  const { language } = useTranslation(["common"]);
  const rowHeight = 26;
  const labelWidth = 300;
  const barWidth = 360;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = Math.max(1, bars.length) * rowHeight + 8;
  return (
    <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${labelWidth + barWidth + 70} ${height}`} width="100%" className="chart" style={{ maxWidth: "46rem", display: "block" }}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {bars.map((b, i) => {
        const y = 4 + i * rowHeight;
        const w = Math.round((b.value / max) * barWidth);
        return (
          <g key={`${b.label}-${i}`}>
            <text x={labelWidth - 8} y={y + 17} textAnchor="end" fontSize="13" fill="#1a1a1a">
              {b.label.length > 42 ? `${b.label.slice(0, 41)}…` : b.label}
            </text>
            <rect x={labelWidth} y={y + 3} width={w} height={rowHeight - 8} fill="#114a82" />
            <text x={labelWidth + w + 6} y={y + 17} fontSize="13" fill="#1a1a1a">
              {formatNumber(language, b.value)}
              {unit}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
