import { http } from './request'
import type { LoginResponse, User } from './types'

export const login = (username: string, password: string) =>
  http.post<LoginResponse>('/api/v1/auth/login', { username, password }, { silent: true })

export const logout = () => http.post<{ ok: boolean }>('/api/v1/auth/logout', {}, { silent: true })

export const fetchMe = () => http.get<User>('/api/v1/me', { silent: true })

/** Changes the signed-in user's own password (any session). */
export const changeOwnPassword = (oldPassword: string, newPassword: string) =>
  http.post<{ ok: boolean }>('/api/v1/me/password', { old_password: oldPassword, new_password: newPassword }, { silent: true })
