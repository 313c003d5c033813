// 社会评价 surveys and 意见建议 opinions: the office's calls (docs/design/survey.md
// "HTTP", office part; docs/api.md "Surveys — …" sections).
import { http } from './request'

export type SurveyStatus = 'draft' | 'open' | 'closed'
export type QuestionKind = 'scale' | 'choice' | 'text'

export interface SurveyOption {
  id: string
  label_zh: string
  label_en: string
}
export interface SurveyQuestion {
  id: string
  kind: QuestionKind
  text_zh: string
  text_en: string
  required: boolean
  scale_min?: number
  scale_max?: number
  allow_dont_know?: boolean
  options?: SurveyOption[]
  margin?: string
  max_length?: number
  unit_id?: string
  unit_from?: string
}
export interface SurveyGroup {
  id: string
  name_zh: string
  name_en: string
  weight: number
}
export interface SurveyQuota {
  group_id: string
  variable: string
  level: string
  target: number
}
/** The whole survey as io/survey_json.h writes it. */
export interface Survey {
  id: string
  year: number
  status: SurveyStatus
  title_zh: string
  title_en: string
  intro_zh: string
  intro_en: string
  groups: SurveyGroup[]
  questions: SurveyQuestion[]
  scale_points: Record<string, number>
  margins: Record<string, Record<string, Record<string, number>>>
  quotas: SurveyQuota[]
  min_sample: number
  public_link: boolean
  public_group: string
  opens_at: number
  closes_at: number
  speeder_ms_per_question: number
  straightline_min_answers: number
}
export interface ResponseCounts {
  accepted: number
  flagged: number
  rejected: number
}
export interface SurveySummary {
  id: string
  year: number
  status: SurveyStatus
  title_zh: string
  title_en: string
  counts: ResponseCounts
}

export interface QuotaProgress {
  group_id: string
  variable: string
  level: string
  target: number
  accepted: number
}
export interface Fieldwork {
  survey_id: string
  counts: ResponseCounts
  quotas: QuotaProgress[]
}

export interface StoredResponse {
  id: number
  channel: string
  group_id: string
  cells: Record<string, string>
  answers: Record<string, number | string | null>
  started_at_ms: number
  submitted_at_ms: number
  received_at: number
  status: 'accepted' | 'flagged' | 'rejected'
  reason: string
  reviewed_by: string
  review_note: string
}

export interface ResultRow {
  n: number
  n_dont_know: number
  score: number | null
  se: number | null
  ci_low: number | null
  ci_high: number | null
  warning: string
  group_id?: string
  computed_at?: number
}
export interface UnitResult extends ResultRow {
  unit_id: string
  groups: ResultRow[]
  /** Set by satisfactionByUnit: the office entered the satisfaction by hand (手工录入). */
  manual?: boolean
}
export interface GroupRake {
  group_id: string
  respondents: number
  raked: boolean
  converged: boolean
  iterations: number
  unraked_cells?: unknown
  empty_levels?: unknown
  error: string
}
export interface SurveyResults {
  survey_id: string
  year: number
  replicates: number
  level: number
  respondents: number
  unknown_group: number
  unknown_unit: number
  groups: GroupRake[]
  units: UnitResult[]
}
export interface Satisfaction {
  year: number
  surveys: { survey_id: string; title_zh: string; title_en: string; units: UnitResult[] }[]
  /** unit → the survey that supplied its current satisfaction, or 'manual' (entered by hand) */
  sources?: Record<string, string>
  /** unit → who entered its satisfaction by hand and when (signed-in readers only) */
  manual?: Record<string, { entered_by: string; entered_at: number }>
}

export interface MarginsReport {
  groups?: string[]
  rows?: number
  errors?: { sheet?: string; cell?: string; message: string; message_zh?: string }[]
}
export interface InvitationReport {
  issued: number
  sent: number
  failed: number
  failures: string[]
}

const sp = (id: string) => `/api/v1/surveys/${encodeURIComponent(id)}`

export const listSurveys = (year: number) => http.get<{ surveys: SurveySummary[] }>('/api/v1/surveys', { query: { year } })
export const getSurvey = (id: string) => http.get<Survey>(sp(id))
export const createSurvey = (s: Survey) => http.post<Survey>('/api/v1/surveys', s, { silent: true })
export const saveSurvey = (s: Survey) => http.put<Survey>(sp(s.id), s, { silent: true })
export const setSurveyStatus = (id: string, status: 'open' | 'closed') =>
  http.post<Survey>(`${sp(id)}/status`, { status }, { silent: true })
export const importMargins = (id: string, file: File) =>
  http.upload<MarginsReport>(`${sp(id)}/margins`, file, { query: { filename: file.name }, contentType: file.type || 'application/octet-stream', silent: true })
