// What-if (情景模拟): the editable copy of a year's scheme parameters and the
// builder of the `changes` list POSTed to /years/{y}/whatif (docs/api.md).
// Only what differs from the year's scheme is sent; problems the server would
// refuse anyway (weights not summing to 1, negative caps, …) are caught here
// and named, so the user sees them next to the field before a round trip.
import type { SchemeFile, WhatIfChange } from '@/api/types'

export const WEIGHT_TOLERANCE = 1e-6
const SAME = 1e-9
/** Category weights when a scheme file omits them (docs/scheme-format.md). */
export const DEFAULT_WEIGHTS = { indicator: 0.7, satisfaction: 0.2, leadership: 0.1 }
export const DEFAULT_BONUS_CAP = 3
export const DEFAULT_DEDUCTION_CAP = 5

export interface GradeDraft {
  code: string
  name_zh: string
  name_en: string
  min_score: number
  /** null: no quota */
  max_share: number | null
}

export interface CategoryDraft {
  id: string
  name_zh: string
  name_en: string
  weights: { indicator: number; satisfaction: number; leadership: number }
  grades: GradeDraft[]
  bonus_cap: number
  deduction_cap: number
}

export interface LeafOption {
  id: string
  name_zh: string
  name_en: string
  points: number
}

export interface WhatIfDraft {
  categories: CategoryDraft[]
  /** indicator id → points (only the leaves the user changed) */
  points: Record<string, number>
}

export interface DraftProblem {
  /** i18n key under whatif.problem */
  key: 'weightsSum' | 'weightNegative' | 'minScore' | 'gradeOrder' | 'maxShare' | 'cap' | 'points' | 'unknownIndicator'
  /** where: category id, or indicator id */
  where: string
  /** extra detail for the message (a grade code, the sum) */
  detail?: string
}

const num = (x: unknown, dflt: number) => (typeof x === 'number' && Number.isFinite(x) ? x : dflt)

/** Leaves (indicators without children) of a scheme, in scheme order. */
export function schemeLeaves(s: SchemeFile): LeafOption[] {
  const parents = new Set(s.indicators.map((i) => i.parent_id).filter((p): p is string => !!p))
  return s.indicators
    .filter((i) => !parents.has(i.id) && typeof i.points === 'number')
    .map((i) => ({ id: i.id, name_zh: i.name_zh ?? i.id, name_en: i.name_en ?? '', points: i.points as number }))
}

/** The editable parameters of a scheme (a deep copy; defaults filled in). */
export function draftFromScheme(s: SchemeFile): WhatIfDraft {
  return {
    categories: s.categories.map((c) => ({
      id: c.id,
      name_zh: c.name_zh ?? c.id,
      name_en: c.name_en ?? '',
      weights: {
        indicator: num(c.weights?.indicator, DEFAULT_WEIGHTS.indicator),
        satisfaction: num(c.weights?.satisfaction, DEFAULT_WEIGHTS.satisfaction),
        leadership: num(c.weights?.leadership, DEFAULT_WEIGHTS.leadership),
      },
      grades: (c.grades ?? []).map((g) => ({
        code: g.code,
        name_zh: g.name_zh ?? g.code,
        name_en: g.name_en ?? '',
        min_score: num(g.min_score, 0),
        max_share: typeof g.max_share === 'number' ? g.max_share : null,
      })),
      bonus_cap: num(c.bonus_cap, DEFAULT_BONUS_CAP),
      deduction_cap: num(c.deduction_cap, DEFAULT_DEDUCTION_CAP),
    })),
    points: {},
  }
}

export const cloneDraft = (d: WhatIfDraft): WhatIfDraft => JSON.parse(JSON.stringify(d)) as WhatIfDraft

export const weightSum = (w: CategoryDraft['weights']) => w.indicator + w.satisfaction + w.leadership

const differs = (a: number | null, b: number | null) =>
  a === null || b === null ? a !== b : Math.abs(a - b) > SAME
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x)

