// 绩效反馈 and 整改: the pure logic of the feedback report and rectification
// pages — chart options (dimensions got vs full, the three-year trend), the
// plan form's checks, item ordering and closure-rate display.
import type { EChartsCoreOption } from 'echarts/core'
import type { ClosureRate, FeedbackDimension, FeedbackTrendYear, NewRectificationItem, RectificationItem } from '@/api/types'
import { formatScore } from './format'

const AXIS_LABEL = { color: '#606266', fontSize: 12 }

/** 分项得分: horizontal bars, full points behind the points got. */
export function dimensionBarOption(
  dims: FeedbackDimension[],
  name: (d: FeedbackDimension) => string,
  labels: { got: string; full: string },
): EChartsCoreOption {
  const rows = [...dims].reverse() // ECharts draws the first category at the bottom
  return {
    animation: false,
    grid: { left: 8, right: 72, top: 28, bottom: 8, containLabel: true },
    legend: { top: 0, data: [labels.got, labels.full] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', axisLabel: AXIS_LABEL, splitLine: { lineStyle: { color: '#ebeef5' } } },
    yAxis: { type: 'category', data: rows.map(name), axisLabel: AXIS_LABEL },
    series: [
      {
        name: labels.full,
        type: 'bar',
        data: rows.map((d) => d.points),
        barGap: '-100%',
        itemStyle: { color: '#dcdfe6' },
        z: 1,
      },
      {
        name: labels.got,
        type: 'bar',
        data: rows.map((d) => d.earned),
        itemStyle: { color: '#1d4e89' },
        label: {
          show: true,
          position: 'right',
          formatter: (p: { dataIndex: number }) =>
            `${formatScore(rows[p.dataIndex].earned)} / ${formatScore(rows[p.dataIndex].points)}`,
        },
        z: 2,
      },
    ],
  }
}

/** The y-axis range of the trend: the totals with 5 points of margin, in fives. */
export function trendRange(trend: FeedbackTrendYear[]): { min: number; max: number } {
  if (!trend.length) return { min: 0, max: 100 }
  const totals = trend.map((t) => t.total)
  const min = Math.max(0, Math.floor((Math.min(...totals) - 5) / 5) * 5)
  let max = Math.ceil((Math.max(...totals) + 5) / 5) * 5
  if (max - min < 10) max = min + 10
  return { min, max }
}

/** 近三年走势: the total per year, each point labelled with grade and rank. */
export function trendLineOption(
  trend: FeedbackTrendYear[],
  grade: (t: FeedbackTrendYear) => string,
  labels: { total: string; rank: (rank: number, size: number) => string },
): EChartsCoreOption {
  const { min, max } = trendRange(trend)
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: trend.map((t) => String(t.year)), axisLabel: AXIS_LABEL },
    yAxis: { type: 'value', min, max, axisLabel: AXIS_LABEL, splitLine: { lineStyle: { color: '#ebeef5' } } },
    series: [
      {
        name: labels.total,
        type: 'line',
        data: trend.map((t) => t.total),
        symbolSize: 8,
        itemStyle: { color: '#1d4e89' },
        label: {
          show: true,
          position: 'top',
          formatter: (p: { dataIndex: number }) => {
            const t = trend[p.dataIndex]
            return `${formatScore(t.total)} · ${grade(t)} · ${labels.rank(t.rank, t.category_size)}`
          },
        },
      },
    ],
  }
}

/** The plan form's checks, by field: empty when the item can be sent. */
export function planItemErrors(item: NewRectificationItem): Partial<Record<'measure' | 'owner' | 'deadline' | 'source', string>> {
  const errors: Partial<Record<'measure' | 'owner' | 'deadline' | 'source', string>> = {}
  if (item.source === 'indicator' ? !item.indicator_id : !item.opinion_id) errors.source = 'required'
  if (!item.measure.trim()) errors.measure = 'required'
  if (!item.owner.trim()) errors.owner = 'required'
  if (!isDate(item.deadline)) errors.deadline = 'date'
  return errors
}

/** "YYYY-MM-DD" and a real day. */
export function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

/** Items as a unit works through them: open before closed, overdue first, then by deadline and id. */
export function sortItems(items: RectificationItem[]): RectificationItem[] {
  const rank = (i: RectificationItem) => (i.state === 'closed' ? 2 : i.overdue ? 0 : 1)
  return [...items].sort(
    (a, b) => rank(a) - rank(b) || a.deadline.localeCompare(b.deadline) || a.unit_id.localeCompare(b.unit_id) || a.id - b.id,
  )
}

/** Lost points not yet covered by an open or closed item of the unit (what is left to plan). */
export function unplannedLostPoints<T extends { indicator_id: string }>(lost: T[], items: RectificationItem[]): T[] {
  const planned = new Set(items.filter((i) => i.source === 'indicator').map((i) => i.indicator_id))
  return lost.filter((p) => !planned.has(p.indicator_id))
}

/** A closure rate as a percentage with one decimal ("66.7%"); "—" without items. */
export function formatRate(rate: number, total: number): string {
  if (!total) return '—'
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`
}

/** Element Plus progress colour for a closure rate: red below half, amber below all, green at all. */
export function rateStatus(r: Pick<ClosureRate, 'rate' | 'overdue'>): 'exception' | 'warning' | 'success' {
  if (r.rate >= 1) return 'success'
  if (r.rate < 0.5 || r.overdue > 0) return 'exception'
  return 'warning'
}
