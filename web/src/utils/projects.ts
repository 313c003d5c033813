// 考核项目规范: what the registry page computes — the default reports a year
// of a frequency, status tags, the burden table's order and its signed
// changes, and the burden bar chart.
import type { EChartsCoreOption } from 'echarts/core'
import type { AssessmentProject, ProjectStatus, UnitBurden } from '@/api/types'

export const FREQUENCIES = ['annual', 'semiannual', 'quarterly', 'monthly', 'ad_hoc'] as const
export const STATUSES: ProjectStatus[] = ['applied', 'approved', 'merged', 'refused', 'abolished']

/** Reports a year a frequency implies (the server's default when none is sent). */
export function defaultReports(frequency: string): number {
  return ({ annual: 1, semiannual: 2, quarterly: 4, monthly: 12, ad_hoc: 0 } as Record<string, number>)[frequency] ?? 0
}

/** Element Plus tag type of a status. */
export function statusTagType(status: ProjectStatus | string): 'info' | 'success' | 'warning' | 'danger' | 'primary' {
  switch (status) {
    case 'applied':
      return 'warning'
    case 'approved':
      return 'success'
    case 'merged':
      return 'primary'
    case 'refused':
      return 'danger'
    default:
      return 'info'
  }
}

/** The decisions the office may take on a project in `status` (none once final). */
export function nextDecisions(status: ProjectStatus | string): Exclude<ProjectStatus, 'applied'>[] {
  if (status === 'applied') return ['approved', 'merged', 'refused']
  if (status === 'approved') return ['abolished']
  return []
}

/** Refusing and abolishing tell the department why. */
export const decisionNeedsNote = (status: string) => status === 'refused' || status === 'abolished'

export type BurdenSortKey = 'reports' | 'projects' | 'delta_reports' | 'delta_projects'

/**
 * Heaviest first by `key` (descending; for a Δ: the largest increase first),
 * then reports, projects, unit id — a stable, total order.
 */
export function sortBurden(rows: UnitBurden[], key: BurdenSortKey = 'reports'): UnitBurden[] {
  return [...rows].sort(
    (a, b) => b[key] - a[key] || b.reports - a.reports || b.projects - a.projects || a.unit_id.localeCompare(b.unit_id),
  )
}

/** A change for display: "+3", "−2" (a true minus sign), "0"; "—" without a previous year. */
export function formatDelta(delta: number, hasPrevious = true): string {
  if (!hasPrevious || !Number.isFinite(delta)) return '—'
  if (delta > 0) return `+${delta}`
  if (delta < 0) return `−${-delta}`
  return '0'
}

/** Colour class of a change: less burden is good. */
export function deltaClass(delta: number, hasPrevious = true): '' | 'down' | 'up' {
  if (!hasPrevious || delta === 0) return ''
  return delta < 0 ? 'down' : 'up'
}

/** Projects matching a free-text search (id, names, department), case-insensitive. */
export function matchProject(p: AssessmentProject, query: string, deptName = ''): boolean {
  const q = query.trim().toLowerCase()
  if (!q) return true
  return [p.id, p.name_zh, p.name_en, p.department_id, deptName].some((s) => s.toLowerCase().includes(q))
}

/**
 * Horizontal bars of reports a year per unit, heaviest at the top, this year
 * beside last year (when there is one).
 */
export function burdenChartOption(
  rows: UnitBurden[],
  label: (r: UnitBurden) => string,
  names: { now: string; before: string },
  hasPrevious: boolean,
): EChartsCoreOption {
  const shown = sortBurden(rows).reverse() // ECharts draws the first category at the bottom
  const series: Record<string, unknown>[] = [
    { name: names.now, type: 'bar', barMaxWidth: 14, data: shown.map((r) => r.reports), itemStyle: { color: '#409eff' } },
  ]
  if (hasPrevious) {
    series.push({
      name: names.before,
      type: 'bar',
      barMaxWidth: 14,
      data: shown.map((r) => r.previous_reports),
      itemStyle: { color: '#c0c4cc' },
    })
  }
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map(label) },
    series,
  }
}
