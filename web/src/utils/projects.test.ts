import { describe, expect, it } from 'vitest'
import type { AssessmentProject, UnitBurden } from '@/api/types'
import {
  burdenChartOption,
  decisionNeedsNote,
  defaultReports,
  deltaClass,
  formatDelta,
  matchProject,
  nextDecisions,
  sortBurden,
  statusTagType,
} from './projects'

const row = (unit_id: string, reports: number, projects: number, previous_reports = 0): UnitBurden => ({
  unit_id,
  name_zh: unit_id,
  name_en: unit_id,
  category_id: 'C1',
  projects,
  reports,
  merged: 0,
  previous_projects: 0,
  previous_reports,
  delta_projects: projects,
  delta_reports: reports - previous_reports,
  project_ids: [],
  merged_ids: [],
})

describe('assessment projects', () => {
  it('derives reports a year from the frequency', () => {
    expect(defaultReports('annual')).toBe(1)
    expect(defaultReports('semiannual')).toBe(2)
    expect(defaultReports('quarterly')).toBe(4)
    expect(defaultReports('monthly')).toBe(12)
    expect(defaultReports('ad_hoc')).toBe(0)
    expect(defaultReports('weekly')).toBe(0)
  })

  it('offers only the allowed decisions and asks a reason for a refusal or abolition', () => {
    expect(nextDecisions('applied')).toEqual(['approved', 'merged', 'refused'])
    expect(nextDecisions('approved')).toEqual(['abolished'])
    expect(nextDecisions('merged')).toEqual([])
    expect(nextDecisions('refused')).toEqual([])
    expect(nextDecisions('abolished')).toEqual([])
    expect(decisionNeedsNote('refused')).toBe(true)
    expect(decisionNeedsNote('abolished')).toBe(true)
    expect(decisionNeedsNote('approved')).toBe(false)
    expect(statusTagType('approved')).toBe('success')
    expect(statusTagType('refused')).toBe('danger')
    expect(statusTagType('abolished')).toBe('info')
  })

  it('sorts the burden heaviest first with a total order', () => {
    const rows = [row('D02', 16, 2), row('D01', 16, 2), row('B01', 16, 3), row('B02', 40, 1), row('D03', 0, 0, 12)]
    expect(sortBurden(rows).map((r) => r.unit_id)).toEqual(['B02', 'B01', 'D01', 'D02', 'D03'])
    expect(sortBurden(rows, 'projects').map((r) => r.unit_id)).toEqual(['B01', 'D01', 'D02', 'B02', 'D03'])
    // By change: the largest increase first, the largest relief last.
    expect(sortBurden(rows, 'delta_reports').map((r) => r.unit_id)).toEqual(['B02', 'B01', 'D01', 'D02', 'D03'])
    expect(rows[0].unit_id).toBe('D02') // not sorted in place
  })

  it('formats changes with a true minus sign and colours relief green', () => {
    expect(formatDelta(3)).toBe('+3')
    expect(formatDelta(-12)).toBe('−12')
    expect(formatDelta(0)).toBe('0')
    expect(formatDelta(-12, false)).toBe('—')
    expect(deltaClass(-1)).toBe('down')
    expect(deltaClass(2)).toBe('up')
    expect(deltaClass(0)).toBe('')
    expect(deltaClass(-1, false)).toBe('')
  })

  it('finds projects by id, name or department', () => {
    const p = { id: 'B25-01', name_zh: '安全生产考核', name_en: 'Work safety', department_id: 'B25' } as AssessmentProject
    expect(matchProject(p, '')).toBe(true)
    expect(matchProject(p, '安全')).toBe(true)
    expect(matchProject(p, 'safety')).toBe(true)
    expect(matchProject(p, 'b25')).toBe(true)
    expect(matchProject(p, '应急', '应急管理局')).toBe(true)
    expect(matchProject(p, '河长')).toBe(false)
  })

  it('draws this year beside last year, heaviest at the top', () => {
    const opt = burdenChartOption([row('D01', 4, 1, 18), row('D02', 10, 2, 12)], (r) => r.unit_id, { now: '本年', before: '上年' }, true) as {
      yAxis: { data: string[] }
      series: { name: string; data: number[] }[]
    }
    expect(opt.yAxis.data).toEqual(['D01', 'D02']) // bottom to top
    expect(opt.series.map((s) => s.name)).toEqual(['本年', '上年'])
    expect(opt.series[0].data).toEqual([4, 10])
    expect(opt.series[1].data).toEqual([18, 12])
    const single = burdenChartOption([row('D01', 4, 1)], (r) => r.unit_id, { now: 'a', before: 'b' }, false) as { series: unknown[] }
    expect(single.series).toHaveLength(1)
  })
})
