// 考核项目规范 registry of assessment projects (docs/api.md "Registry of
// assessment projects"). Writes are silent: the page shows the server's
// message on the field it names.
import { http } from './request'
import type { AssessmentProject, Burden, ProjectCopyResult, ProjectDecision, ProjectInput } from './types'

const base = (year: number) => `/api/v1/years/${year}/assessment-projects`
const enc = encodeURIComponent

export const listProjects = (year: number, filter: { status?: string; department?: string } = {}) =>
  http.get<{ year: number; projects: AssessmentProject[] }>(base(year), { query: filter })
export const applyProject = (year: number, input: ProjectInput) =>
  http.post<AssessmentProject>(base(year), input, { silent: true })
export const editProject = (year: number, id: string, input: ProjectInput) =>
  http.put<AssessmentProject>(`${base(year)}/${enc(id)}`, input, { silent: true })
export const decideProject = (year: number, id: string, d: ProjectDecision) =>
  http.post<AssessmentProject>(`${base(year)}/${enc(id)}/decision`, d, { silent: true })
export const copyProjectsFromPrevious = (year: number) =>
  http.post<ProjectCopyResult>(`${base(year)}/copy-from-previous`, {}, { silent: true })
export const getBurden = (year: number) => http.get<Burden>(`${base(year)}/burden`)
