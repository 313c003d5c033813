// Pure helpers of the year-end pages (年终考核): state tags, weight sums of the
// rating form, a leader's rating checked against the form's scale before it
// is sent, and the preview of what a rating counts for (0..100).
import type { ClaimState, RatingSetup, SelfState } from '@/api/yearEnd'

export const SELF_STATES: SelfState[] = ['due', 'submitted', 'scored']

export function selfTag(s: SelfState): 'info' | 'warning' | 'success' {
  return s === 'scored' ? 'success' : s === 'submitted' ? 'warning' : 'info'
}

export function claimTag(s: ClaimState): 'warning' | 'success' | 'danger' {
  return s === 'approved' ? 'success' : s === 'rejected' ? 'danger' : 'warning'
}

/** The sum of weights, rounded to 6 decimals (0.1 + 0.2 reads 0.3). */
export function weightSum(items: { weight: number }[]): number {
  return Math.round(items.reduce((s, x) => s + (Number.isFinite(x.weight) ? x.weight : 0), 0) * 1e6) / 1e6
}

/** The dimension weights sum to 1 (the server's rule, within 1e-6). */
export function weightsOk(items: { weight: number }[]): boolean {
  return items.length > 0 && Math.abs(weightSum(items) - 1) <= 1e-6
}

/**
 * The first problem of a leader's rating against the form, as
 * {dimension id, kind}: a dimension missing, or a value outside the scale;
 * null when every dimension is rated within the scale.
 */
export function ratingProblem(setup: Pick<RatingSetup, 'dimensions' | 'scale_min' | 'scale_max'>,
  scores: Record<string, number | null | undefined>): { dimension: string; kind: 'missing' | 'scale' } | null {
  for (const d of setup.dimensions) {
    const v = scores[d.id]
    if (v === null || v === undefined || Number.isNaN(v)) return { dimension: d.id, kind: 'missing' }
    if (v < setup.scale_min || v > setup.scale_max) return { dimension: d.id, kind: 'scale' }
  }
  return null
}

/** What one leader's rating of a unit counts for: dimensions weighted, mapped to 0..100. */
export function ratingPreview(setup: Pick<RatingSetup, 'dimensions' | 'scale_min' | 'scale_max'>,
  scores: Record<string, number | null | undefined>): number | null {
  if (ratingProblem(setup, scores)) return null
  const span = setup.scale_max - setup.scale_min
  let s = 0
  for (const d of setup.dimensions) s += d.weight * ((scores[d.id] as number) - setup.scale_min) / span * 100
  return Math.round(s * 100) / 100
}

/** A claim's signed effect for display: +2 bonus, −1.5 deduction, veto. */
export function claimPoints(c: { kind: string; points: number }): string {
  if (c.kind === 'veto') return '—'
  return (c.kind === 'bonus' ? '+' : '−') + String(c.points)
}
