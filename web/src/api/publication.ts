// 公示, appeals (申诉), committee approval and publication (docs/api.md
// "公示, appeals and publication").
import { http } from './request'
import type { GradeLevel } from './types'

export interface PublicityWindow {
  seq: number
  start_date: string
  end_date: string
  working_days: number
  at: string
  actor: string
}

export interface CommitteeApproval {
  window_seq: number
  meeting_date: string
  meeting_ref: string
  note: string
  at: string
  actor: string
}

export interface Certificate {
  year: number
  published_at: string
  certificate_sha256: string
  data_version: number
  data_sha256: string
  previous_data_sha256: string
  scheme_sha256: string
  scheme_version: number
  engine_version: string
  results_sha256: string
  audit_head_id: number
  audit_head_hash: string
  actor?: string
}

export interface PublicationState {
  year: number
  status: string
  today: string
  window: PublicityWindow | null
  window_open: boolean
  approval: CommitteeApproval | null
  certificate: Certificate | null
}

export type AppealState = 'filed' | 'answered' | 'upheld' | 'rejected'

export interface Appeal {
  year: number
  id: number
  window_seq: number
  unit_id: string
  kind: 'indicator' | 'adjustment'
  indicator_id: string
  adjustment_id: string
  claimed_value: number | null
  reason: string
  evidence: string[]
  state: AppealState
  filed_by: string
  filed_at: string
  answer: string
  answered_by: string
  answered_at: string
  decision: string
  decided_by: string
  decided_at: string
}

export interface AppealInput {
  unit_id?: string
  kind: 'indicator' | 'adjustment'
  indicator_id?: string
  adjustment_id?: string
  claimed_value?: number | null
  reason: string
  evidence?: string[]
}

export interface KnockOnChange {
  unit_id: string
  name_zh?: string
  name_en?: string
  category_id: string
  total_before: number
  total_after: number
  rank_before: number
  rank_after: number
  grade_before: string
  grade_after: string
  reasons?: string[]
  reasons_zh?: string[]
}

export interface KnockOn {
  appeal: Appeal
  unit: {
    unit_id: string
    total_before: number
    total_after: number
    rank_before: number
    rank_after: number
    grade_before: string
    grade_after: string
  }
  /** The scheme's grades, to name the codes of grade_before/grade_after. */
  grades?: GradeLevel[]
  changed: number
  changes: KnockOnChange[]
}

export const getPublication = (year: number) =>
  http.get<PublicationState>(`/api/v1/years/${year}/publication`)

export const recordApproval = (year: number, body: { meeting_date: string; meeting_ref: string; note?: string }) =>
  http.post<CommitteeApproval>(`/api/v1/years/${year}/publication/approval`, body, { silent: true })

export const listAppeals = (year: number) =>
  http.get<{ year: number; appeals: Appeal[] }>(`/api/v1/years/${year}/appeals`)

export const fileAppeal = (year: number, body: AppealInput) =>
  http.post<Appeal>(`/api/v1/years/${year}/appeals`, body, { silent: true })

export const answerAppeal = (year: number, id: number, answer: string) =>
  http.post<Appeal>(`/api/v1/years/${year}/appeals/${id}/answer`, { answer }, { silent: true })

export const getKnockOn = (year: number, id: number) =>
  http.get<KnockOn>(`/api/v1/years/${year}/appeals/${id}/knock-on`)

export const decideAppeal = (year: number, id: number, uphold: boolean, reason: string) =>
  http.post<Appeal>(`/api/v1/years/${year}/appeals/${id}/decide`, { uphold, reason }, { silent: true })

/** A published year's certificate (public); null: published before certificates. */
export const getPublicCertificate = (year?: number, silent = true) =>
  http.get<{ year: number; certificate: Certificate | null }>('/api/v1/public/certificate', { query: { year }, silent })

/** The open-data download URL of a published year's results. */
export const publicDownloadUrl = (year: number, format: 'json' | 'csv' | 'xlsx') =>
  `/api/v1/public/download?year=${year}&format=${format}`
