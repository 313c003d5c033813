// The signed-in user. The token lives in localStorage (read by api/request.ts);
// the user is fetched from /api/v1/me after a reload.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as authApi from '@/api/auth'
import { tokenStorage } from '@/api/request'
import type { Permission, Role, User } from '@/api/types'
import { appChildren } from '@/router/routes'
import { menuRoutes } from '@/router/access'

export const ROLE_HOME: Partial<Record<Role, string>> = {
  admin: '/admin',
  leader: '/leader',
  lead: '/lead',
  unit: '/unit',
}

export const useAuthStore = defineStore('auth', () => {
  const token = ref<string | null>(tokenStorage.get())
  const user = ref<User | null>(null)

  const isLoggedIn = computed(() => !!token.value)
  // A role without a fixed home (e.g. expert 专家) opens on its first menu entry, else the public page.
  const home = computed(() => {
    if (!user.value) return '/login'
    return ROLE_HOME[user.value.role] ?? menuRoutes(appChildren, user.value)[0]?.path ?? '/'
  })

  function can(p: Permission): boolean {
    return !!user.value?.permissions?.includes(p)
  }

  async function login(username: string, password: string): Promise<User> {
    const res = await authApi.login(username, password)
    token.value = res.token
    tokenStorage.set(res.token)
    user.value = res.user
    return res.user
  }

  /** Loads the user for a stored token; clears the session when it is no longer valid. */
  async function ensureUser(): Promise<User | null> {
    if (!token.value) return null
    if (user.value) return user.value
    try {
      user.value = await authApi.fetchMe()
    } catch {
      clear()
    }
    return user.value
  }

  function clear() {
    token.value = null
    user.value = null
    tokenStorage.clear()
  }

  async function logout() {
    try {
      if (token.value) await authApi.logout()
    } catch {
      // The session is dropped locally whatever the server says.
    }
    clear()
  }

  return { token, user, isLoggedIn, home, can, login, ensureUser, clear, logout }
})