/**
 * The changes that turn `base` into `edited` (weights, grades, caps per
 * category, then indicator points), and the problems that make it invalid.
 * `leaves` (when given) are the indicator ids points may be set for.
 */
export function buildChanges(
  base: WhatIfDraft,
  edited: WhatIfDraft,
  leaves?: LeafOption[],
): { changes: WhatIfChange[]; problems: DraftProblem[] } {
  const changes: WhatIfChange[] = []
  const problems: DraftProblem[] = []
  const baseCats = new Map(base.categories.map((c) => [c.id, c]))

  for (const c of edited.categories) {
    const b = baseCats.get(c.id)
    if (!b) continue
    // Weights: all three, non-negative, summing to 1.
    const w = c.weights
    const ws = [w.indicator, w.satisfaction, w.leadership]
    const weightsChanged = (['indicator', 'satisfaction', 'leadership'] as const).some((k) => differs(w[k], b.weights[k]))
    if (weightsChanged) {
      if (ws.some((x) => !finite(x) || x < 0)) {
        problems.push({ key: 'weightNegative', where: c.id })
      } else if (Math.abs(weightSum(w) - 1) > WEIGHT_TOLERANCE) {
        problems.push({ key: 'weightsSum', where: c.id, detail: String(Math.round(weightSum(w) * 10000) / 10000) })
      } else {
        changes.push({ op: 'weights', category_id: c.id, indicator: w.indicator, satisfaction: w.satisfaction, leadership: w.leadership })
      }
    }

    // Grades: thresholds finite and not increasing from best to worst; quotas in (0, 1] or none.
    const baseGrades = new Map(b.grades.map((g) => [g.code, g]))
    let prev = Infinity
    for (const g of c.grades) {
      const bg = baseGrades.get(g.code)
      if (!finite(g.min_score)) {
        problems.push({ key: 'minScore', where: c.id, detail: g.code })
        continue
      }
      if (g.min_score > prev + SAME) problems.push({ key: 'gradeOrder', where: c.id, detail: g.code })
      prev = g.min_score
      if (g.max_share !== null && (!finite(g.max_share) || g.max_share <= 0 || g.max_share > 1)) {
        problems.push({ key: 'maxShare', where: c.id, detail: g.code })
        continue
      }
      if (!bg) continue
      const minChanged = differs(g.min_score, bg.min_score)
      const shareChanged = differs(g.max_share, bg.max_share)
      if (!minChanged && !shareChanged) continue
      const ch: WhatIfChange = { op: 'grade', category_id: c.id, code: g.code, min_score: g.min_score }
      if (shareChanged) ch.max_share = g.max_share
      changes.push(ch)
    }

    // Caps: non-negative.
    if (differs(c.bonus_cap, b.bonus_cap) || differs(c.deduction_cap, b.deduction_cap)) {
      if (!finite(c.bonus_cap) || c.bonus_cap < 0 || !finite(c.deduction_cap) || c.deduction_cap < 0) {
        problems.push({ key: 'cap', where: c.id })
      } else {
        changes.push({ op: 'caps', category_id: c.id, bonus_cap: c.bonus_cap, deduction_cap: c.deduction_cap })
      }
    }
  }

  // Indicator points: > 0, a known leaf, and different from the scheme's.
  const leafById = leaves ? new Map(leaves.map((l) => [l.id, l])) : null
  for (const [id, p] of Object.entries(edited.points)) {
    const leaf = leafById?.get(id)
    if (leafById && !leaf) {
      problems.push({ key: 'unknownIndicator', where: id })
      continue
    }
    if (!finite(p) || p <= 0) {
      problems.push({ key: 'points', where: id })
      continue
    }
    if (leaf && !differs(p, leaf.points)) continue
    changes.push({ op: 'points', indicator_id: id, points: p })
  }
  return { changes, problems }
}

/** Rank movement: positive = moved up (a smaller rank number). */
export const rankDelta = (before: number, after: number) => before - after
