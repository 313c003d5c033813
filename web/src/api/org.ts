// Organisation registry (机构管理, docs/api.md § Running an installation):
// categories and units with stable ids across years, and the change log
// (机构职能变更). Reads need a session, writes `org.write`. Writes are silent:
// the dialogs show the server's message on the field it names.
import { http } from './request'
import type { CategoryInput, CategoryUpdate, OrgCategory, OrgRegistry, OrgUnit, UnitInput, UnitUpdate } from './types'

const enc = encodeURIComponent

export const getOrg = () => http.get<OrgRegistry>('/api/v1/org')

export const createCategory = (c: CategoryInput & { id: string }) =>
  http.post<OrgCategory>('/api/v1/org/categories', c, { silent: true })

export const updateCategory = (id: string, c: CategoryUpdate) =>
  http.put<OrgCategory>(`/api/v1/org/categories/${enc(id)}`, c, { silent: true })

export const createUnit = (u: UnitInput & { id: string }) =>
  http.post<OrgUnit>('/api/v1/org/units', u, { silent: true })

export const updateUnit = (id: string, u: UnitUpdate) =>
  http.put<OrgUnit>(`/api/v1/org/units/${enc(id)}`, u, { silent: true })

export const mergeUnit = (id: string, into: string, note: string) =>
  http.post<OrgUnit | { ok: boolean }>(`/api/v1/org/units/${enc(id)}/merge`, { into, note }, { silent: true })
