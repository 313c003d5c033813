import { describe, expect, it } from 'vitest'
import { STAGES, isProvisional, isPublished, stageAllows, stageIndex, stageTagType, transitionButtons, workingYear } from './stages'
import zhCN from '@/locales/zh-CN'
import enUS from '@/locales/en-US'

describe('year stages', () => {
  it('orders the six stages and labels each in both languages', () => {
    expect(STAGES).toEqual(['draft', 'setting', 'monitoring', 'year_end', 'preliminary', 'published'])
    expect(STAGES.map((s) => (zhCN.yearStatus as Record<string, string>)[s])).toEqual(['草稿', '指标设置', '日常监测', '年终考核', '结果公示', '已发布'])
    for (const s of STAGES) expect((enUS.yearStatus as Record<string, string>)[s], s).toBeTruthy()
    expect(stageIndex('year_end')).toBe(3)
    expect(stageIndex('in_progress')).toBe(-1)
  })

  it('treats everything but published as provisional', () => {
    for (const s of STAGES.slice(0, -1)) {
      expect(isProvisional(s), s).toBe(true)
      expect(isPublished(s), s).toBe(false)
    }
    expect(isProvisional('published')).toBe(false)
    expect(isPublished('published')).toBe(true)
    expect(isProvisional(undefined)).toBe(false)
  })

  it('knows which stage allows which write', () => {
    expect(STAGES.filter((s) => stageAllows(s, 'scheme'))).toEqual(['draft', 'setting'])
    expect(STAGES.filter((s) => stageAllows(s, 'values'))).toEqual(['monitoring', 'year_end'])
    expect(STAGES.filter((s) => stageAllows(s, 'scores'))).toEqual(['monitoring', 'year_end', 'preliminary'])
    expect(stageAllows(undefined, 'scores')).toBe(false)
  })

  it('colours tags and puts forward moves before moves back', () => {
    expect(stageTagType('published')).toBe('success')
    expect(stageTagType('draft')).toBe('info')
    const b = transitionButtons({
      status: 'preliminary',
      transitions: [{ to: 'year_end', allowed: true }, { to: 'published', allowed: false }, { to: 'monitoring', allowed: true }],
    })
    expect(b.map((x) => [x.to, x.back, x.allowed])).toEqual([
      ['published', false, false],
      ['year_end', true, true],
      ['monitoring', true, true],
    ])
    expect(transitionButtons({ status: 'draft' })).toEqual([])
  })

  it('opens on the year where values are entered', () => {
    const ys = [
      { year: 2024, status: 'published' as const },
      { year: 2025, status: 'monitoring' as const },
      { year: 2026, status: 'draft' as const },
    ]
    expect(workingYear(ys)?.year).toBe(2025)
    expect(workingYear([ys[0], { year: 2025, status: 'preliminary' as const }])?.year).toBe(2025)
    expect(workingYear([ys[0], ys[2]])?.year).toBe(2024)
    expect(workingYear([ys[2]])?.year).toBe(2026)
    expect(workingYear([])).toBeUndefined()
  })
})
