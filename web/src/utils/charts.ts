// ECharts option builders (pure functions of the API data).
import type { EChartsCoreOption } from 'echarts/core'
import type { GradeLevel, MonthlyValue, UnitResultRow } from '@/api/types'
import { gradeColor } from './grade'
import { formatScore, roundHalfAwayFromZero } from './format'
import { formatWithInterval } from './interval'

const AXIS_LABEL = { color: '#606266', fontSize: 12 }

/** Horizontal bars of totals, best at the top, each bar coloured by its grade. */
export function totalsBarOption(
  units: UnitResultRow[],
  grades: GradeLevel[],
  name: (x: { name_zh: string; name_en: string }) => string,
  vetoLabel: string,
): EChartsCoreOption {
  const totals = units.map((u) => u.total)
  const min = totals.length ? Math.min(...totals) : 0
  const max = totals.length ? Math.max(...totals) : 100
  const axisMin = Math.max(0, Math.floor((min - 5) / 5) * 5)
  const axisMax = max > 100 ? Math.ceil(max / 5) * 5 : 100
  return {
    animation: false,
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const u = units[p.dataIndex]
        const g = grades.find((x) => x.code === u.grade)
        const gname = g ? name(g) : u.grade
        return `${name(u)}<br/>${formatWithInterval(u.total, u.interval)} · ${gname}${u.vetoed ? ' · ' + vetoLabel : ''}${u.interval?.flagged ? ' ≈' : ''}`
      },
    },
    xAxis: { type: 'value', min: axisMin, max: axisMax, axisLabel: AXIS_LABEL, splitLine: { lineStyle: { color: '#ebeef5' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: units.map((u) => name(u)),
      axisLabel: { ...AXIS_LABEL, width: 150, overflow: 'truncate' },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        data: units.map((u) => ({
          value: roundHalfAwayFromZero(u.total),
          itemStyle: { color: gradeColor(u.grade, grades), borderRadius: [0, 2, 2, 0] },
        })),
        label: { show: true, position: 'right', fontSize: 11, color: '#606266', formatter: (p: { value: number }) => formatScore(p.value) },
      },
    ],
  }
}

/** Pie of grade counts. */
export function gradePieOption(
  counts: Record<string, number>,
  grades: GradeLevel[],
  gradeName: (g: GradeLevel) => string,
): EChartsCoreOption {
  const codes = grades.length ? grades.map((g) => g.code) : Object.keys(counts)
  const data = codes
    .filter((c) => (counts[c] ?? 0) > 0)
    .map((c) => {
      const g = grades.find((x) => x.code === c)
      return { name: g ? gradeName(g) : c, value: counts[c] ?? 0, itemStyle: { color: gradeColor(c, grades) } }
    })
  const countOf = new Map(data.map((d) => [d.name, d.value]))
  return {
    animation: false,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: {
      bottom: 0,
      itemWidth: 10,
      itemHeight: 10,
      textStyle: { fontSize: 12 },
      formatter: (n: string) => `${n} ${countOf.get(n) ?? 0}`,
    },
    series: [
      {
        type: 'pie',
        radius: ['40%', '72%'],
        center: ['50%', '44%'],
        label: { position: 'inside', formatter: '{c}', color: '#fff', fontSize: 12, fontWeight: 'bold' },
        labelLine: { show: false },
        data,
      },
    ],
  }
}

/** Monthly values of one indicator, with the target as a dashed line. */
export function monthlyLineOption(
  monthly: MonthlyValue[],
  target: number | null,
  seriesName: string,
  targetLabel: string,
): EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: monthly.map((m) => m.period), axisLabel: AXIS_LABEL },
    yAxis: { type: 'value', scale: true, axisLabel: AXIS_LABEL, splitLine: { lineStyle: { color: '#ebeef5' } } },
    series: [
      {
        name: seriesName,
        type: 'line',
        data: monthly.map((m) => m.value),
        symbolSize: 6,
        itemStyle: { color: '#1d4e89' },
        connectNulls: false,
        markLine:
          target === null || target === undefined
            ? undefined
            : {
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#a4161a' },
                label: { formatter: `${targetLabel} ${target}`, position: 'insideEndTop' },
                data: [{ yAxis: target }],
              },
      },
    ],
  }
}

/** Indicator types in stacking order: process first, so the 30 % line reads on its bar. */
export const TYPE_ORDER = ['process', 'output', 'outcome']
export const TYPE_COLORS: Record<string, string> = {
  process: '#e6a23c',
  output: '#409eff',
  outcome: '#67c23a',
  other: '#c0c4cc',
}

/**
 * Share of points by indicator type per category, as horizontal stacked bars
 * (0–100 %), with a dashed line at the process-share warning level; a
 * process-dominated category's label is marked ⚠ and red.
 */
