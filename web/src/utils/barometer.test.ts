import { describe, expect, it } from 'vitest'
import type { BarometerMonths, BarometerTrend, Tally } from '@/api/barometer'
import { endedQuarters, monthsOption, pct, trendSeries, yearLabels } from './barometer'

const spread = (mean: number, min: number, max: number, count = 2) => ({ count, mean, min, q1: min, median: mean, q3: max, max })

const trend: BarometerTrend = {
  categories: [
    { id: 'C1', name_zh: '区县', name_en: 'Districts', grades: [] },
    { id: 'C2', name_zh: '部门', name_en: 'Departments', grades: [] },
  ],
  years: [
    { year: 2024, provisional: false, city: spread(80.123, 70, 90, 4), categories: [{ category_id: 'C1', spread: spread(85, 80, 90), grades: {} }] },
    { year: 2025, provisional: true, city: spread(82, 71, 93, 4), categories: [
      { category_id: 'C1', spread: spread(86.456, 81, 92), grades: {} },
      { category_id: 'C2', spread: spread(78, 70, 86), grades: {} },
    ] },
  ],
  movers_from: null,
  movers_to: null,
  movers: [],
}

const tally = (o: Partial<Tally>): Tally => ({
  on_track: 0, lagging: 0, red: 0, no_data: 0, reports_due: 0, on_time: 0, late: 0, missing: 0,
  red_cards: 0, verified: 0, on_track_share: 0, verified_share: 0, on_time_share: 0, ...o,
})

describe('barometer', () => {
  it('builds one series per category and the city, null where a category is absent', () => {
    const { years, series } = trendSeries(trend, (id) => id, '全市')
    expect(years).toEqual(['2024', '2025'])
    expect(series.map((s) => s.id)).toEqual(['_city', 'C1', 'C2'])
    expect(series[0].mean).toEqual([80.12, 82])
    expect(series[1].mean).toEqual([85, 86.46])
    expect(series[2].mean).toEqual([null, 78])
    expect(yearLabels(trend, '（临时）')).toEqual(['2024', '2025（临时）'])
  })

  it('turns the months into percentage bars', () => {
    const m: BarometerMonths = {
      year: 2025, provisional: true, as_of: '2025-05-01',
      thresholds: { green: 1, yellow: 0.8, red_after_working_days: 5 },
      categories: [{ id: 'C1', name_zh: '区县', name_en: 'Districts' }],
      months: [{ month: 3, city: tally({ on_track: 3, lagging: 1, red: 0, reports_due: 4, on_time: 2, late: 1, missing: 1 }), categories: { C1: tally({ red: 2 }) } }],
    }
    const names = { onTrack: 'a', lagging: 'b', red: 'c', onTime: 'd', late: 'e', missing: 'f', month: (n: number) => `${n}月` }
    const opt = monthsOption(m, '', names) as { series: { data: number[] }[]; xAxis: { data: string[] } }
    expect(opt.xAxis.data).toEqual(['3月'])
    expect(opt.series.map((s) => s.data[0])).toEqual([75, 25, 0, 50, 25, 25])
    const c1 = monthsOption(m, 'C1', names) as { series: { data: number[] }[] }
    expect(c1.series[2].data[0]).toBe(100)
  })

  it('lists the quarters that have ended', () => {
    expect(endedQuarters(2026, '2026-10-20')).toEqual([1, 2, 3])
    expect(endedQuarters(2026, '2026-03-31')).toEqual([])
    expect(endedQuarters(2025, '2026-01-01')).toEqual([1, 2, 3, 4])
    expect(pct(0.8756)).toBe('87.6%')
  })
})
