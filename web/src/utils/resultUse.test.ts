import { describe, expect, it } from 'vitest'
import type { ResultUseRule, ResultUseUnit } from '@/api/resultUse'
import {
  editableRules,
  prefillRecord,
  recordErrors,
  ruleErrors,
  rulesToSave,
  suggestionLines,
  unappliedUnits,
} from './resultUse'

const grades = [
  { code: 'excellent', name_zh: '优秀', name_en: 'Excellent' },
  { code: 'good', name_zh: '良好', name_en: 'Good' },
  { code: 'unqualified', name_zh: '不合格', name_en: 'Unqualified' },
]
const excellent: ResultUseRule = { grade: 'excellent', bonus_coefficient: 1.2, cadre: '优秀比例上浮', budget: '', accountability: '' }

function unit(over: Partial<ResultUseUnit> = {}): ResultUseUnit {
  return {
    unit_id: 'D01', name_zh: '望川区', name_en: 'Wangchuan', category_id: 'C1', total: 91.2, rank: 1,
    category_size: 4, grade: 'excellent', grade_zh: '优秀', grade_en: 'Excellent', suggested: excellent,
    records: [], ...over,
  }
}

describe('editableRules', () => {
  it('gives one row per grade in the year order, stored rows kept, others empty, unknown grades dropped', () => {
    const rows = editableRules(grades, [
      { grade: 'unqualified', bonus_coefficient: 0.7, cadre: '', budget: '', accountability: '诫勉谈话' },
      excellent,
      { grade: 'gone', bonus_coefficient: 2, cadre: '', budget: '', accountability: '' },
    ])
    expect(rows.map((r) => r.grade)).toEqual(['excellent', 'good', 'unqualified'])
    expect(rows[0]).toEqual(excellent)
    expect(rows[0]).not.toBe(excellent) // a copy: editing does not touch the loaded table
    expect(rows[1]).toEqual({ grade: 'good', bonus_coefficient: null, cadre: '', budget: '', accountability: '' })
    expect(rows[2].accountability).toBe('诫勉谈话')
  })
})

describe('rulesToSave', () => {
  it('drops empty rows and trims texts', () => {
    const saved = rulesToSave([
      { ...excellent, cadre: '  优秀比例上浮 ' },
      { grade: 'good', bonus_coefficient: null, cadre: ' ', budget: '', accountability: '' },
      { grade: 'unqualified', bonus_coefficient: 0, cadre: '', budget: '', accountability: '' },
    ])
    expect(saved.map((r) => r.grade)).toEqual(['excellent', 'unqualified'])
    expect(saved[0].cadre).toBe('优秀比例上浮')
    expect(saved[1].bonus_coefficient).toBe(0) // zero is a coefficient, not "unset"
  })
})

describe('ruleErrors / recordErrors', () => {
  it('checks the coefficient range and text lengths as the server does', () => {
    expect(ruleErrors(excellent)).toEqual({})
    expect(ruleErrors({ ...excellent, bonus_coefficient: 10.5 })).toEqual({ bonus_coefficient: 'resultUse.errCoefficient' })
    expect(ruleErrors({ ...excellent, bonus_coefficient: -1 }).bonus_coefficient).toBe('resultUse.errCoefficient')
    expect(ruleErrors({ ...excellent, budget: '预'.repeat(501) })).toEqual({ budget: 'resultUse.errLong' })
    expect(ruleErrors({ ...excellent, budget: '预'.repeat(500) })).toEqual({})
  })
  it('requires an outcome and a real date shape', () => {
    const r = prefillRecord(unit(), '2027-04-20')
    expect(recordErrors(r)).toEqual({})
    expect(recordErrors({ ...r, outcome: '  ' })).toEqual({ outcome: 'resultUse.errOutcome' })
    expect(recordErrors({ ...r, decided_on: '2027/4/20' })).toEqual({ decided_on: 'resultUse.errDate' })
    expect(recordErrors({ ...r, decided_on: '' })).toEqual({})
    expect(recordErrors({ ...r, reference: 'x'.repeat(101) })).toEqual({ reference: 'resultUse.errLong' })
    expect(recordErrors({ ...r, coefficient: 11 })).toEqual({ coefficient: 'resultUse.errCoefficient' })
  })
})

describe('prefillRecord', () => {
  it('takes the bonus coefficient of the grade first', () => {
    expect(prefillRecord(unit(), '2027-04-20')).toEqual({
      unit_id: 'D01', kind: 'bonus', coefficient: 1.2, outcome: '绩效奖金系数 1.2', reference: '', decided_on: '2027-04-20',
    })
  })
  it('falls back to the first outcome text, or an empty "other" record', () => {
    const noBonus = unit({ suggested: { ...excellent, bonus_coefficient: null } })
    expect(prefillRecord(noBonus, '').kind).toBe('cadre')
    expect(prefillRecord(noBonus, '').outcome).toBe('优秀比例上浮')
    const acc = unit({ suggested: { grade: 'unqualified', bonus_coefficient: null, cadre: '', budget: '', accountability: '约谈' } })
    expect(prefillRecord(acc, '')).toMatchObject({ kind: 'accountability', outcome: '约谈', coefficient: null })
    expect(prefillRecord(unit({ suggested: null }), '')).toMatchObject({ kind: 'other', outcome: '' })
  })
})

describe('suggestionLines / unappliedUnits', () => {
  it('lists the set outcomes only', () => {
    expect(suggestionLines(excellent, (k) => k)).toEqual(['bonus 1.2', 'cadre：优秀比例上浮'])
    expect(suggestionLines(null, (k) => k)).toEqual([])
  })
  it('names units with a suggested coefficient and no bonus record', () => {
    const done = unit({
      unit_id: 'D02',
      records: [{ id: 1, year: 2025, unit_id: 'D02', kind: 'bonus', outcome: 'x', coefficient: 1.2, reference: '', decided_on: '', recorded_by: 'admin', recorded_at: '' }],
    })
    expect(unappliedUnits([unit(), done, unit({ unit_id: 'D03', suggested: null })])).toEqual(['D01'])
  })
})
