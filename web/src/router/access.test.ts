import { describe, expect, it } from 'vitest'
import type { User } from '@/api/types'
import { appChildren } from './routes'
import { menuRoutes, routeAccess } from './access'

const unit: User = {
  username: 'u', display_name: 'U', role: 'unit', unit_id: 'D01', unit_name_zh: '', unit_name_en: '',
  permissions: ['results.public', 'scorecard.own'],
}
const admin: User = {
  username: 'admin', display_name: 'A', role: 'admin', unit_id: '', unit_name_zh: '', unit_name_en: '',
  permissions: ['results.public', 'results.all', 'scorecard.any', 'lead.read', 'values.write', 'dashboard.read', 'audit.read', 'users.read',
    'scheme.write', 'org.write', 'users.write', 'years.write', 'scores.write'],
}
const leader: User = { ...admin, username: 'leader', role: 'leader', permissions: ['results.public', 'results.all', 'scorecard.any', 'dashboard.read'] }
const lead: User = { ...unit, username: 'lead', role: 'lead', unit_id: 'B03', permissions: ['results.public', 'scorecard.own', 'lead.read', 'values.write'] }
const sc = (u: string) => ({ meta: { permission: ['scorecard.any', 'scorecard.own'] as User['permissions'], ownUnitParam: 'unit' }, params: { year: '2025', unit: u } })

describe('route access', () => {
  it('sends anonymous users to login and lets them see public routes', () => {
    expect(routeAccess({ meta: { public: true }, params: {} }, null)).toBe('ok')
    expect(routeAccess({ meta: { permission: ['audit.read'] }, params: {} }, null)).toBe('login')
  })
  it('forbids routes the role lacks', () => {
    expect(routeAccess({ meta: { permission: ['audit.read'] }, params: {} }, unit)).toBe('forbidden')
    expect(routeAccess({ meta: { permission: ['audit.read'] }, params: {} }, admin)).toBe('ok')
  })
  it('lets a unit open only its own scorecard', () => {
    expect(routeAccess(sc('D01'), unit)).toBe('ok')
    expect(routeAccess(sc('D02'), unit)).toBe('forbidden')
    expect(routeAccess(sc('D02'), admin)).toBe('ok')
  })
  it('builds the side menu from permissions', () => {
    expect(menuRoutes(appChildren, unit).map((r) => r.path)).toEqual(['/unit', '/result-use', '/appeals', '/inbox'])
    expect(menuRoutes(appChildren, admin).map((r) => r.path)).toEqual([
      '/admin', '/duties', '/org', '/scores', '/leader', '/results', '/lead', '/whatif', '/indicator-health', '/fairness', '/anomalies', '/result-use', '/appeals', '/audit', '/users', '/inbox',
    ])
    expect(menuRoutes(appChildren, leader).map((r) => r.path)).toEqual(['/duties', '/leader', '/results', '/whatif', '/indicator-health', '/fairness', '/anomalies', '/result-use', '/appeals', '/inbox'])
    expect(menuRoutes(appChildren, lead).map((r) => r.path)).toEqual(['/lead', '/anomalies', '/unit', '/result-use', '/appeals', '/inbox'])
  })
  it('keeps the office pages to the permissions that write them', () => {
    const route = (path: string) => appChildren.find((r) => r.path === path)!
    for (const [path, perm] of [['/org', 'org.write'], ['/scores', 'scores.write'], ['/users', 'users.read']] as const) {
      expect(route(path).meta?.permission, path).toContain(perm)
      for (const u of [unit, lead, leader]) expect(routeAccess({ meta: route(path).meta!, params: {} }, u), `${u.role} ${path}`).toBe('forbidden')
      expect(routeAccess({ meta: route(path).meta!, params: {} }, admin)).toBe('ok')
    }
    const expert: User = { ...unit, username: 'expert', role: 'expert', unit_id: '', permissions: ['results.public'] }
    expect(menuRoutes(appChildren, expert).map((r) => r.path)).toEqual(['/inbox'])
  })
  it('monitoring pages follow the report permissions', () => {
    const unitM: User = { ...unit, permissions: [...unit.permissions, 'reports.read', 'reports.submit'] }
    const leadM: User = { ...lead, permissions: [...lead.permissions, 'reports.read', 'reports.submit', 'reports.verify'] }
    expect(menuRoutes(appChildren, unitM).map((r) => r.path)).toEqual(['/reports', '/unit', '/result-use', '/appeals', '/inbox'])
    expect(menuRoutes(appChildren, leadM).map((r) => r.path)).toEqual(['/lead', '/reports', '/verify', '/anomalies', '/unit', '/result-use', '/appeals', '/inbox'])
    const verify = appChildren.find((r) => r.path === '/verify')!
    expect(routeAccess({ meta: verify.meta!, params: {} }, unitM)).toBe('forbidden')
  })

  it('opens the feedback report: a unit its own only, the office any, a lead department none', () => {
    const fb = (u: string) => ({ meta: appChildren.find((r) => r.name === 'feedback-unit')!.meta!, params: { year: '2025', unit: u } })
    const unitFb: User = { ...unit, permissions: ['results.public', 'scorecard.own', 'feedback.own', 'rectification.write'] }
    const adminFb: User = { ...admin, permissions: [...admin.permissions, 'feedback.any', 'rectification.write', 'rectification.decide'] }
    expect(routeAccess(fb('D01'), unitFb)).toBe('ok')
    expect(routeAccess(fb('D02'), unitFb)).toBe('forbidden')
    expect(routeAccess(fb('D02'), adminFb)).toBe('ok')
    expect(routeAccess(fb('B03'), lead)).toBe('forbidden')
    const menu = (u: User) => menuRoutes(appChildren, u).map((r) => r.name)
    expect(menu(unitFb)).toEqual(expect.arrayContaining(['feedback', 'rectification']))
    expect(menu(lead)).not.toContain('feedback')
  })

  it('shows the barometer to leaders and the office, bulletins to every unit', () => {
    const menu = (u: User) => menuRoutes(appChildren, u).map((r) => r.path)
    const leaderB: User = { ...leader, permissions: [...leader.permissions, 'barometer.read', 'bulletins.read'] }
    const unitB: User = { ...unit, permissions: [...unit.permissions, 'bulletins.read'] }
    expect(menu(leaderB)).toEqual(expect.arrayContaining(['/barometer', '/bulletins']))
    expect(menu(unitB)).toContain('/bulletins')
    expect(menu(unitB)).not.toContain('/barometer')
    const barometer = appChildren.find((r) => r.path === '/barometer')!
    expect(routeAccess({ meta: barometer.meta!, params: {} }, unitB)).toBe('forbidden')
  })
})
