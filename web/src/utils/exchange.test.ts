import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/request'
import { cellErrors, cellRef, changeValue, countRows, isWorkbookName, opTag } from './exchange'
import { exportPath, importPath } from '@/api/exchange'

describe('workbook import helpers', () => {
  it('reads every cell error of a refused file', () => {
    const err = new ApiError(400, {
      code: 'invalid_argument', message: '2 error(s)',
      details: { field: 'body', errors: [{ sheet: '指标体系', cell: 'D17', message: '分值应为数字' }, { sheet: '目标值', cell: '', message: '缺少表头' }] },
    })
    const list = cellErrors(err)
    expect(list).toEqual([{ sheet: '指标体系', cell: 'D17', message: '分值应为数字' }, { sheet: '目标值', cell: '', message: '缺少表头' }])
    expect(cellRef(list[0])).toBe('指标体系!D17')
    expect(cellRef(list[1])).toBe('目标值')
    expect(cellErrors(new Error('x'))).toEqual([])
    expect(cellErrors(new ApiError(409, { code: 'failed_precondition', message: 'stage' }))).toEqual([])
  })

  it('groups counts by entity in a fixed order', () => {
    expect(countRows({ 'target.changed': 12, 'unit.added': 3, 'unit.changed': 1, 'indicator.removed': 2 })).toEqual([
      { entity: 'unit', added: 3, changed: 1, removed: 0 },
      { entity: 'indicator', added: 0, changed: 0, removed: 2 },
      { entity: 'target', added: 0, changed: 12, removed: 0 },
    ])
  })

  it('formats values, ops and names', () => {
    expect(changeValue(null)).toBe('')
    expect(changeValue(7.5)).toBe('7.5')
    expect(changeValue('D01')).toBe('D01')
    expect(changeValue({ a: 1 })).toBe('{"a":1}')
    expect(opTag('added')).toBe('success')
    expect(opTag('removed')).toBe('danger')
    expect(opTag('changed')).toBe('warning')
    expect(isWorkbookName('方案.XLSX')).toBe(true)
    expect(isWorkbookName('v.csv')).toBe(true)
    expect(isWorkbookName('s.json')).toBe(false)
  })

  it('routes', () => {
    expect(importPath('units')).toBe('/api/v1/org/import')
    expect(importPath('targets', 2025)).toBe('/api/v1/years/2025/targets/import')
    expect(exportPath('results', 2025)).toBe('/api/v1/years/2025/results/export')
    expect(exportPath('units')).toBe('/api/v1/org/export')
  })
})
