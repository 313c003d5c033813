// 绩效反馈 feedback reports and 整改 rectification (docs/api.md "Feedback
// reports (绩效反馈) and rectification (整改)").
import { http } from './request'
import type {
  ClosureRates,
  FeedbackReport,
  NewRectificationItem,
  RectificationEvidence,
  RectificationItem,
} from './types'

const unitPath = (year: number, unit: string) => `/api/v1/years/${year}/feedback/${encodeURIComponent(unit)}`
const itemPath = (year: number, id: number) => `/api/v1/years/${year}/rectification/items/${id}`

/** `feedback.any`, or `feedback.own` for the caller's unit; otherwise 403. */
export const getFeedback = (year: number, unit: string, silent = false) =>
  http.get<FeedbackReport>(unitPath(year, unit), { silent })
/** The same report as a PDF (bytes and file name). */
export const downloadFeedbackPdf = (year: number, unit: string) => http.download(`${unitPath(year, unit)}/pdf`)

export const listRectification = (year: number, unit?: string) =>
  http.get<{ year: number; today: string; items: RectificationItem[] }>(`/api/v1/years/${year}/rectification`, {
    query: { unit },
  })
export const fileRectificationPlan = (year: number, unit: string, items: NewRectificationItem[]) =>
  http.post<{ year: number; items: RectificationItem[] }>(
    `/api/v1/years/${year}/rectification/units/${encodeURIComponent(unit)}/items`,
    { items },
    { silent: true },
  )
export const editRectificationItem = (
  year: number,
  id: number,
  edit: Partial<Pick<RectificationItem, 'measure' | 'owner' | 'deadline' | 'problem'>>,
) => http.put<RectificationItem>(itemPath(year, id), edit, { silent: true })
export const reportRectificationProgress = (
  year: number,
  id: number,
  body: { text: string; progress: number; evidence?: { sha256: string; file_name?: string }[] },
) => http.post<RectificationItem>(`${itemPath(year, id)}/progress`, body, { silent: true })
export const uploadRectificationEvidence = (year: number, id: number, file: File) =>
  http.upload<RectificationEvidence>(`${itemPath(year, id)}/evidence`, file, { query: { name: file.name }, silent: true })
export const downloadRectificationEvidence = (year: number, id: number, sha256: string) =>
  http.download(`${itemPath(year, id)}/evidence/${sha256}`)
export const closeRectificationItem = (year: number, id: number, note: string) =>
  http.post<RectificationItem>(`${itemPath(year, id)}/close`, { note }, { silent: true })
export const reopenRectificationItem = (year: number, id: number, note: string) =>
  http.post<RectificationItem>(`${itemPath(year, id)}/reopen`, { note }, { silent: true })
export const getClosureRates = (year: number) =>
  http.get<ClosureRates>(`/api/v1/years/${year}/rectification/closure`)
