// Route table. `meta.public` routes need no login; `meta.permission` (any of)
// must be among the user's permissions, else the 403 page. The side menu is built
// from the same table (meta.menu), so it shows only what the role may open.
import type { RouteRecordRaw } from 'vue-router'
import type { Permission } from '@/api/types'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    permission?: Permission[]
    /** i18n key of the side-menu entry; absent: not in the menu */
    menu?: string
    icon?: string
    order?: number
    /** route param holding a unit id: without scorecard.any only the user's own unit may be opened */
    ownUnitParam?: string
  }
}

const Layout = () => import('@/components/layout/AppLayout.vue')

export const appChildren: RouteRecordRaw[] = [
  {
    path: '/admin',
    name: 'admin-home',
    component: () => import('@/views/admin/years/index.vue'),
    meta: { permission: ['years.write', 'audit.read'], menu: 'menu.adminHome', order: 1 },
  },
  {
    path: '/org',
    name: 'org',
    component: () => import('@/views/admin/org/index.vue'),
    meta: { permission: ['org.write'], menu: 'menu.org', order: 1.1 },
  },
  {
    path: '/scores',
    name: 'scores',
    component: () => import('@/views/admin/scores/index.vue'),
    meta: { permission: ['scores.write'], menu: 'menu.scores', order: 1.2 },
  },
  {
    path: '/leader',
    name: 'dashboard',
    component: () => import('@/views/leader/dashboard/index.vue'),
    meta: { permission: ['dashboard.read'], menu: 'menu.dashboard', order: 2 },
  },
  {
    path: '/results',
    name: 'results',
    component: () => import('@/views/results/year/index.vue'),
    meta: { permission: ['results.all'], menu: 'menu.results', order: 3 },
  },
  {
    path: '/whatif',
    name: 'whatif',
    component: () => import('@/views/analysis/whatif/index.vue'),
    meta: { permission: ['results.all'], menu: 'menu.whatif', order: 5 },
  },
  {
    path: '/indicator-health',
    name: 'indicator-health',
    component: () => import('@/views/analysis/health/index.vue'),
    meta: { permission: ['results.all'], menu: 'menu.health', order: 6 },
  },
  {
    path: '/fairness',
    name: 'fairness',
    component: () => import('@/views/analysis/fairness/index.vue'),
    meta: { permission: ['results.all'], menu: 'menu.fairness', order: 7 },
  },
  {
    path: '/anomalies',
    name: 'anomalies',
    component: () => import('@/views/analysis/anomalies/index.vue'),
    meta: { permission: ['results.all', 'lead.read'], menu: 'menu.anomalies', order: 8 },
  },
  {
    path: '/lead',
    name: 'lead',
    component: () => import('@/views/lead/indicators/index.vue'),
    meta: { permission: ['lead.read'], menu: 'menu.lead', order: 4 },
  },
  {
    path: '/unit',
    name: 'own-scorecard',
    component: () => import('@/views/unit/scorecard/index.vue'),
    meta: { permission: ['scorecard.own'], menu: 'menu.scorecard', order: 9 },
  },
  {
    path: '/scorecard/:year(\\d+)/:unit',
    name: 'scorecard',
    component: () => import('@/views/unit/scorecard/index.vue'),
    meta: { permission: ['scorecard.any', 'scorecard.own'], ownUnitParam: 'unit' },
  },
  {
    path: '/audit',
    name: 'audit',
    component: () => import('@/views/admin/audit/index.vue'),
    meta: { permission: ['audit.read'], menu: 'menu.audit', order: 10 },
  },
  {
    path: '/users',
    name: 'users',
    component: () => import('@/views/admin/users/index.vue'),
    meta: { permission: ['users.read'], menu: 'menu.users', order: 11 },
  },
  {
    path: '/inbox',
    name: 'inbox',
    component: () => import('@/views/inbox/messages/index.vue'),
    meta: { menu: 'menu.inbox', order: 20 },
  },
  {
    path: '/reports',
    name: 'reports',
    component: () => import('@/views/monitoring/reports/index.vue'),
    meta: { permission: ['reports.submit'], menu: 'menu.reports', order: 4.1 },
  },
  {
    path: '/verify',
    name: 'verify',
    component: () => import('@/views/monitoring/verify/index.vue'),
    meta: { permission: ['reports.verify'], menu: 'menu.verify', order: 4.2 },
  },
  {
    path: '/setting',
    name: 'setting',
    component: () => import('@/views/setting/scheme/index.vue'),
    meta: { permission: ['setting.read'], menu: 'menu.setting', order: 1.05 },
  },
  {
    path: '/targets',
    name: 'targets',
    component: () => import('@/views/setting/targets/index.vue'),
    meta: { permission: ['setting.negotiate'], menu: 'menu.targets', order: 1.06 },
  },
  {
    path: '/changes',
    name: 'changes',
    component: () => import('@/views/setting/changes/index.vue'),
    meta: { permission: ['setting.negotiate'], menu: 'menu.changes', order: 1.07 },
  },
  {
    path: '/duties',
    name: 'duties',
    component: () => import('@/views/setting/duties/index.vue'),
    meta: { permission: ['setting.negotiate', 'results.all'], menu: 'menu.duties', order: 1.075 },
  },
  {
    path: '/calendar',
    name: 'calendar',
    component: () => import('@/views/admin/calendar/index.vue'),
    meta: { permission: ['monitoring.write'], menu: 'menu.calendar', order: 1.08 },
  },
  // 年终考核 year-end assessment.
  {
    path: '/self-evaluation',
    name: 'self-evaluation',
    component: () => import('@/views/yearend/self/index.vue'),
    meta: { permission: ['yearend.self'], menu: 'menu.selfEvaluation', order: 4.3 },
  },
  {
    path: '/year-end-scoring',
    name: 'year-end-scoring',
    component: () => import('@/views/yearend/scoring/index.vue'),
    meta: { permission: ['yearend.score'], menu: 'menu.yearEndScoring', order: 4.4 },
  },
  {
    path: '/spot-checks',
    name: 'spot-checks',
    component: () => import('@/views/yearend/spotchecks/index.vue'),
    meta: { permission: ['yearend.manage'], menu: 'menu.spotChecks', order: 4.5 },
  },
  {
    path: '/claims',
    name: 'claims',
    component: () => import('@/views/yearend/claims/index.vue'),
    meta: { permission: ['yearend.read', 'yearend.opinion'], menu: 'menu.claims', order: 4.6 },
  },
  {
    path: '/leader-rating',
    name: 'leader-rating',
    component: () => import('@/views/yearend/rating/index.vue'),
    meta: { permission: ['rating.rate'], menu: 'menu.leaderRating', order: 4.7 },
  },
  {
    path: '/rating-setup',
    name: 'rating-setup',
    component: () => import('@/views/yearend/ratingsetup/index.vue'),
    meta: { permission: ['yearend.manage'], menu: 'menu.ratingSetup', order: 4.8 },
  },
  {
    path: '/appeals',
    name: 'appeals',
    component: () => import('@/views/publication/appeals/index.vue'),
    meta: { permission: ['scorecard.own', 'lead.read', 'years.write', 'results.all'], menu: 'menu.appeals', order: 9.5 },
  },
  // 结果运用: the office edits the table and records applications; leaders
  // read; a unit sees its own row and history.
  {
    path: '/result-use',
    name: 'result-use',
    component: () => import('@/views/results/use/index.vue'),
    meta: { permission: ['results.all', 'scorecard.own'], menu: 'menu.resultUse', order: 9.3 },
  },
  // 绩效反馈 and 整改: a unit its own report (feedback.own), the office and
  // leaders any unit's (feedback.any, picked on the page).
  {
    path: '/feedback',
    name: 'feedback',
    component: () => import('@/views/feedback/report/index.vue'),
    meta: { permission: ['feedback.own', 'feedback.any'], menu: 'menu.feedback', order: 9.1 },
  },
  {
    path: '/feedback/:year(\\d+)/:unit',
    name: 'feedback-unit',
    component: () => import('@/views/feedback/report/index.vue'),
    meta: { permission: ['feedback.any', 'feedback.own'], ownUnitParam: 'unit' },
  },
  {
    path: '/rectification',
    name: 'rectification',
    component: () => import('@/views/feedback/rectification/index.vue'),
    meta: { permission: ['feedback.own', 'feedback.any'], menu: 'menu.rectification', order: 9.2 },
  },
  {
    path: '/projects',
    name: 'projects',
    component: () => import('@/views/projects/registry/index.vue'),
    meta: { permission: ['projects.read'], menu: 'menu.projects', order: 1.3 },
  },
  {
    path: '/barometer',
    name: 'barometer',
    component: () => import('@/views/leader/barometer/index.vue'),
    meta: { permission: ['barometer.read'], menu: 'menu.barometer', order: 2.1 },
  },
  {
    path: '/bulletins',
    name: 'bulletins',
    component: () => import('@/views/monitoring/bulletins/index.vue'),
    meta: { permission: ['bulletins.read'], menu: 'menu.bulletins', order: 4.25 },
  },
  // 社会评价 surveys (the office designs and runs them; leaders read) and
  // 意见建议 opinions (the office, lead departments and units).
  {
    path: '/surveys',
    name: 'surveys',
    component: () => import('@/views/surveys/list/index.vue'),
    meta: { permission: ['surveys.read'], menu: 'menu.surveys', order: 9.6 },
  },
  {
    path: '/surveys/new',
    name: 'survey-new',
    component: () => import('@/views/surveys/editor/index.vue'),
    meta: { permission: ['surveys.manage'] },
  },
  {
    path: '/surveys/:id/edit',
    name: 'survey-edit',
    component: () => import('@/views/surveys/editor/index.vue'),
    meta: { permission: ['surveys.read'] },
  },
  {
    path: '/surveys/:id',
    name: 'survey-detail',
    component: () => import('@/views/surveys/detail/index.vue'),
    meta: { permission: ['surveys.read'] },
  },
  {
    path: '/opinions',
    name: 'opinions',
    component: () => import('@/views/surveys/opinions/index.vue'),
    meta: { permission: ['opinions.read'], menu: 'menu.opinions', order: 9.7 },
  },
  {
    path: '/403',
    name: 'forbidden',
    component: () => import('@/views/error/forbidden/index.vue'),
    meta: { public: true },
  },
]

export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'public-home',
    component: () => import('@/views/public/home/index.vue'),
    meta: { public: true },
  },
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/auth/login/index.vue'),
    meta: { public: true },
  },
  { path: '/app', component: Layout, redirect: '/', children: appChildren },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/error/not-found/index.vue'),
    meta: { public: true },
  },
]
