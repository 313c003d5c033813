import { describe, expect, it } from 'vitest'
import { claimPoints, claimTag, ratingPreview, ratingProblem, selfTag, weightSum, weightsOk } from './yearEnd'

const form = {
  dimensions: [
    { id: 'work', name_zh: '工作实绩', name_en: 'Work', weight: 0.7 },
    { id: 'style', name_zh: '作风建设', name_en: 'Style', weight: 0.3 },
  ],
  scale_min: 1,
  scale_max: 5,
}

describe('year-end helpers', () => {
  it('weights must sum to 1 despite floating point', () => {
    expect(weightSum([{ weight: 0.1 }, { weight: 0.2 }])).toBe(0.3)
    expect(weightsOk([{ weight: 0.1 }, { weight: 0.2 }, { weight: 0.7 }])).toBe(true)
    expect(weightsOk([{ weight: 0.6 }, { weight: 0.3 }])).toBe(false)
    expect(weightsOk([])).toBe(false)
  })

  it('a rating names the first missing or out-of-scale dimension', () => {
    expect(ratingProblem(form, { work: 4 })).toEqual({ dimension: 'style', kind: 'missing' })
    expect(ratingProblem(form, { work: 6, style: 3 })).toEqual({ dimension: 'work', kind: 'scale' })
    expect(ratingProblem(form, { work: 5, style: 0 })).toEqual({ dimension: 'style', kind: 'scale' })
    expect(ratingProblem(form, { work: 5, style: 1 })).toBeNull()
  })

  it('the preview maps the scale to 0..100 and weights the dimensions', () => {
    // work 5 → 100, style 3 → 50: 0.7·100 + 0.3·50 = 85
    expect(ratingPreview(form, { work: 5, style: 3 })).toBe(85)
    expect(ratingPreview(form, { work: 1, style: 1 })).toBe(0)
    expect(ratingPreview(form, { work: 5 })).toBeNull()
  })

  it('tags and signed points', () => {
    expect(selfTag('scored')).toBe('success')
    expect(selfTag('due')).toBe('info')
    expect(claimTag('rejected')).toBe('danger')
    expect(claimPoints({ kind: 'bonus', points: 2 })).toBe('+2')
    expect(claimPoints({ kind: 'deduction', points: 1.5 })).toBe('−1.5')
    expect(claimPoints({ kind: 'veto', points: 0 })).toBe('—')
  })
})
