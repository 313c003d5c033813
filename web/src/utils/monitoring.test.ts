import { describe, expect, it } from 'vitest'
import type { Slot } from '@/api/monitoring'
import {
  canSubmit, countsInOrder, evidenceProblem, formatBytes, formatPercent, isOverdue, progressColor,
  progressTag, slotHighlight, slotTag, sortSlots, unitLight, validateSubmit,
} from './monitoring'

const slot = (p: Partial<Slot>): Slot => ({
  indicator_id: '1.1.1', unit_id: 'D01', lead_unit_id: 'B03', period: '2025-03', due_date: '2025-04-10',
  state: 'due', report: null, ...p,
})

describe('monitoring slots', () => {
  it('maps states to tag colours', () => {
    expect(slotTag('verified')).toBe('success')
    expect(slotTag('returned')).toBe('warning')
    expect(slotTag('submitted')).toBe('primary')
    expect(slotTag('due')).toBe('info')
  })

  it('overdue only for owed slots past the due date', () => {
    expect(isOverdue(slot({}), '2025-04-11')).toBe(true)
    expect(isOverdue(slot({}), '2025-04-10')).toBe(false)
    expect(isOverdue(slot({ state: 'returned' }), '2025-05-01')).toBe(true)
    expect(isOverdue(slot({ state: 'submitted' }), '2025-05-01')).toBe(false)
  })

  it('highlights', () => {
    expect(slotHighlight(slot({}), '2025-04-01')).toBe('due')
    expect(slotHighlight(slot({}), '2025-04-20')).toBe('overdue')
    expect(slotHighlight(slot({ state: 'returned' }), '2025-04-01')).toBe('returned')
    const late = slot({ state: 'submitted', report: { late: true } as Slot['report'] })
    expect(slotHighlight(late, '2025-04-20')).toBe('late')
    expect(slotHighlight(slot({ state: 'verified' }), '2025-04-20')).toBe('')
  })

  it('who may submit', () => {
    expect(canSubmit({ state: 'due' })).toBe(true)
    expect(canSubmit({ state: 'returned' })).toBe(true)
    expect(canSubmit({ state: 'verified' })).toBe(false)
  })

  it('sorts overdue, returned, due, then the rest', () => {
    const s = sortSlots([
      slot({ period: 'v', state: 'verified' }),
      slot({ period: 's', state: 'submitted' }),
      slot({ period: 'd', due_date: '2025-12-10' }),
      slot({ period: 'r', state: 'returned', due_date: '2025-12-10' }),
      slot({ period: 'o', due_date: '2025-01-10' }),
    ], '2025-06-01')
    expect(s.map((x) => x.period)).toEqual(['o', 'r', 'd', 's', 'v'])
  })
})

describe('progress', () => {
  it('colours and tags', () => {
    expect(progressColor('red')).toBe('#f56c6c')
    expect(progressColor('green')).toBe('#67c23a')
    expect(progressColor('none')).toBe('#c0c4cc')
    expect(progressTag('yellow')).toBe('warning')
    expect(progressTag('none')).toBe('info')
  })
  it('percent and counts', () => {
    expect(formatPercent(0.8333)).toBe('83.3%')
    expect(formatPercent(1)).toBe('100.0%')
    expect(formatPercent(null)).toBe('—')
    expect(countsInOrder({ red: 2, green: 1 })).toEqual([
      { status: 'green', n: 1 }, { status: 'yellow', n: 0 }, { status: 'red', n: 2 }, { status: 'none', n: 0 },
    ])
  })
})

describe('submit form', () => {
  it('needs a number unless no data is declared with a narrative', () => {
    expect(validateSubmit({ valueText: '', noData: false, narrative: '' })).toEqual({ value: 'monitoring.needValue' })
    expect(validateSubmit({ valueText: '3,2', noData: false, narrative: '' })).toEqual({ value: 'monitoring.badNumber' })
    expect(validateSubmit({ valueText: ' 3.2 ', noData: false, narrative: '' })).toEqual({})
    expect(validateSubmit({ valueText: '-1e3', noData: false, narrative: '' })).toEqual({})
    expect(validateSubmit({ valueText: '', noData: true, narrative: ' ' })).toEqual({ narrative: 'monitoring.needNarrative' })
    expect(validateSubmit({ valueText: '', noData: true, narrative: '统计口径调整' })).toEqual({})
  })
  it('evidence files and sizes', () => {
    expect(evidenceProblem({ size: 0 })).toBe('monitoring.emptyFile')
    expect(evidenceProblem({ size: 10 * 1024 * 1024 + 1 })).toBe('monitoring.fileTooLarge')
    expect(evidenceProblem({ size: 2048 })).toBe('')
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(2 * 1024 * 1024)).toBe('2.0 MB')
  })
})

describe('unit lights on the dashboard', () => {
  it('is the worst leaf with a value; none without any', () => {
    expect(unitLight({ green: 3, yellow: 1, red: 1, none: 2 })).toBe('red')
    expect(unitLight({ green: 3, yellow: 1 })).toBe('yellow')
    expect(unitLight({ green: 1, none: 4 })).toBe('green')
    expect(unitLight({ none: 2 })).toBe('none')
    expect(unitLight({ red: 0, yellow: 0, green: 0 })).toBe('none')
    expect(unitLight(undefined)).toBe('none')
  })
})
