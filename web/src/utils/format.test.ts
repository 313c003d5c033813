import { describe, expect, it } from 'vitest'
import { formatScore, formatSigned, formatValue, formatWeightPercent, roundHalfAwayFromZero } from './format'

describe('score formatting', () => {
  it('rounds to 2 decimals, half away from zero', () => {
    expect(formatScore(89.9)).toBe('89.90')
    expect(formatScore(89.994)).toBe('89.99')
    expect(formatScore(89.995)).toBe('90.00')
    expect(formatScore(1.005)).toBe('1.01')
    expect(formatScore(2.675)).toBe('2.68')
    expect(formatScore(-0.125)).toBe('-0.13')
    expect(formatScore(100)).toBe('100.00')
    expect(formatScore(0)).toBe('0.00')
    expect(formatScore(-0.001)).toBe('0.00')
  })

  it('shows a dash for missing numbers', () => {
    expect(formatScore(null)).toBe('—')
    expect(formatScore(undefined)).toBe('—')
    expect(formatScore(Number.NaN)).toBe('—')
    expect(formatScore(Number.POSITIVE_INFINITY)).toBe('—')
  })

  it('formats signed adjustments and raw values', () => {
    expect(formatSigned(1)).toBe('+1.00')
    expect(formatSigned(-0.5)).toBe('−0.50')
    expect(formatSigned(0)).toBe('0.00')
    expect(formatValue(7.1)).toBe('7.1')
    expect(formatValue(1234.56789)).toBe('1234.5679')
    expect(formatValue(null)).toBe('—')
    expect(formatWeightPercent(0.7)).toBe('70')
    expect(formatWeightPercent(0.15)).toBe('15')
  })

  it('keeps already-round numbers unchanged', () => {
    for (const x of [0.1, 0.2, 12.34, 99.99, 1e-9]) {
      expect(roundHalfAwayFromZero(x)).toBeCloseTo(Math.round(x * 100) / 100, 10)
    }
  })
})
