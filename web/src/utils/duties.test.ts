import { describe, expect, it } from 'vitest'
import { dutyRows, itemsOf } from './duties'

const list = {
  year: 2026,
  unit_id: 'D01',
  items: [
    { id: 'Q1', title: '重大项目审批', basis: '《投资条例》', category: '行政许可' },
    { id: 'Q2', title: '安全生产检查', basis: '', category: '行政检查' },
    { id: 'Q3', title: '统计调查', basis: '', category: '' },
  ],
  links: [
    { item_id: 'Q1', indicator_id: '1.3.1' },
    { item_id: 'Q1', indicator_id: '1.1.2' },
    { item_id: 'Q3', indicator_id: '1.1.2' },
  ],
  uncovered: [{ id: 'Q2', title: '安全生产检查', basis: '', category: '行政检查' }],
}

describe('duty list rows', () => {
  it('puts uncovered items first and lists the covering leaves sorted', () => {
    const rows = dutyRows(list)
    expect(rows.map((r) => r.id)).toEqual(['Q2', 'Q1', 'Q3'])
    expect(rows[0].uncovered).toBe(true)
    expect(rows[0].indicators).toEqual([])
    expect(rows[1].indicators).toEqual(['1.1.2', '1.3.1'])
    expect(rows[2].uncovered).toBe(false)
  })
  it('knows what a leaf covers, and copes with no list', () => {
    expect(itemsOf(list, '1.1.2')).toEqual(['Q1', 'Q3'])
    expect(itemsOf(list, '9.9.9')).toEqual([])
    expect(dutyRows(null)).toEqual([])
  })
})