export function typeBalanceOption(
  categories: { label: string; by_type: Record<string, number>; warn: boolean }[],
  typeLabel: (type: string) => string,
  warnLine: number,
  warnLineLabel: string,
): EChartsCoreOption {
  const types = [...TYPE_ORDER]
  for (const c of categories) for (const k of Object.keys(c.by_type)) if (!types.includes(k)) types.push(k)
  const pct = (x: number | undefined) => roundHalfAwayFromZero((x ?? 0) * 100, 1)
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 12 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v}%` },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { ...AXIS_LABEL, formatter: '{value}%' }, splitLine: { lineStyle: { color: '#ebeef5' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: categories.map((c) => (c.warn ? `⚠ ${c.label}` : c.label)),
      axisLabel: {
        ...AXIS_LABEL,
        width: 210,
        overflow: 'truncate',
        color: (_v: string, i: number) => (categories[i]?.warn ? '#c45656' : AXIS_LABEL.color),
      },
      axisTick: { show: false },
    },
    series: types.map((ty, idx) => ({
      name: typeLabel(ty),
      type: 'bar',
      stack: 'share',
      barMaxWidth: 22,
      itemStyle: { color: TYPE_COLORS[ty] ?? TYPE_COLORS.other },
      label: { show: true, fontSize: 11, color: '#fff', formatter: (p: { value: number }) => (p.value >= 8 ? `${p.value}%` : '') },
      data: categories.map((c) => pct(c.by_type[ty])),
      markLine:
        idx === 0
          ? {
              symbol: 'none',
              silent: true,
              lineStyle: { type: 'dashed', color: '#a4161a' },
              label: { formatter: warnLineLabel, position: 'end', color: '#a4161a', fontSize: 11 },
              data: [{ xAxis: warnLine * 100 }],
            }
          : undefined,
    })),
  }
}

/** One unit of the fairness scatter. */
export interface FairnessPoint {
  label: string
  /** the x input (budget, else the first input); null: not reported → not plotted */
  x: number | null
  total: number
  efficiency: number | null
  /** extra tooltip lines, e.g. "预算（万元）：4200" */
  lines: string[]
}

/** Efficiency colours, low → high (visualMap). */
export const EFFICIENCY_COLORS = ['#f56c6c', '#e6a23c', '#67c23a']
export const NO_EFFICIENCY_COLOR = '#c0c4cc'
const EFFICIENT = 1 - 1e-9

/** Efficiency for display: 0.7373 → "73.7%"; null → "—". */
export function formatEfficiency(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—'
  return `${formatScore(x * 100, 1)}%`
}

/**
 * Fairness scatter of one category: x = an input (budget), y = total score,
 * colour = DEA efficiency (continuous scale from the category's lowest to 100 %);
 * efficient units (θ = 1, the benchmarks) are larger and labelled; units
 * without an efficiency are grey.
 */
export function fairnessScatterOption(
  points: FairnessPoint[],
  labels: { x: string; y: string; efficiency: string },
  kv: (k: string, v: string) => string = (k, v) => `${k}: ${v}`,
): EChartsCoreOption {
  const plotted = points.map((p, i) => ({ p, i })).filter(({ p }) => p.x !== null && Number.isFinite(p.x))
  const withEff = plotted.filter(({ p }) => p.efficiency !== null && Number.isFinite(p.efficiency))
  const without = plotted.filter(({ p }) => !(p.efficiency !== null && Number.isFinite(p.efficiency)))
  const effs = withEff.map(({ p }) => p.efficiency as number)
  const low = effs.length ? Math.min(0.5, Math.floor(Math.min(...effs) * 10) / 10) : 0
  return {
    animation: false,
    grid: { left: 16, right: 84, top: 28, bottom: 32, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { data: { i: number } }) => {
        const u = points[p.data.i]
        return [
          `<b>${u.label}</b>`,
          kv(labels.y, formatScore(u.total)),
          ...u.lines,
          kv(labels.efficiency, formatEfficiency(u.efficiency)),
        ].join('<br/>')
      },
    },
    visualMap: {
      type: 'continuous',
      seriesIndex: 0,
      dimension: 2,
      min: low,
      max: 1,
      right: 0,
      top: 'middle',
      itemWidth: 12,
      itemHeight: 120,
      calculable: false,
      formatter: (v: number) => formatEfficiency(v),
      text: ['100%', `${roundHalfAwayFromZero(low * 100, 0)}%`],
      textStyle: { fontSize: 11, color: '#606266' },
      inRange: { color: EFFICIENCY_COLORS },
    },
    xAxis: {
      type: 'value',
      scale: true,
      name: labels.x,
      nameLocation: 'middle',
      nameGap: 26,
      nameTextStyle: { color: '#606266', fontSize: 12 },
      axisLabel: AXIS_LABEL,
      splitLine: { lineStyle: { color: '#ebeef5' } },
    },
    yAxis: {
      type: 'value',
      scale: true,
      name: labels.y,
      nameTextStyle: { color: '#606266', fontSize: 12, align: 'left' },
      axisLabel: AXIS_LABEL,
      splitLine: { lineStyle: { color: '#ebeef5' } },
    },
    series: [
      {
        type: 'scatter',
        data: withEff.map(({ p, i }) => {
          const efficient = (p.efficiency as number) >= EFFICIENT
          return {
            i,
            value: [p.x, roundHalfAwayFromZero(p.total), p.efficiency],
            symbolSize: efficient ? 18 : 13,
            itemStyle: { borderColor: efficient ? '#2f6f1f' : '#fff', borderWidth: efficient ? 2 : 1 },
            label: efficient
              ? { show: true, position: 'top', formatter: p.label, fontSize: 11, color: '#303133' }
              : { show: false },
          }
        }),
      },
      {
        type: 'scatter',
        symbolSize: 12,
        itemStyle: { color: NO_EFFICIENCY_COLOR },
        data: without.map(({ p, i }) => ({ i, value: [p.x, roundHalfAwayFromZero(p.total)] })),
      },
    ],
  }
}
