// Monitoring (日常监测): reports with evidence, progress (时序进度), inbox (站内消息),
// node tasks and the working-day calendar. docs/api.md "Monitoring (日常监测)".
import { http } from './request'

const enc = encodeURIComponent

export type SlotState = 'due' | 'submitted' | 'verified' | 'returned'
export type ReportState = 'submitted' | 'verified' | 'returned'
export type ProgressStatus = 'green' | 'yellow' | 'red' | 'none'

export interface Evidence {
  sha256: string
  name: string
  content_type: string
  size: number
  added_by: string
  added_at: string
}

export interface Report {
  year: number
  indicator_id: string
  unit_id: string
  period: string
  state: ReportState
  value: number | null
  no_data: boolean
  narrative: string
  due_date: string
  late: boolean
  submissions: number
  resubmitted: boolean
  submitted_by: string
  submitted_at: string
  decided_by: string
  decided_at: string
  return_reason: string
  evidence: Evidence[]
}

export interface Slot {
  indicator_id: string
  unit_id: string
  lead_unit_id: string
  period: string
  due_date: string
  state: SlotState
  report: Report | null
}

export interface ReportList {
  year: number
  today: string
  counts: Partial<Record<SlotState, number>>
  reports: Slot[]
}

export interface ReportSubmit {
  value: number | null
  no_data: boolean
  narrative: string
}

export type ProgressCounts = Partial<Record<ProgressStatus, number>>

export interface ProgressRow {
  unit_id: string
  indicator_id: string
  lead_unit_id: string
  target: number | null
  value: number | null
  period: string
  completion: number | null
  ratio: number | null
  status: ProgressStatus
}

export interface Progress {
  year: number
  date: string
  elapsed: number
  thresholds: { green: number; yellow: number }
  totals: ProgressCounts
  units: { unit_id: string; counts: ProgressCounts }[]
  rows: ProgressRow[]
}

export interface ProgressSummary {
  year: number
  date: string
  elapsed: number
  totals: ProgressCounts
  units: { unit_id: string; counts: ProgressCounts }[]
  reports: Partial<Record<SlotState, number>>
  late_reports: number
}

export interface Message {
  id: number
  at: string
  kind: string
  year: number
  subject: string
  title_zh: string
  title_en: string
  body_zh: string
  body_en: string
  read: boolean
  read_at: string
}

export interface NodeTask {
  id: string
  name_zh: string
  name_en: string
  stage: string
  from_role: string
  from_unit: string
  due_date: string
  done: boolean
}

export interface CalendarDay {
  date: string
  kind: 'holiday' | 'workday'
  name_zh: string
  name_en: string
}

const reportPath = (year: number, s: { indicator_id: string; unit_id: string; period: string }) =>
  `/api/v1/years/${year}/reports/${enc(s.indicator_id)}/${enc(s.unit_id)}/${enc(s.period)}`

export const getReports = (year: number, q: { unit?: string; indicator?: string; state?: string } = {}) =>
  http.get<ReportList>(`/api/v1/years/${year}/reports`, { query: q })

export const getReport = (year: number, s: { indicator_id: string; unit_id: string; period: string }) =>
  http.get<Report>(reportPath(year, s))

/** Submits or resubmits; silent: the dialog shows the error on its field. */
export const submitReport = (year: number, s: { indicator_id: string; unit_id: string; period: string }, body: ReportSubmit) =>
  http.put<Report>(reportPath(year, s), body, { silent: true })

export const verifyReport = (year: number, s: { indicator_id: string; unit_id: string; period: string }) =>
  http.post<Report>(`${reportPath(year, s)}/verify`, {}, { silent: true })

export const returnReport = (year: number, s: { indicator_id: string; unit_id: string; period: string }, reason: string) =>
  http.post<Report>(`${reportPath(year, s)}/return`, { reason }, { silent: true })

export const uploadEvidence = (year: number, s: { indicator_id: string; unit_id: string; period: string }, file: File) =>
  http.upload<Evidence>(`${reportPath(year, s)}/evidence`, file, { query: { name: file.name }, silent: true })

export const downloadEvidence = (year: number, s: { indicator_id: string; unit_id: string; period: string }, sha256: string) =>
  http.download(`${reportPath(year, s)}/evidence/${enc(sha256)}`)

export const getProgress = (year: number, unit?: string) =>
  http.get<Progress>(`/api/v1/years/${year}/progress`, { query: { unit } })

export const getProgressSummary = (year: number, silent = false) =>
  http.get<ProgressSummary>(`/api/v1/years/${year}/progress/summary`, { silent })

/** One leaf's values for all units as CSV (`unit_id,period,value[,no_data,note]`). */
export const importValuesCsv = (year: number, indicator: string, file: Blob | string) =>
  http.upload<{ year: number; indicator_id: string; rows: number }>(
    `/api/v1/years/${year}/indicators/${enc(indicator)}/values.csv`, file, { contentType: 'text/csv; charset=utf-8', silent: true })

export const getInbox = (unreadOnly = false, limit = 50, silent = false) =>
  http.get<{ unread: number; messages: Message[] }>('/api/v1/inbox', { query: { unread: unreadOnly ? 1 : undefined, limit }, silent })

/** Marks one message read (0 = all). */
export const markRead = (id: number) => http.post<{ unread: number }>('/api/v1/inbox/read', { id })

export const getTasks = (year: number) => http.get<{ year: number; tasks: NodeTask[] }>(`/api/v1/years/${year}/tasks`)

export const putTask = (year: number, task: NodeTask) =>
  http.put<NodeTask>(`/api/v1/years/${year}/tasks/${enc(task.id)}`, task, { silent: true })

export const deleteTask = (year: number, id: string) =>
  http.del<{ ok: boolean }>(`/api/v1/years/${year}/tasks/${enc(id)}`)

export const seedCalendar = (year: number) =>
  http.post<{ year: number; days_added: number; tasks_added: number }>(`/api/v1/years/${year}/calendar/seed`, {})

export const getCalendarDays = (year: number) =>
  http.get<{ days: CalendarDay[] }>('/api/v1/calendar/days', { query: { year } })

export const putCalendarDay = (day: CalendarDay) =>
  http.put<CalendarDay>(`/api/v1/calendar/days/${enc(day.date)}`, { kind: day.kind, name_zh: day.name_zh, name_en: day.name_en }, { silent: true })

export const deleteCalendarDay = (date: string) => http.del<{ ok: boolean }>(`/api/v1/calendar/days/${enc(date)}`)

/** The year's monitoring settings (defaults when never saved). */
export interface MonitoringSettings {
  year: number
  default_frequency: string
  due_days_after: number
  reminder_working_days: number
  red_after_working_days: number
  progress_green: number
  progress_yellow: number
  frequencies: Record<string, string>
}

export const getMonitoringSettings = (year: number) =>
  http.get<MonitoringSettings>(`/api/v1/years/${year}/monitoring/settings`)

export const putMonitoringSettings = (year: number, s: Partial<MonitoringSettings>) =>
  http.put<MonitoringSettings>(`/api/v1/years/${year}/monitoring/settings`, s, { silent: true })
