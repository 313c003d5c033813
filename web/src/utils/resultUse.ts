// Front-end logic of the result-use page (结果运用), pure so that Vitest
// checks it: the editable table (one row per grade of the year, in the year's
// grade order), what the office may send, a new record prefilled from the
// unit's suggested outcome, and the field errors the server would give.
import type { NewResultUseRecord, ResultUseRule, ResultUseUnit } from '@/api/resultUse'

/** A grade level as the page knows it (code and names, best first). */
export interface GradeRef {
  code: string
  name_zh: string
  name_en: string
}

/**
 * The table to edit: one row per grade of the year (best first), each with
 * the stored row when there is one, else empty. Stored rows for grades the
 * year no longer has are dropped (the server would refuse them).
 */
export function editableRules(grades: GradeRef[], stored: ResultUseRule[]): ResultUseRule[] {
  return grades.map((g) => {
    const s = stored.find((r) => r.grade === g.code)
    return s ? { ...s } : { grade: g.code, bonus_coefficient: null, cadre: '', budget: '', accountability: '' }
  })
}

/** The rows worth storing: a grade with at least one outcome set; texts trimmed. */
export function rulesToSave(rows: ResultUseRule[]): ResultUseRule[] {
  return rows
    .map((r) => ({ ...r, cadre: r.cadre.trim(), budget: r.budget.trim(), accountability: r.accountability.trim() }))
    .filter((r) => r.bonus_coefficient !== null || r.cadre || r.budget || r.accountability)
}

/** Field → message key, as the server checks them (coefficient 0..10, texts ≤ 500). */
export function ruleErrors(r: ResultUseRule): Record<string, string> {
  const e: Record<string, string> = {}
  const c = r.bonus_coefficient
  if (c !== null && (!Number.isFinite(c) || c < 0 || c > 10)) e.bonus_coefficient = 'resultUse.errCoefficient'
  for (const f of ['cadre', 'budget', 'accountability'] as const) {
    if ([...r[f]].length > 500) e[f] = 'resultUse.errLong'
  }
  return e
}

/**
 * A new application for a unit, prefilled from the table's row for its
 * grade: the bonus coefficient when the table has one, else the first
 * outcome text the table gives.
 */
export function prefillRecord(unit: ResultUseUnit, today: string): NewResultUseRecord {
  const s = unit.suggested
  const base = { unit_id: unit.unit_id, coefficient: null, reference: '', decided_on: today }
  if (s && s.bonus_coefficient !== null) {
    return { ...base, kind: 'bonus', coefficient: s.bonus_coefficient, outcome: `绩效奖金系数 ${s.bonus_coefficient}` }
  }
  if (s?.cadre) return { ...base, kind: 'cadre', outcome: s.cadre }
  if (s?.budget) return { ...base, kind: 'budget', outcome: s.budget }
  if (s?.accountability) return { ...base, kind: 'accountability', outcome: s.accountability }
  return { ...base, kind: 'other', outcome: '' }
}

/** Field → message key for a record about to be sent. */
export function recordErrors(r: NewResultUseRecord): Record<string, string> {
  const e: Record<string, string> = {}
  if (!r.outcome.trim()) e.outcome = 'resultUse.errOutcome'
  else if ([...r.outcome].length > 1000) e.outcome = 'resultUse.errLong'
  if ([...r.reference].length > 100) e.reference = 'resultUse.errLong'
  if (r.decided_on && !/^\d{4}-\d{2}-\d{2}$/.test(r.decided_on)) e.decided_on = 'resultUse.errDate'
  const c = r.coefficient
  if (c !== null && (!Number.isFinite(c) || c < 0 || c > 10)) e.coefficient = 'resultUse.errCoefficient'
  return e
}

/** The outcomes a table row suggests, as short lines for a cell (empty parts left out). */
export function suggestionLines(s: ResultUseRule | null, label: (kind: string) => string): string[] {
  if (!s) return []
  const out: string[] = []
  if (s.bonus_coefficient !== null) out.push(`${label('bonus')} ${s.bonus_coefficient}`)
  if (s.cadre) out.push(`${label('cadre')}：${s.cadre}`)
  if (s.budget) out.push(`${label('budget')}：${s.budget}`)
  if (s.accountability) out.push(`${label('accountability')}：${s.accountability}`)
  return out
}

/** Units whose suggested bonus coefficient has not been applied by a bonus record yet. */
export function unappliedUnits(units: ResultUseUnit[]): string[] {
  return units
    .filter((u) => u.suggested?.bonus_coefficient != null && !u.records.some((r) => r.kind === 'bonus'))
    .map((u) => u.unit_id)
}
