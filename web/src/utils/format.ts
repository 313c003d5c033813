// Display formatting. Scores arrive unrounded; they are rounded here, once, for
// display only: half away from zero to 2 decimals (ranks and grades are the
// server's, computed from unrounded values).

export const SCORE_DECIMALS = 2

/** Rounds half away from zero to `decimals`, correcting binary artefacts (1.005 → 1.01). */
export function roundHalfAwayFromZero(x: number, decimals = SCORE_DECIMALS): number {
  const f = 10 ** decimals
  const scaled = Math.abs(x) * f
  // Number.EPSILON-scaled nudge so that 1.005 (stored as 1.00499999…) rounds up.
  const r = Math.round(scaled * (1 + Number.EPSILON * 4)) / f
  return x < 0 ? -r : r
}

/** A score for display: "89.90"; null/undefined/NaN → "—". */
export function formatScore(x: number | null | undefined, decimals = SCORE_DECIMALS): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—'
  const r = roundHalfAwayFromZero(x, decimals)
  return (Object.is(r, -0) ? 0 : r).toFixed(decimals)
}

/** A signed adjustment: "+1.00", "−0.50", "0.00". */
export function formatSigned(x: number | null | undefined, decimals = SCORE_DECIMALS): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—'
  const s = formatScore(x, decimals)
  if (Number(s) > 0) return '+' + s
  if (Number(s) < 0) return '−' + s.slice(1)
  return s
}

/** A reported value (target, actual): up to 4 significant decimals, no trailing zeros. */
export function formatValue(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—'
  return String(roundHalfAwayFromZero(x, 4))
}

/** A weight 0.7 → "70". */
export function formatWeightPercent(w: number | undefined): string {
  if (w === undefined || !Number.isFinite(w)) return '—'
  return String(roundHalfAwayFromZero(w * 100, 1))
}
