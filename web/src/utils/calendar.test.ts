import { describe, expect, it } from 'vitest'
import { chinaToday, isIsoDate, taskOverdue, validateDay, validateTask, weekday } from './calendar'

describe('calendar helpers', () => {
  it('dates', () => {
    expect(isIsoDate('2025-10-01')).toBe(true)
    expect(isIsoDate('2025-02-30')).toBe(false)
    expect(isIsoDate('2025-2-3')).toBe(false)
    expect(weekday('2025-10-01')).toBe(3)
    expect(weekday('2025-09-28')).toBe(0)
    expect(weekday('x')).toBe(-1)
    expect(chinaToday(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01')
  })
  it('tasks', () => {
    expect(validateTask({ id: 'mid_check', name_zh: '年中督查', due_date: '2025-07-15' }, 2025)).toEqual({})
    expect(validateTask({ id: 'a b', name_zh: '', due_date: '2025-13-01' }, 2025)).toEqual({
      id: 'calendar.badTaskId', name_zh: 'setting.needName', due_date: 'calendar.badDate',
    })
    expect(validateTask({ id: 'x', name_zh: 'x', due_date: '2030-01-01' }, 2025)).toEqual({ due_date: 'calendar.dateOutOfYear' })
    expect(validateTask({ id: 'pub', name_zh: '发布', due_date: '2026-02-10' }, 2025)).toEqual({})
    expect(taskOverdue({ done: false, due_date: '2025-07-15' }, '2025-07-16')).toBe(true)
    expect(taskOverdue({ done: true, due_date: '2025-07-15' }, '2025-07-16')).toBe(false)
  })
  it('days', () => {
    expect(validateDay({ date: '2025-10-01', kind: 'holiday' })).toEqual({})
    expect(validateDay({ date: '2025-09-28', kind: 'workday' })).toEqual({})
    expect(validateDay({ date: '2025-10-01', kind: 'workday' })).toEqual({ kind: 'calendar.workdayOnWeekday' })
    expect(validateDay({ date: '2025-10-32', kind: 'holiday' })).toEqual({ date: 'calendar.badDate' })
    expect(validateDay({ date: '2025-10-01', kind: 'x' })).toEqual({ kind: 'calendar.badKind' })
  })
})
