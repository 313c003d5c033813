import { describe, expect, it } from 'vitest'
import type { RectificationItem } from '@/api/types'
import {
  dimensionBarOption,
  formatRate,
  isDate,
  planItemErrors,
  rateStatus,
  sortItems,
  trendLineOption,
  trendRange,
  unplannedLostPoints,
} from './feedback'

const trend = [
  { year: 2023, total: 80.1, rank: 5, category_size: 9, grade: 'qualified', grade_zh: '合格', grade_en: 'Qualified', provisional: false },
  { year: 2024, total: 84.25, rank: 3, category_size: 9, grade: 'good', grade_zh: '良好', grade_en: 'Good', provisional: false },
  { year: 2025, total: 87.346, rank: 2, category_size: 9, grade: 'good', grade_zh: '良好', grade_en: 'Good', provisional: true },
]

function item(over: Partial<RectificationItem>): RectificationItem {
  return {
    year: 2025, id: 1, unit_id: 'D01', source: 'indicator', indicator_id: '1.1', opinion_id: '', problem: '',
    measure: 'm', owner: 'o', deadline: '2026-06-30', state: 'open', progress: 0, overdue: false, note: '',
    created_by: '', created_at: '', updated_at: '', closed_by: '', closed_at: '', history: [], evidence: [], ...over,
  }
}

describe('feedback charts', () => {
  it('bars: full behind got, first dimension on top, labels got / full', () => {
    const opt = dimensionBarOption(
      [
        { id: '1', name_zh: '经济发展', name_en: 'Economy', earned: 31.5, points: 40 },
        { id: '2', name_zh: '公共服务', name_en: 'Service', earned: 50, points: 60 },
      ],
      (d) => d.name_zh,
      { got: '得分', full: '分值' },
    ) as any
    expect(opt.yAxis.data).toEqual(['公共服务', '经济发展'])
    expect(opt.series[0].data).toEqual([60, 40])
    expect(opt.series[1].data).toEqual([50, 31.5])
    expect(opt.series[1].label.formatter({ dataIndex: 1 })).toBe('31.50 / 40.00')
  })

  it('trend: range in fives around the totals, labels with grade and rank', () => {
    expect(trendRange(trend)).toEqual({ min: 75, max: 95 })
    expect(trendRange([{ ...trend[0], total: 2 }])).toEqual({ min: 0, max: 10 })
    const opt = trendLineOption(trend, (t) => t.grade_zh, { total: '综合得分', rank: (r, n) => `第${r}/${n}名` }) as any
    expect(opt.xAxis.data).toEqual(['2023', '2024', '2025'])
    expect(opt.series[0].data).toEqual([80.1, 84.25, 87.346])
    expect(opt.series[0].label.formatter({ dataIndex: 2 })).toBe('87.35 · 良好 · 第2/9名')
  })
})

describe('rectification logic', () => {
  it('names every missing field of a plan item', () => {
    expect(planItemErrors({ source: 'indicator', indicator_id: '1.1', measure: 'x', owner: '张三', deadline: '2026-06-30' })).toEqual({})
    expect(planItemErrors({ source: 'indicator', measure: ' ', owner: '', deadline: '2026-02-30' })).toEqual({
      source: 'required',
      measure: 'required',
      owner: 'required',
      deadline: 'date',
    })
    expect(planItemErrors({ source: 'opinion', opinion_id: 'o1', measure: 'x', owner: 'y', deadline: '2026-01-01' })).toEqual({})
  })

  it('checks real dates', () => {
    expect(isDate('2026-02-28')).toBe(true)
    expect(isDate('2026-02-29')).toBe(false)
    expect(isDate('2026-6-30')).toBe(false)
  })

  it('sorts overdue, then open, then closed; by deadline within', () => {
    const sorted = sortItems([
      item({ id: 1, state: 'closed', deadline: '2026-01-01' }),
      item({ id: 2, deadline: '2026-09-01' }),
      item({ id: 3, overdue: true, deadline: '2026-03-01' }),
      item({ id: 4, deadline: '2026-07-01' }),
    ])
    expect(sorted.map((i) => i.id)).toEqual([3, 4, 2, 1])
  })

  it('lists the lost points not yet planned', () => {
    const lost = [{ indicator_id: '1.1' }, { indicator_id: '2.1' }, { indicator_id: '3.1' }]
    expect(unplannedLostPoints(lost, [item({ indicator_id: '2.1' }), item({ source: 'opinion', indicator_id: '' })])).toEqual([
      { indicator_id: '1.1' },
      { indicator_id: '3.1' },
    ])
  })

  it('formats closure rates and picks their colour', () => {
    expect(formatRate(2 / 3, 3)).toBe('66.7%')
    expect(formatRate(0, 0)).toBe('—')
    expect(formatRate(1, 4)).toBe('100.0%')
    expect(rateStatus({ rate: 1, overdue: 0 })).toBe('success')
    expect(rateStatus({ rate: 0.75, overdue: 0 })).toBe('warning')
    expect(rateStatus({ rate: 0.75, overdue: 1 })).toBe('exception')
    expect(rateStatus({ rate: 0.25, overdue: 0 })).toBe('exception')
  })
})
