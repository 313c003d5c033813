// 结果运用 result use (docs/api.md "Result use"): the year's table from grade
// to outcomes, each unit's suggested outcome and recorded applications, and a
// unit's multi-year history.
import { http } from './request'

/** One row of the year's table (`grade` is a grade level code of the year). */
export interface ResultUseRule {
  grade: string
  bonus_coefficient: number | null
  cadre: string
  budget: string
  accountability: string
}

export type ResultUseKind = 'bonus' | 'cadre' | 'budget' | 'accountability' | 'other'
export const RESULT_USE_KINDS: ResultUseKind[] = ['bonus', 'cadre', 'budget', 'accountability', 'other']

export interface ResultUseRecord {
  id: number
  year: number
  unit_id: string
  kind: ResultUseKind
  outcome: string
  coefficient: number | null
  reference: string
  decided_on: string
  recorded_by: string
  recorded_at: string
}

export interface NewResultUseRecord {
  unit_id: string
  kind: ResultUseKind
  outcome: string
  coefficient: number | null
  reference: string
  decided_on: string
}

export interface ResultUseUnit {
  unit_id: string
  name_zh: string
  name_en: string
  category_id: string
  total: number
  rank: number
  category_size: number
  grade: string
  grade_zh: string
  grade_en: string
  suggested: ResultUseRule | null
  records: ResultUseRecord[]
}

export interface ResultUseOverview {
  year: number
  published: boolean
  rules: ResultUseRule[]
  units: ResultUseUnit[]
}

export interface UnitHistoryYear {
  year: number
  total: number
  rank: number
  category_size: number
  grade: string
  grade_zh: string
  grade_en: string
  records: ResultUseRecord[]
}

export const getResultUse = (year: number) => http.get<ResultUseOverview>(`/api/v1/years/${year}/result-use`)
export const putResultUseRules = (year: number, rules: ResultUseRule[]) =>
  http.put<{ year: number; rules: ResultUseRule[] }>(`/api/v1/years/${year}/result-use/rules`, { rules }, { silent: true })
export const recordResultUse = (year: number, record: NewResultUseRecord) =>
  http.post<ResultUseRecord>(`/api/v1/years/${year}/result-use/records`, record, { silent: true })
export const getUnitHistory = (unit: string) =>
  http.get<{ unit_id: string; years: UnitHistoryYear[] }>(`/api/v1/units/${encodeURIComponent(unit)}/history`, {
    silent: true,
  })
