// Score and rank intervals (docs/api.md § Analysis, `?intervals=1`): display
// helpers. Bounds are rounded like scores (half away from zero), to 1 decimal
// by default so that "88.10 (86.9–89.4)" stays compact in a table cell.
import type { ResultInterval, UnitResultRow } from '@/api/types'
import { formatScore } from './format'

export const INTERVAL_DECIMALS = 1

/** "86.9–89.4"; a missing bound → "—". */
export function formatRange(lower: number | null | undefined, upper: number | null | undefined, decimals = INTERVAL_DECIMALS): string {
  const a = formatScore(lower, decimals)
  const b = formatScore(upper, decimals)
  if (a === '—' || b === '—') return '—'
  return `${a}–${b}`
}

/** "88.10 (86.9–89.4)": a total (score decimals) with its interval (no interval → the total alone). */
export function formatWithInterval(total: number | null | undefined, iv: Pick<ResultInterval, 'total_lower' | 'total_upper'> | null | undefined): string {
  const t = formatScore(total)
  if (!iv) return t
  const r = formatRange(iv.total_lower, iv.total_upper)
  return r === '—' ? t : `${t} (${r})`
}

/** Rank range: "2" when both ends agree, else "1–3". */
export function formatRankRange(lower: number | null | undefined, upper: number | null | undefined): string {
  if (!Number.isFinite(lower) || !Number.isFinite(upper)) return '—'
  return lower === upper ? String(lower) : `${lower}–${upper}`
}

/**
 * Half-width of the window a range bar shows around each unit's own total:
 * 1.5 × the largest distance from a total to its interval bound in the list
 * (at least 0.5), so that the widest interval fills two thirds of its bar and
 * widths compare across the rows.
 */
export function intervalHalfWindow(units: UnitResultRow[]): number {
  let w = 0
  for (const u of units) {
    const iv = u.interval
    if (!iv) continue
    for (const d of [u.total - iv.total_lower, iv.total_upper - u.total]) if (Number.isFinite(d)) w = Math.max(w, Math.abs(d))
  }
  return Math.max(0.5, w * 1.5)
}

/** Position of x in [lo, hi] as a percentage 0..100 (clamped). */
export function percentIn(x: number, [lo, hi]: [number, number]): number {
  if (!Number.isFinite(x) || hi <= lo) return 0
  return Math.min(100, Math.max(0, ((x - lo) / (hi - lo)) * 100))
}

export const hasIntervals = (units: UnitResultRow[]) => units.some((u) => !!u.interval)
export const flaggedUnits = (units: UnitResultRow[]) => units.filter((u) => u.interval?.flagged)
