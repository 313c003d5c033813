import { describe, expect, it } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import { createAppI18n } from '@/locales'
import type { Results } from '@/api/types'
import RankingTable from './RankingTable.vue'

const results: Results = {
  year: 2025,
  status: 'published',
  grades: [
    { code: 'excellent', name_zh: '优秀', name_en: 'Excellent' },
    { code: 'good', name_zh: '良好', name_en: 'Good' },
    { code: 'pass', name_zh: '合格', name_en: 'Pass' },
    { code: 'fail', name_zh: '不合格', name_en: 'Fail' },
  ],
  categories: [
    {
      id: 'C1',
      name_zh: '区县',
      name_en: 'Districts and counties',
      kind: 'district',
      weights: { indicator: 0.7, satisfaction: 0.2, leadership: 0.1 },
      units: [
        { unit_id: 'D01', name_zh: '青川区', name_en: 'Qingchuan District', indicator_score: 91.234, satisfaction: 85.1, leadership: 90, bonus: 1, deduction: 0.5, vetoed: false, total: 89.904, rank: 1, grade: 'excellent', grade_notes: [] },
        { unit_id: 'D02', name_zh: '云岭区', name_en: 'Yunling District', indicator_score: 84.5, satisfaction: 80, leadership: 82, bonus: 0, deduction: 0, vetoed: false, total: 83.395, rank: 2, grade: 'good', grade_notes: [] },
        { unit_id: 'D03', name_zh: '石桥县', name_en: 'Shiqiao County', indicator_score: 80, satisfaction: 78, leadership: 80, bonus: 0, deduction: 2, vetoed: true, total: 77.6, rank: 3, grade: 'fail', grade_notes: ['veto: capped at Fail'], grade_notes_zh: ['一票否决：定为不合格'] },
      ],
    },
  ],
}

async function mountTable(locale: 'zh-CN' | 'en-US', units = results.categories[0].units) {
  const i18n = createAppI18n(locale)
  const w = mount(RankingTable, {
    props: { units, grades: results.grades },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
  await flushPromises()
  return w
}

describe('RankingTable', () => {
  it('renders one row per unit with rounded scores and grade tags', async () => {
    const w = await mountTable('zh-CN')
    const rows = w.findAll('tbody tr')
    expect(rows.length).toBe(3)
    expect(rows[0].text()).toContain('青川区')
    expect(rows[0].text()).toContain('89.90')
    expect(rows[0].text()).toContain('91.23')
    expect(rows[0].text()).toContain('+1.00')
    expect(rows[0].text()).toContain('−0.50')
    const tags = w.findAll('.grade-tag')
    expect(tags.map((t) => t.text())).toEqual(['优秀', '良好', '不合格'])
    expect(tags[0].classes()).toContain('el-tag--success')
    expect(tags[1].classes()).toContain('el-tag--primary')
    expect(tags[2].classes()).toContain('el-tag--danger')
    // the vetoed unit is marked
    expect(rows[2].find('.veto-tag').exists()).toBe(true)
    expect(rows[2].text()).toContain('一票否决')
    expect(rows[0].find('.veto-tag').exists()).toBe(false)
    // grade notes are marked (text in a tooltip)
    expect(rows[2].find('.has-notes').exists()).toBe(true)
    expect(rows[0].find('.has-notes').exists()).toBe(false)
    expect(w.text()).toContain('综合得分')
    w.unmount()
  })

  it('uses English names and labels in en-US', async () => {
    const w = await mountTable('en-US')
    expect(w.text()).toContain('Qingchuan District')
    expect(w.text()).toContain('Excellent')
    expect(w.text()).toContain('Total')
    expect(w.text()).not.toContain('青川区')
    w.unmount()
  })

  it('shows intervals and marks a grade within the noise when the rows carry them', async () => {
    const iv = (lo: number, hi: number, r0: number, r1: number, flagged = false) => ({
      total_lower: lo, total_upper: hi, rank_lower: r0, rank_upper: r1, flagged,
      reason: 'the good/excellent boundary lies inside the interval', reason_zh: '良好/优秀分数线落在区间内',
    })
    const [a, b, c] = results.categories[0].units
    const units = [{ ...a, interval: iv(88.94, 90.85, 1, 1) }, { ...b, interval: iv(82.1, 84.66, 2, 3, true) }, { ...c, interval: iv(76, 79, 2, 3) }]
    const w = await mountTable('zh-CN', units)
    expect(w.text()).toContain('90% 区间')
    const rows = w.findAll('tbody tr')
    expect(rows[0].find('[data-testid="interval-text"]').text()).toBe('88.9–90.9')
    expect(rows[0].text()).not.toContain('名次') // a single rank: no rank range
    expect(rows[1].text()).toContain('名次 2–3')
    expect(w.findAll('[data-testid="noise-flag"]').length).toBe(1)
    expect(rows[1].find('[data-testid="noise-flag"]').exists()).toBe(true)
    w.unmount()
    // without intervals: no column, no marker
    const plain = await mountTable('zh-CN')
    expect(plain.text()).not.toContain('90% 区间')
    expect(plain.find('[data-testid="noise-flag"]').exists()).toBe(false)
    plain.unmount()
  })

  it('shows the survey sample size and interval under a satisfaction score, only where a row exists', async () => {
    const i18n = createAppI18n('zh-CN')
    const satisfaction = new Map([
      ['D01', { unit_id: 'D01', n: 412, n_dont_know: 3, score: 85.1, se: 0.64, ci_low: 83.94, ci_high: 86.36, warning: '', groups: [] }],
    ])
    const w = mount(RankingTable, {
      props: { units: results.categories[0].units, grades: results.grades, satisfaction },
      global: { plugins: [i18n] },
      attachTo: document.body,
    })
    await flushPromises()
    expect(w.find('[data-testid="sat-note-D01"]').text()).toBe('n=412 · 83.9–86.4')
    expect(w.find('[data-testid="sat-note-D02"]').exists()).toBe(false)
    w.unmount()
    const plain = await mountTable('zh-CN')
    expect(plain.find('.sat-note').exists()).toBe(false)
    plain.unmount()
  })
})
