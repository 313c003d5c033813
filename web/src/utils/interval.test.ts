import { describe, expect, it } from 'vitest'
import type { UnitResultRow } from '@/api/types'
import { flaggedUnits, intervalHalfWindow, formatRange, formatRankRange, formatWithInterval, percentIn } from './interval'

const row = (total: number, lo?: number, hi?: number, flagged = false): UnitResultRow => ({
  unit_id: 'U', name_zh: 'U', name_en: 'U', indicator_score: 0, satisfaction: 0, leadership: 0, bonus: 0,
  deduction: 0, vetoed: false, total, rank: 1, grade: 'good', grade_notes: [],
  interval: lo === undefined ? undefined : { total_lower: lo, total_upper: hi!, rank_lower: 1, rank_upper: 2, flagged, reason: '', reason_zh: '' },
})

describe('interval formatting', () => {
  it('formats a total with its interval, rounded half away from zero', () => {
    expect(formatWithInterval(88.1, { total_lower: 86.94, total_upper: 89.35 })).toBe('88.10 (86.9–89.4)')
    expect(formatWithInterval(88.155, null)).toBe('88.16')
    expect(formatRange(86.94, 89.35, 2)).toBe('86.94–89.35')
  })
  it('shows a dash when a bound is missing', () => {
    expect(formatRange(undefined, 3)).toBe('—')
    expect(formatWithInterval(88, { total_lower: Number.NaN, total_upper: 90 })).toBe('88.00')
  })
  it('formats rank ranges', () => {
    expect(formatRankRange(2, 2)).toBe('2')
    expect(formatRankRange(1, 3)).toBe('1–3')
    expect(formatRankRange(undefined, 3)).toBe('—')
  })
  it('computes the bar window and positions', () => {
    const units = [row(88, 86, 90), row(80, 78, 81, true), row(70)]
    expect(percentIn(80, [70, 90])).toBe(50)
    expect(percentIn(95, [70, 90])).toBe(100)
    expect(flaggedUnits(units)).toHaveLength(1)
    expect(intervalHalfWindow(units)).toBe(3) // 1.5 × the largest distance (88 − 86 = 2)
    expect(intervalHalfWindow([row(70)])).toBe(0.5)
  })
})
