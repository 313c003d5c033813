// 晴雨表 and 季度通报: the pure logic of their pages — chart options (a
// category's mean over the years with its min–max band, the months' progress
// shares), mover labels and the quarters a bulletin can be issued for.
import type { EChartsCoreOption } from 'echarts/core'
import type { BarometerMonths, BarometerTrend, Tally } from '@/api/barometer'

const AXIS_LABEL = { color: '#606266', fontSize: 12 }

export interface TrendSeries {
  id: string
  name: string
  mean: (number | null)[]
  min: (number | null)[]
  max: (number | null)[]
}

/** Per category (and the city as `_city`), mean / min / max per year, null where absent. */
export function trendSeries(
  trend: BarometerTrend,
  categoryName: (id: string) => string,
  cityName: string,
): { years: string[]; series: TrendSeries[] } {
  const years = trend.years.map((y) => String(y.year))
  const city: TrendSeries = {
    id: '_city',
    name: cityName,
    mean: trend.years.map((y) => (y.city.count ? round2(y.city.mean) : null)),
    min: trend.years.map((y) => (y.city.count ? round2(y.city.min) : null)),
    max: trend.years.map((y) => (y.city.count ? round2(y.city.max) : null)),
  }
  const series = trend.categories.map((c) => {
    const at = trend.years.map((y) => y.categories.find((x) => x.category_id === c.id))
    return {
      id: c.id,
      name: categoryName(c.id),
      mean: at.map((x) => (x?.spread.count ? round2(x.spread.mean) : null)),
      min: at.map((x) => (x?.spread.count ? round2(x.spread.min) : null)),
      max: at.map((x) => (x?.spread.count ? round2(x.spread.max) : null)),
    }
  })
  return { years, series: [city, ...series] }
}

function round2(v: number): number {
  return Math.round(v * 100) / 100
}

/** Year labels with the provisional year marked (e.g. "2026（临时）"). */
export function yearLabels(trend: BarometerTrend, provisional: string): string[] {
  return trend.years.map((y) => (y.provisional ? `${y.year}${provisional}` : String(y.year)))
}

/** One line per category of the mean total over the years (dashed: the provisional year). */
export function trendLineOption(labels: string[], s: TrendSeries[]): EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: labels, axisLabel: AXIS_LABEL },
    yAxis: { type: 'value', scale: true, axisLabel: AXIS_LABEL, splitLine: { lineStyle: { color: '#ebeef5' } } },
    series: s.map((x) => ({
      name: x.name,
      type: 'line',
      data: x.mean,
      connectNulls: false,
      symbolSize: 7,
      lineStyle: x.id === '_city' ? { width: 3 } : { width: 1.5 },
    })),
  }
}

/** A category's min–max band and mean over the years. */
export function spreadOption(labels: string[], s: TrendSeries, names: { mean: string; min: string; max: string }): EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, data: [names.mean, names.min, names.max] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: labels, axisLabel: AXIS_LABEL },
    yAxis: { type: 'value', scale: true, axisLabel: AXIS_LABEL },
    series: [
      { name: names.max, type: 'line', data: s.max, lineStyle: { type: 'dashed' }, itemStyle: { color: '#67c23a' } },
      { name: names.mean, type: 'line', data: s.mean, lineStyle: { width: 2.5 }, itemStyle: { color: '#1d4e89' } },
      { name: names.min, type: 'line', data: s.min, lineStyle: { type: 'dashed' }, itemStyle: { color: '#f56c6c' } },
    ],
  }
}

/** Share (0..1) of a tally's rated pairs on track, and of its reports due that came in on time. */
export function shares(t: Tally | undefined): { onTrack: number; onTime: number; late: number; missing: number } {
  if (!t) return { onTrack: 0, onTime: 0, late: 0, missing: 0 }
  const due = t.reports_due || 0
  return {
    onTrack: t.on_track_share,
    onTime: due ? t.on_time / due : 0,
    late: due ? t.late / due : 0,
    missing: due ? t.missing / due : 0,
  }
}

/** The months of a year: stacked progress counts (on track / lagging / red) and report counts per month. */
export function monthsOption(
  m: BarometerMonths,
  category: string | '',
  names: { onTrack: string; lagging: string; red: string; onTime: string; late: string; missing: string; month: (n: number) => string },
): EChartsCoreOption {
  const tallies = m.months.map((row) => (category ? row.categories[category] : row.city))
  const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : 0)
  const rated = (t?: Tally) => (t ? t.on_track + t.lagging + t.red : 0)
  const bar = (name: string, color: string, pick: (t: Tally) => number, of: (t?: Tally) => number, stack: string) => ({
    name,
    type: 'bar',
    stack,
    itemStyle: { color },
    data: tallies.map((t) => (t ? pct(pick(t), of(t)) : 0)),
  })
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${v}%` },
    xAxis: { type: 'category', data: m.months.map((r) => names.month(r.month)), axisLabel: AXIS_LABEL },
    yAxis: { type: 'value', max: 100, axisLabel: { ...AXIS_LABEL, formatter: '{value}%' } },
    series: [
      bar(names.onTrack, '#67c23a', (t) => t.on_track, rated, 'progress'),
      bar(names.lagging, '#e6a23c', (t) => t.lagging, rated, 'progress'),
      bar(names.red, '#f56c6c', (t) => t.red, rated, 'progress'),
      bar(names.onTime, '#409eff', (t) => t.on_time, (t) => t?.reports_due ?? 0, 'reports'),
      bar(names.late, '#b37feb', (t) => t.late, (t) => t?.reports_due ?? 0, 'reports'),
      bar(names.missing, '#909399', (t) => t.missing, (t) => t?.reports_due ?? 0, 'reports'),
    ],
  }
}

/** The quarters of `year` that have ended by `today` (YYYY-MM-DD): these can be issued. */
export function endedQuarters(year: number, today: string): number[] {
  const out: number[] = []
  for (let q = 1; q <= 4; q++) {
    const endMonth = q * 3
    const end = `${year}-${String(endMonth).padStart(2, '0')}-${endMonth === 3 || endMonth === 12 ? 31 : 30}`
    if (today > end) out.push(q)
  }
  return out
}

/** A percentage for tables: 0.8756 → "87.6%". */
export function pct(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`
}
