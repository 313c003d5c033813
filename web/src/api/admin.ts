import { http } from './request'
import type { AuditPage, Dashboard, UserRow } from './types'

export const getDashboard = (year?: number) =>
  http.get<Dashboard>('/api/v1/dashboard', { query: { year } })

export const getAudit = (after = 0, limit = 100) =>
  http.get<AuditPage>('/api/v1/audit', { query: { after, limit } })

export const getUsers = () => http.get<{ users: UserRow[] }>('/api/v1/users')
