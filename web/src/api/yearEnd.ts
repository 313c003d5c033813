// Year-end assessment (年终考核): self-evaluations (自评) and their scoring by
// lead departments (牵头单位评分), spot checks (抽查), bonus / deduction / veto
// claims (加减分与否决), the leadership rating (领导评价).
// docs/api.md "Year-end assessment (年终考核)".
import { http } from './request'
import type { Evidence } from './monitoring'

const enc = encodeURIComponent
const base = (year: number) => `/api/v1/years/${year}/year-end`

export type SelfState = 'due' | 'submitted' | 'scored'

export interface SelfEvaluation {
  indicator_id: string
  unit_id: string
  value: number | null
  no_data: boolean
  text: string
  submissions: number
  submitted_by: string
  submitted_at: string
  scored: boolean
  scored_value: number | null
  scored_no_data: boolean
  reason: string
  earned: number | null
  points: number | null
  scored_by: string
  scored_at: string
  evidence: Evidence[]
}

export interface SelfEvaluationRow {
  indicator_id: string
  indicator_name_zh: string
  indicator_name_en: string
  points: number
  method: string
  unit_of_measure: string
  lead_unit_id: string
  unit_id: string
  unit_name_zh: string
  unit_name_en: string
  target: number | null
  state: SelfState
  office_scores: boolean
  self_evaluation: SelfEvaluation | null
}

export interface SelfEvaluationList {
  year: number
  stage: string
  counts: Partial<Record<SelfState, number>>
  rows: SelfEvaluationRow[]
}

export interface SpotCheckItem {
  indicator_id: string
  unit_id: string
  finding: '' | 'confirmed' | 'corrected'
  value: number | null
  reason: string
  checked_by: string
  checked_at: string
}

export interface SpotCheck {
  id: number
  seed: string
  size: number
  drawn_by: string
  drawn_at: string
  items: SpotCheckItem[]
}

export type ClaimKind = 'bonus' | 'deduction' | 'veto'
export type ClaimState = 'pending' | 'approved' | 'rejected'

export interface Claim {
  id: number
  unit_id: string
  kind: ClaimKind
  category: '' | 'commendation' | 'innovation'
  points: number
  veto_effect: string
  reason: string
  raised_by: string
  raised_role: string
  raised_unit: string
  raised_at: string
  state: ClaimState
  decided_by: string
  decided_at: string
  decision: string
  adjustment_id: string
  opinions: { expert: string; opinion: 'support' | 'oppose' | 'neutral'; text: string; at: string }[]
  evidence: Evidence[]
}

export interface ClaimTotals {
  unit_id: string
  bonus_approved: number
  bonus_pending: number
  bonus_cap: number
  deduction_approved: number
  deduction_pending: number
  deduction_cap: number
  warnings: string[]
  warnings_zh: string[]
}

export interface ClaimInput {
  unit_id: string
  kind: ClaimKind
  category?: string
  points?: number
  veto_effect?: string
  reason: string
}

export interface RatingDimension { id: string; name_zh: string; name_en: string; weight: number }
export interface LeaderLevel { id: string; name_zh: string; name_en: string; weight: number }
export interface LeaderAssignment { username: string; level: string; unit_ids: string[] }

export interface RatingSetup {
  year?: number
  dimensions: RatingDimension[]
  scale_min: number
  scale_max: number
  levels: LeaderLevel[]
  leaders: LeaderAssignment[]
  closed?: boolean
  closed_by?: string
  closed_at?: string
}

export interface LeaderRating { username: string; unit_id: string; scores: Record<string, number>; at: string }

const selfPath = (year: number, ind: string, unit: string) =>
  `${base(year)}/self-evaluations/${enc(ind)}/${enc(unit)}`

export const getSelfEvaluations = (year: number, q: { unit?: string; state?: string; led?: boolean } = {}) =>
  http.get<SelfEvaluationList>(`${base(year)}/self-evaluations`, { query: { ...q, led: q.led ? 1 : undefined } })

export const submitSelfEvaluation = (year: number, ind: string, unit: string,
  body: { value: number | null; no_data: boolean; text: string }) =>
  http.put<SelfEvaluation>(selfPath(year, ind, unit), body, { silent: true })

export const uploadSelfEvidence = (year: number, ind: string, unit: string, file: File) =>
  http.upload<Evidence>(`${selfPath(year, ind, unit)}/evidence`, file, { query: { name: file.name }, silent: true })

export const downloadSelfEvidence = (year: number, ind: string, unit: string, sha256: string) =>
  http.download(`${selfPath(year, ind, unit)}/evidence/${enc(sha256)}`)

export const scoreSelfEvaluation = (year: number, ind: string, unit: string,
  body: { value?: number | null; grade?: number; no_data?: boolean; reason: string }) =>
  http.post<SelfEvaluation>(`${selfPath(year, ind, unit)}/score`, body, { silent: true })

export const getSpotChecks = (year: number) =>
  http.get<{ year: number; checks: SpotCheck[] }>(`${base(year)}/spot-checks`)

export const drawSpotCheck = (year: number, size: number, seed?: string) =>
  http.post<SpotCheck>(`${base(year)}/spot-checks`, { size, seed: seed || undefined }, { silent: true })

export const recordFinding = (year: number, id: number,
  body: { indicator_id: string; unit_id: string; finding: string; value?: number | null; reason?: string }) =>
  http.post<SpotCheckItem>(`${base(year)}/spot-checks/${id}/findings`, body, { silent: true })

export const getClaims = (year: number) =>
  http.get<{ year: number; claims: Claim[]; totals: ClaimTotals[] }>(`${base(year)}/claims`)

export const raiseClaim = (year: number, body: ClaimInput) =>
  http.post<Claim>(`${base(year)}/claims`, body, { silent: true })

export const uploadClaimEvidence = (year: number, id: number, file: File) =>
  http.upload<Evidence>(`${base(year)}/claims/${id}/evidence`, file, { query: { name: file.name }, silent: true })

export const downloadClaimEvidence = (year: number, id: number, sha256: string) =>
  http.download(`${base(year)}/claims/${id}/evidence/${enc(sha256)}`)

export const giveOpinion = (year: number, id: number, opinion: string, text: string) =>
  http.post<Claim>(`${base(year)}/claims/${id}/opinion`, { opinion, text }, { silent: true })

export const decideClaim = (year: number, id: number, approve: boolean, reason: string) =>
  http.post<{ claim: Claim; warnings: string[]; warnings_zh: string[] }>(
    `${base(year)}/claims/${id}/decide`, { approve, reason }, { silent: true })

export const getRatingSetup = (year: number, silent = false) =>
  http.get<RatingSetup>(`${base(year)}/rating/setup`, { silent })

export const putRatingSetup = (year: number, setup: RatingSetup) =>
  http.put<RatingSetup>(`${base(year)}/rating/setup`, setup, { silent: true })

export const getLeaderRatings = (year: number) =>
  http.get<{ year: number; ratings: LeaderRating[]; aggregate?: Record<string, number> }>(`${base(year)}/rating/ratings`)

export const putLeaderRating = (year: number, unit: string, scores: Record<string, number>) =>
  http.put<LeaderRating>(`${base(year)}/rating/ratings/${enc(unit)}`, { scores }, { silent: true })

export const closeRating = (year: number) =>
  http.post<{ year: number; leadership: Record<string, number> }>(`${base(year)}/rating/close`, {}, { silent: true })
