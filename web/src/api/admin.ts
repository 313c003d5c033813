import { http } from './request'
import type { AuditPage, Dashboard, NewUser, UserRow, UserUpdate } from './types'

const enc = encodeURIComponent

export const getDashboard = (year?: number) =>
  http.get<Dashboard>('/api/v1/dashboard', { query: { year } })

export const getAudit = (after = 0, limit = 100) =>
  http.get<AuditPage>('/api/v1/audit', { query: { after, limit } })

export const getUsers = () => http.get<{ users: UserRow[] }>('/api/v1/users')

// Writes (`users.write`) are silent: the dialogs show the server's message on the field it names.
export const createUser = (u: NewUser) => http.post<UserRow>('/api/v1/users', u, { silent: true })

export const updateUser = (username: string, u: UserUpdate) =>
  http.put<UserRow>(`/api/v1/users/${enc(username)}`, u, { silent: true })

/** Sets a new password; the user's sessions end. */
export const resetPassword = (username: string, password: string) =>
  http.post<{ ok: boolean }>(`/api/v1/users/${enc(username)}/password`, { password }, { silent: true })

/** Lifts a login lock. */
export const unlockUser = (username: string) =>
  http.post<{ ok: boolean }>(`/api/v1/users/${enc(username)}/unlock`, {})
