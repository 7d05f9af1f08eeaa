// The mean progress of each group as a horizontal bar chart, drawn in plain
// SVG with its values written next to the bars and read out as its label.
import { useId } from "react";
import type { Schema } from "../../api";
import { formatNumber } from "../../format";
import { t } from "../../i18n";
import { Empty } from "../../ui";

type Line = Schema<"ParticipantProgress">;

/** A group with its participant count and mean progress (one decimal). */
export type GroupMean = { group: string; count: number; mean: number };

/** The mean progress per group of lines, groups in natural order (Kelompok 2 before 10). */
export function groupMeans(lines: Line[]): GroupMean[] {
  const sums = new Map<string, { count: number; sum: number }>();
  for (const l of lines) {
    const s = sums.get(l.group) ?? { count: 0, sum: 0 };
    s.count++;
    s.sum += l.progress;
    sums.set(l.group, s);
  }
  return [...sums.entries()]
    .map(([group, s]) => ({ group, count: s.count, mean: Math.round((s.sum / s.count) * 10) / 10 }))
    .sort((a, b) => a.group.localeCompare(b.group, "id", { numeric: true }));
}

const width = 420;
const labelWidth = 112;
const valueWidth = 64;
const barWidth = width - labelWidth - valueWidth;
const rowHeight = 34;
const barHeight = 20;

function shorten(text: string, max = 15): string {
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}

/** The bar chart of mean progress per group, with a text alternative listing every value. */
export function GroupChart({ lines }: { lines: Line[] }) {
  const id = useId();
  const means = groupMeans(lines);
  if (means.length === 0) return <Empty>{t("coach.chartEmpty")}</Empty>;
  const height = means.length * rowHeight + 8;
  const description = means.map((m) => t("coach.chartItem", { group: m.group, mean: formatNumber(m.mean, 1), count: m.count })).join("; ");
  return (
    <figure className="coach-chart">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${width} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-title`}>{t("coach.chartLabel")}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {means.map((m, i) => {
          const y = i * rowHeight + 4;
          const middle = y + barHeight / 2;
          return (
            <g key={m.group}>
              <text x={labelWidth - 8} y={middle} className="coach-chart-label" textAnchor="end" dominantBaseline="central">
                {shorten(m.group)}
              </text>
              <rect x={labelWidth} y={y} width={barWidth} height={barHeight} rx={4} className="coach-chart-track" />
              <rect x={labelWidth} y={y} width={(barWidth * Math.min(100, Math.max(0, m.mean))) / 100} height={barHeight} rx={4} className="coach-chart-bar" />
              <text x={labelWidth + barWidth + 8} y={middle} className="coach-chart-value" dominantBaseline="central">
                {formatNumber(m.mean, 1)}%
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{t("coach.chartCaption")}</figcaption>
    </figure>
  );
}
