// Router with the access guard: unauthenticated → /login?redirect=…, a route the
// role lacks → /403 (the URL asked for is kept in the query).
import { createRouter, createWebHistory } from 'vue-router'
import { routes } from './routes'
import { routeAccess } from './access'
import { useAuthStore } from '@/stores/auth'

export function createAppRouter() {
  const router = createRouter({
    history: createWebHistory(),
    routes,
    scrollBehavior: () => ({ top: 0 }),
  })

  router.beforeEach(async (to) => {
    const auth = useAuthStore()
    const user = await auth.ensureUser()
    if (to.name === 'login' && user) return auth.home
    const access = routeAccess(to, user)
    if (access === 'login') return { name: 'login', query: { redirect: to.fullPath } }
    if (access === 'forbidden') return { name: 'forbidden', query: { from: to.fullPath } }
    return true
  })

  return router
}
