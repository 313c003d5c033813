import { describe, expect, it } from 'vitest'
import type { SchemeFile } from '@/api/types'
import { buildChanges, cloneDraft, draftFromScheme, schemeLeaves, weightSum } from './whatif'

const scheme: SchemeFile = {
  year: 2025,
  categories: [
    {
      id: 'C1', name_zh: '区县', name_en: 'Districts',
      weights: { indicator: 0.7, satisfaction: 0.2, leadership: 0.1 },
      grades: [
        { code: 'excellent', name_zh: '优秀', name_en: 'Excellent', min_score: 90, max_share: 0.3 },
        { code: 'good', name_zh: '良好', name_en: 'Good', min_score: 80 },
        { code: 'qualified', name_zh: '合格', name_en: 'Qualified', min_score: 60 },
      ],
      bonus_cap: 3, deduction_cap: 5,
    },
    // weights and caps omitted: the format's defaults
    { id: 'C2', grades: [{ code: 'excellent', name_zh: '优秀', name_en: 'Excellent', min_score: 90 }] },
  ],
  units: [],
  indicators: [
    { id: '1', level: 1, parent_id: '' },
    { id: '1.1', level: 2, parent_id: '1' },
    { id: '1.1.1', level: 3, parent_id: '1.1', points: 3, name_zh: '增速' },
    { id: '1.1.2', level: 3, parent_id: '1.1', points: 2 },
  ],
}

describe('what-if change builder', () => {
  const base = draftFromScheme(scheme)
  const leaves = schemeLeaves(scheme)

  it('reads a scheme with the format defaults and lists its leaves', () => {
    expect(base.categories[1].weights).toEqual({ indicator: 0.7, satisfaction: 0.2, leadership: 0.1 })
    expect(base.categories[1].bonus_cap).toBe(3)
    expect(base.categories[1].deduction_cap).toBe(5)
    expect(base.categories[0].grades[1].max_share).toBeNull()
    expect(leaves.map((l) => l.id)).toEqual(['1.1.1', '1.1.2'])
  })

  it('sends nothing when nothing changed', () => {
    expect(buildChanges(base, cloneDraft(base), leaves)).toEqual({ changes: [], problems: [] })
  })

  it('sends changed weights that sum to 1 (within floating-point noise)', () => {
    const d = cloneDraft(base)
    d.categories[0].weights = { indicator: 0.6, satisfaction: 0.3, leadership: 0.1 }
    expect(weightSum(d.categories[0].weights)).not.toBe(1) // 0.9999999999999999
    const { changes, problems } = buildChanges(base, d, leaves)
    expect(problems).toEqual([])
    expect(changes).toEqual([{ op: 'weights', category_id: 'C1', indicator: 0.6, satisfaction: 0.3, leadership: 0.1 }])
  })

  it('refuses weights that do not sum to 1, or are negative', () => {
    const d = cloneDraft(base)
    d.categories[0].weights.indicator = 0.8
    d.categories[1].weights = { indicator: 1.2, satisfaction: -0.2, leadership: 0 }
    const { changes, problems } = buildChanges(base, d, leaves)
    expect(changes).toEqual([])
    expect(problems).toEqual([
      { key: 'weightsSum', where: 'C1', detail: '1.1' },
      { key: 'weightNegative', where: 'C2' },
    ])
  })

  it('sends a grade threshold, and a quota only when it changed (null removes it)', () => {
    const d = cloneDraft(base)
    d.categories[0].grades[0].min_score = 92
    d.categories[0].grades[1].max_share = 0.5
    const { changes } = buildChanges(base, d, leaves)
    expect(changes).toEqual([
      { op: 'grade', category_id: 'C1', code: 'excellent', min_score: 92 },
      { op: 'grade', category_id: 'C1', code: 'good', min_score: 80, max_share: 0.5 },
    ])
    const e = cloneDraft(base)
    e.categories[0].grades[0].max_share = null
    expect(buildChanges(base, e, leaves).changes).toEqual([
      { op: 'grade', category_id: 'C1', code: 'excellent', min_score: 90, max_share: null },
    ])
  })

  it('flags thresholds out of order and quotas outside (0, 1]', () => {
    const d = cloneDraft(base)
    d.categories[0].grades[1].min_score = 95
    d.categories[0].grades[2].max_share = 1.5
    const { problems } = buildChanges(base, d, leaves)
    expect(problems).toEqual([
      { key: 'gradeOrder', where: 'C1', detail: 'good' },
      { key: 'maxShare', where: 'C1', detail: 'qualified' },
    ])
  })

  it('sends both caps when one changes; refuses negative caps', () => {
    const d = cloneDraft(base)
    d.categories[0].bonus_cap = 2
    expect(buildChanges(base, d, leaves).changes).toEqual([{ op: 'caps', category_id: 'C1', bonus_cap: 2, deduction_cap: 5 }])
    d.categories[0].deduction_cap = -1
    expect(buildChanges(base, d, leaves).problems).toEqual([{ key: 'cap', where: 'C1' }])
  })

  it('sends changed indicator points; refuses unknown leaves and non-positive points', () => {
    const d = cloneDraft(base)
    d.points = { '1.1.1': 5, '1.1.2': 2, '9.9.9': 1 }
    const { changes, problems } = buildChanges(base, d, leaves)
    expect(changes).toEqual([{ op: 'points', indicator_id: '1.1.1', points: 5 }])
    expect(problems).toEqual([{ key: 'unknownIndicator', where: '9.9.9' }])
    d.points = { '1.1.1': 0 }
    expect(buildChanges(base, d, leaves).problems).toEqual([{ key: 'points', where: '1.1.1' }])
  })

  it('orders changes by category (weights, grades, caps), then points', () => {
    const d = cloneDraft(base)
    d.points = { '1.1.2': 4 }
    d.categories[1].bonus_cap = 1
    d.categories[0].grades[0].min_score = 91
    d.categories[0].weights = { indicator: 0.5, satisfaction: 0.4, leadership: 0.1 }
    expect(buildChanges(base, d, leaves).changes.map((c) => c.op)).toEqual(['weights', 'grade', 'caps', 'points'])
  })
})
