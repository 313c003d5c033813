// 晴雨表 barometer and 季度通报 quarterly bulletins (docs/api.md "Barometer
// (晴雨表) and quarterly bulletins (季度通报)").
import { http } from './request'

export interface Spread {
  count: number
  mean: number
  min: number
  q1: number
  median: number
  q3: number
  max: number
}

export interface BarometerCategory {
  id: string
  name_zh: string
  name_en: string
  grades: { code: string; name_zh: string; name_en: string }[]
}

export interface BarometerYear {
  year: number
  provisional: boolean
  city: Spread
  categories: { category_id: string; spread: Spread; grades: Record<string, number> }[]
}

export interface Mover {
  unit_id: string
  name_zh: string
  name_en: string
  category_id: string
  from_grade: string
  from_grade_zh: string
  from_grade_en: string
  to_grade: string
  to_grade_zh: string
  to_grade_en: string
  from_total: number
  to_total: number
  levels: number
}

export interface BarometerTrend {
  categories: BarometerCategory[]
  years: BarometerYear[]
  movers_from: number | null
  movers_to: number | null
  movers: Mover[]
}

export interface Tally {
  on_track: number
  lagging: number
  red: number
  no_data: number
  reports_due: number
  on_time: number
  late: number
  missing: number
  red_cards: number
  verified: number
  on_track_share: number
  verified_share: number
  on_time_share: number
}

export interface BarometerMonths {
  year: number
  provisional: boolean
  as_of: string
  thresholds: { green: number; yellow: number; red_after_working_days: number }
  categories: { id: string; name_zh: string; name_en: string }[]
  months: { month: number; city: Tally; categories: Record<string, Tally> }[]
}

export interface NamedUnit {
  unit_id: string
  name_zh: string
  name_en: string
  category_id: string
  score: number
  reason_zh: string
  reason_en: string
}

export interface Bulletin {
  year: number
  quarter: number
  number: number
  number_text: string
  title: string
  draft: boolean
  as_of: string
  quarter_end: string
  issued_on: string
  issued_by: string
  foreword: string
  thresholds: { green: number; yellow: number; red_after_working_days: number }
  city: Tally
  categories: { category_id: string; name_zh: string; name_en: string; units: number; tally: Tally }[]
  units: { unit_id: string; name_zh: string; name_en: string; category_id: string; problem_score: number; tally: Tally }[]
  criticised: NamedUnit[]
  praised: NamedUnit[]
}

export interface IssuedBulletin {
  id: number
  year: number
  quarter: number
  number: number
  number_text: string
  title: string
  issued_on: string
  issued_by: string
  issued_at: string
  content_sha256: string
  content?: Bulletin
}

export const getBarometer = (from?: number, to?: number) =>
  http.get<BarometerTrend>('/api/v1/barometer', { query: { from, to } })
export const getBarometerMonths = (year: number) =>
  http.get<BarometerMonths>(`/api/v1/years/${year}/barometer/months`)

const base = (year: number) => `/api/v1/years/${year}/bulletins`
export const listBulletins = (year: number) => http.get<{ year: number; bulletins: IssuedBulletin[] }>(base(year))
export const previewBulletin = (year: number, quarter: number) =>
  http.get<Bulletin>(`${base(year)}/preview`, { query: { quarter }, silent: true })
export const issueBulletin = (year: number, quarter: number, foreword: string) =>
  http.post<IssuedBulletin>(base(year), { quarter, foreword }, { silent: true })
export const getBulletin = (year: number, id: number) => http.get<IssuedBulletin>(`${base(year)}/${id}`)
export const downloadBulletinPdf = (year: number, id: number) => http.download(`${base(year)}/${id}.pdf`)
export const downloadBulletinDraftPdf = (year: number, quarter: number) =>
  http.download(`${base(year)}/preview.pdf`, { query: { quarter } })
