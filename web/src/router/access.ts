// Who may open which route: a pure function of the route and the user, used by
// the router guard and by the side menu.
import type { RouteLocationNormalized, RouteRecordRaw } from 'vue-router'
import type { User } from '@/api/types'

export type Access = 'ok' | 'login' | 'forbidden'

type RouteLike = Pick<RouteLocationNormalized, 'meta' | 'params'>

export function routeAccess(to: RouteLike, user: User | null): Access {
  if (to.meta.public) return 'ok'
  if (!user) return 'login'
  const need = to.meta.permission
  if (need && need.length && !need.some((p) => user.permissions.includes(p))) return 'forbidden'
  const param = to.meta.ownUnitParam
  if (param && !user.permissions.includes('scorecard.any')) {
    const unit = to.params[param]
    if (unit !== user.unit_id) return 'forbidden'
  }
  return 'ok'
}

export function menuRoutes(children: RouteRecordRaw[], user: User | null): RouteRecordRaw[] {
  return children
    .filter((r) => r.meta?.menu && routeAccess({ meta: r.meta, params: {} }, user) === 'ok')
    .sort((a, b) => (a.meta?.order ?? 0) - (b.meta?.order ?? 0))
}
