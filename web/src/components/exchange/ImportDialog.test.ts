import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createAppI18n } from '@/locales'
import { ApiError } from '@/api/request'
import type { ImportReport } from '@/api/exchange'

const importWorkbook = vi.fn()
vi.mock('@/api/exchange', () => ({
  importWorkbook: (...a: unknown[]) => importWorkbook(...a),
  downloadTemplate: vi.fn(),
}))

import ImportDialog from './ImportDialog.vue'

const report = (dry: boolean): ImportReport => ({
  ok: true, what: 'targets', year: 2025, dry_run: dry, applied: !dry, year_created: false,
  counts: { 'target.changed': 2 }, total_changes: 2, notes: [],
  changes: [{ op: 'changed', entity: 'target', key: '1.1.1/D01', before: 7, after: 7.5 }, { op: 'changed', entity: 'target', key: '1.1.1/D02', before: 6, after: 6.5 }],
})

async function pick(name: string) {
  const input = document.body.querySelector('[data-testid="import-file"]') as HTMLInputElement
  const file = new File(['PK'], name)
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  input.dispatchEvent(new Event('change'))
  await flushPromises()
  return file
}

describe('ImportDialog', () => {
  afterEach(() => {
    importWorkbook.mockReset()
    document.body.innerHTML = ''
  })

  it('dry-runs the picked file, then confirms it', async () => {
    importWorkbook.mockResolvedValueOnce(report(true)).mockResolvedValueOnce(report(false))
    const w = mount(ImportDialog, { props: { what: 'targets', year: 2025, modelValue: false }, global: { plugins: [createAppI18n('zh-CN')] }, attachTo: document.body })
    await w.setProps({ modelValue: true })
    await flushPromises()
    const file = await pick('targets.xlsx')
    expect(importWorkbook).toHaveBeenCalledWith('targets', 2025, file, { dryRun: true, defaultMethod: '' })
    expect(document.body.querySelector('[data-testid="import-summary"]')?.getAttribute('data-total')).toBe('2')
    expect(document.body.textContent).toContain('1.1.1/D01')
    ;(document.body.querySelector('[data-testid="import-confirm"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(importWorkbook).toHaveBeenLastCalledWith('targets', 2025, file, { dryRun: false, defaultMethod: '' })
    expect(w.emitted('imported')?.[0]?.[0]).toMatchObject({ applied: true })
  })

  it('lists every cell error and offers no confirm', async () => {
    importWorkbook.mockRejectedValueOnce(new ApiError(400, {
      code: 'invalid_argument', message: '文件中有 2 处错误，未做任何修改',
      details: { field: 'body', errors: [{ sheet: '目标值', cell: 'D17', message: '应为数字' }, { sheet: '目标值', cell: 'row 5', message: '未知单位 D99' }] },
    }))
    const w = mount(ImportDialog, { props: { what: 'targets', year: 2025, modelValue: false }, global: { plugins: [createAppI18n('zh-CN')] }, attachTo: document.body })
    await w.setProps({ modelValue: true })
    await flushPromises()
    await pick('targets.xlsx')
    expect(document.body.querySelector('[data-testid="import-error-目标值!D17"]')).not.toBeNull()
    expect(document.body.textContent).toContain('未知单位 D99')
    expect(document.body.querySelector('[data-testid="import-confirm"]')).toBeNull()
  })

  it('refuses a file that is not a workbook without calling the server', async () => {
    const w = mount(ImportDialog, { props: { what: 'units', modelValue: false }, global: { plugins: [createAppI18n('en-US')] }, attachTo: document.body })
    await w.setProps({ modelValue: true })
    await flushPromises()
    await pick('units.json')
    expect(importWorkbook).not.toHaveBeenCalled()
    expect(document.body.querySelector('[data-testid="import-error"]')?.textContent).toContain('.xlsx')
  })
})