/** The new codes as a CSV download (code,link); shown once. */
export const issueCodes = (id: string, body: { count: number; group_id: string; cells: Record<string, string>; unit_id: string }) =>
  http.request<import('./request').FileResponse>('POST', `${sp(id)}/codes`, { body, responseType: 'blob', silent: true })
export const sendInvitations = (id: string, body: { group_id: string; cells: Record<string, string>; recipients: { to: string; name: string }[] }) =>
  http.post<InvitationReport>(`${sp(id)}/invitations`, body, { silent: true })
export const downloadQr = (id: string) => http.download(`${sp(id)}/qr.png`)
export const downloadPoster = (id: string) => http.download(`${sp(id)}/poster.pdf`)
export const getFieldwork = (id: string) => http.get<Fieldwork>(`${sp(id)}/fieldwork`)
export const listResponses = (id: string, status: string, after = 0, limit = 50) =>
  http.get<{ survey_id: string; responses: StoredResponse[]; next_after: number }>(`${sp(id)}/responses`, {
    query: { status, after, limit },
  })
export const reviewResponse = (id: string, rid: number, status: 'accepted' | 'rejected', note: string) =>
  http.post<StoredResponse>(`${sp(id)}/responses/${rid}/review`, { status, note }, { silent: true })
export const getSurveyResults = (id: string) => http.get<SurveyResults>(`${sp(id)}/results`)
export const applySurveyResults = (id: string, replace = false) =>
  http.post<unknown>(`${sp(id)}/apply`, replace ? { replace: true } : {}, { silent: true })
/** Applied results of the year (any signed-in role); `silent`: pages that show them as an extra. */
export const getSatisfaction = (year: number) => http.get<Satisfaction>(`/api/v1/years/${year}/satisfaction`, { silent: true })
export const getPublicSatisfaction = (year: number) =>
  http.get<Satisfaction>(`/api/v1/public/years/${year}/satisfaction`, { silent: true })

// ---- 意见建议 opinions ----
export type OpinionState = 'routed' | 'answered' | 'closed' | 'dismissed'
export interface Opinion {
  id: number
  year: number
  survey_id: string
  response_id: number
  question_id: string
  unit_id: string
  topic_id: string
  lead_unit_id: string
  text: string
  state: OpinionState
  answer: string
  answered_by: string
  answered_at: number
  /** The office's note: a dismissal's reason or a close note (not an answer to the citizen). */
  note: string
  rectification_id: number
  closed_by: string
  closed_at: number
  created_at: number
}
export interface OpinionTopic {
  id: string
  name_zh: string
  name_en: string
  keywords: string[]
  lead_unit_id: string
}
export interface ClosureRow {
  unit_id: string
  total: number
  answered: number
  closed: number
  closure_rate: number | null
}

const yp = (year: number) => `/api/v1/years/${year}`
export const listOpinions = (year: number, q: { unit?: string; state?: string; survey?: string; after?: number; limit?: number } = {}) =>
  http.get<{ year: number; opinions: Opinion[]; next_after?: number }>(`${yp(year)}/opinions`, { query: q })
export const getOpinionTopics = (year: number) => http.get<{ year: number; topics: OpinionTopic[] }>(`${yp(year)}/opinion-topics`, { silent: true })
export const putOpinionTopics = (year: number, topics: OpinionTopic[]) =>
  http.put<{ year: number; topics: OpinionTopic[] }>(`${yp(year)}/opinion-topics`, { topics }, { silent: true })
export const routeSurveyOpinions = (surveyId: string) =>
  http.post<{ responses: number; texts: number; added: number; unrouted: number }>(`${sp(surveyId)}/opinions/route`, {}, { silent: true })
export const answerOpinion = (id: number, answer: string) =>
  http.post<Opinion>(`/api/v1/opinions/${id}/answer`, { answer }, { silent: true })
export const closeOpinion = (
  id: number,
  body: { note: string; rectification?: { measure: string; owner: string; deadline: string } },
) => http.post<Opinion>(`/api/v1/opinions/${id}/close`, body, { silent: true })
export const dismissOpinion = (id: number, reason: string) =>
  http.post<Opinion>(`/api/v1/opinions/${id}/dismiss`, { reason }, { silent: true })
export const rerouteOpinion = (id: number, unit_id: string, topic_id: string) =>
  http.post<Opinion>(`/api/v1/opinions/${id}/route`, { unit_id, topic_id }, { silent: true })
export const getOpinionSummary = (year: number) =>
  http.get<{ year: number; units: ClosureRow[] }>(`${yp(year)}/opinions/summary`, { silent: true })
/** The published year's closure rates (意见建议办理情况) for the public portal: 404 for other years. */
export const getPublicOpinionSummary = (year: number) =>
  http.get<{ year: number; units: ClosureRow[]; total: number; closed: number; closure_rate: number | null }>(
    `/api/v1/public/years/${year}/opinions/summary`,
    { silent: true },
  )
