// Hand-drawn line chart of a percentage over time (decision records 032 and 075): server-rendered SVG,
// role="img" with a title and a description that says the trend in words; the figures themselves are
// in a table behind "Show the data" next to it.
import { useTranslation } from "~/i18n/react";
import type { T } from "~/i18n/translate";

type Point = { label: string; value: number };

export function LineChart({
  id,
  title,
  desc,
  points,
  unit = " %",
}: {
  id: string;
  title: string;
  desc: string;
  points: Point[];
  unit?: string;
}) {
  const width = 640;
  const height = 240;
  const left = 44;
  const right = 16;
  const top = 12;
  const bottom = 36;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const x = (i: number) =>
    left + (points.length > 1 ? (i / (points.length - 1)) * plotW : plotW / 2);
  const y = (v: number) =>
    top + plotH - (Math.max(0, Math.min(100, v)) / 100) * plotH;
  // At most eight labels on the time axis, always the first and the last.
  const every = Math.max(1, Math.ceil(points.length / 8));
  const labelled = points.map(
    (_, i) => i % every === 0 || i === points.length - 1
  );
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      className="chart rate-line"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {[0, 25, 50, 75, 100].map((v) => (
        <g key={v}>
          <line
            x1={left}
            x2={width - right}
            y1={y(v)}
            y2={y(v)}
            stroke="#c9ced6"
            strokeWidth="1"
          />
          <text
            x={left - 6}
            y={y(v) + 4}
            textAnchor="end"
            fontSize="12"
            fill="#1a1a1a"
          >
            {v}
            {unit}
          </text>
        </g>
      ))}
      {points.length > 1 ? (
        <polyline
          fill="none"
          stroke="#114a82"
          strokeWidth="2.5"
          points={points.map((p, i) => `${x(i)},${y(p.value)}`).join(" ")}
        />
      ) : null}
      {points.map((p, i) => (
        <g key={`${p.label}-${i}`}>
          <circle cx={x(i)} cy={y(p.value)} r="3.5" fill="#114a82" />
          {labelled[i] ? (
            <text
              x={x(i)}
              y={height - bottom + 18}
              textAnchor="middle"
              fontSize="12"
              fill="#1a1a1a"
            >
              {p.label}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}

/** A quarter as the dashboard names it ("2026 Q1"), in the reader's language. */
export function quarterLabel(period: string, t: T): string {
  const m = /^(\d{4}) Q([1-4])$/.exec(period);
  return m ? t("recommendations:chart.quarter", { year: m[1], quarter: m[2] }) : period;
}

/** The trend in words, for the chart's description. */
export function describeTrend(points: Point[], t: T, unit = " %"): string {
  if (!points.length) return t("recommendations:chart.noData");
  const first = points[0];
  const last = points[points.length - 1];
  const top = points.reduce((m, p) => (p.value > m.value ? p : m), first);
  return t("recommendations:chart.trend", {
    first: `${first.value}${unit}`,
    firstLabel: first.label,
    last: `${last.value}${unit}`,
    lastLabel: last.label,
    top: `${top.value}${unit}`,
    topLabel: top.label,
  });
}

/** The rate as a line: the rate page and the printable summary. */
export function RateLine({
  rate,
}: {
  rate: { period: string; rate: number }[];
}) {
  const { t } = useTranslation(["recommendations"]);
  const points = rate.map((p) => ({ label: quarterLabel(p.period, t), value: p.rate }));
  return (
    <LineChart
      id="rate"
      title={t("recommendations:rate.chartTitle")}
      desc={`${t("recommendations:rate.chartDesc")} ${describeTrend(points, t)}`}
      points={points}
    />
  );
}
