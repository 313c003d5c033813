// The portal's 意见建议办理情况: the public closure summary of a published
// year with unit names from the year's results, in zh-CN and en-US; nothing
// at all for a year the server does not publish (404).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createAppI18n } from '@/locales'
import type { Results } from '@/api/types'
import OpinionClosure from './OpinionClosure.vue'

const unit = (unit_id: string, name_zh: string, name_en: string) => ({
  unit_id, name_zh, name_en, indicator_score: 0, satisfaction: 0, leadership: 0, bonus: 0, deduction: 0,
  vetoed: false, total: 0, rank: 1, grade: 'good', grade_notes: [],
})
const results: Results = {
  year: 2025, status: 'published', grades: [],
  categories: [{ id: 'C1', name_zh: '区县', name_en: 'Districts', kind: 'district', weights: { indicator: 0.7, satisfaction: 0.2, leadership: 0.1 },
    units: [unit('D01', '青川区', 'Qingchuan District'), unit('D02', '云岭区', 'Yunling District'), unit('D03', '石桥县', 'Shiqiao County')] }],
}
const summary = {
  year: 2025,
  units: [
    { unit_id: 'D01', total: 4, answered: 4, closed: 3, closure_rate: 0.75 },
    { unit_id: 'D02', total: 2, answered: 2, closed: 2, closure_rate: 1 },
    { unit_id: 'D03', total: 0, answered: 0, closed: 0, closure_rate: null },
  ],
  total: 6, closed: 5, closure_rate: 5 / 6,
}

function serve(status: number, body: unknown) {
  const urls: string[] = []
  vi.stubGlobal('fetch', async (url: string) => {
    urls.push(String(url))
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
  })
  return urls
}

async function mountIt(locale: 'zh-CN' | 'en-US', year = 2025) {
  const w = mount(OpinionClosure, { props: { year, results }, global: { plugins: [createAppI18n(locale)] }, attachTo: document.body })
  await flushPromises()
  return w
}

describe('OpinionClosure (portal)', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('shows the year’s closure per unit with names, best rate first, units without opinions left out', async () => {
    const urls = serve(200, summary)
    const w = await mountIt('zh-CN')
    expect(urls[0]).toContain('/api/v1/public/years/2025/opinions/summary')
    expect(w.find('.gp-card-title').text()).toBe('意见建议办理情况')
    expect(w.find('[data-testid="public-opinions-overall"]').text()).toBe('共 6 条，已办结 5 条，办结率 83.3%')
    const rows = w.findAll('tbody tr').map((r) => r.findAll('td').map((c) => c.text()))
    expect(rows).toEqual([
      ['云岭区', '2', '2', '2', '100.0%'],
      ['青川区', '4', '4', '3', '75.0%'],
    ])
    w.unmount()
  })

  it('speaks English', async () => {
    serve(200, summary)
    const w = await mountIt('en-US')
    expect(w.find('.gp-card-title').text()).toBe('Handling of comments and suggestions')
    expect(w.find('[data-testid="public-opinions-overall"]').text()).toBe('6 in all, 5 closed, closure rate 83.3%')
    expect(w.find('[data-testid="public-opinions-D01"]').text()).toBe('Qingchuan District')
    expect(w.findAll('thead th').map((h) => h.text())).toContain('Closure rate')
    w.unmount()
  })

  it('says when a published year had no opinions', async () => {
    serve(200, { year: 2025, units: [], total: 0, closed: 0, closure_rate: null })
    const w = await mountIt('zh-CN')
    expect(w.find('[data-testid="public-opinions-none"]').text()).toBe('暂无意见建议')
    expect(w.find('tbody').exists()).toBe(false)
    w.unmount()
  })

  it('shows nothing for a year that is not published', async () => {
    serve(404, { code: 'not_found', message: 'year', details: { field: 'year' } })
    const w = await mountIt('zh-CN', 2026)
    expect(w.find('[data-testid="public-opinions"]').exists()).toBe(false)
    w.unmount()
  })
})
