// Types mirroring docs/api.md (v1). Scores are unrounded doubles; the UI rounds
// them for display with utils/format.ts.

export type Role = 'admin' | 'leader' | 'lead' | 'unit'

export type Permission =
  | 'results.public'
  | 'results.all'
  | 'scorecard.any'
  | 'scorecard.own'
  | 'lead.read'
  | 'values.write'
  | 'dashboard.read'
  | 'audit.read'
  | 'users.read'

/** The error envelope every non-2xx response carries. */
export interface ErrorEnvelope {
  code: string
  message: string
  details?: Record<string, unknown>
}

export interface Named {
  name_zh: string
  name_en: string
}

export interface User {
  username: string
  display_name: string
  role: Role
  unit_id: string
  unit_name_zh: string
  unit_name_en: string
  permissions: Permission[]
}

export interface LoginResponse {
  token: string
  expires_at: number
  user: User
}

export interface Health {
  status: string
  version: string
  years: number
}

export type YearStatus = 'draft' | 'in_progress' | 'published'

export interface YearInfo {
  year: number
  status: YearStatus
  published_at: string
}

export interface GradeLevel extends Named {
  code: string
}

export interface Weights {
  indicator: number
  satisfaction: number
  leadership: number
  [other: string]: number
}

export interface UnitResultRow extends Named {
  unit_id: string
  indicator_score: number
  satisfaction: number
  leadership: number
  bonus: number
  deduction: number
  vetoed: boolean
  total: number
  rank: number
  grade: string
  /** English; grade_notes_zh the same in Chinese */
  grade_notes: string[]
  grade_notes_zh?: string[]
  /** other remarks (e.g. a missing component), English / Chinese */
  notes?: string[]
  notes_zh?: string[]
  category_size?: number
}

export interface CategoryResults extends Named {
  id: string
  kind: string
  weights: Weights
  units: UnitResultRow[]
}

export interface Results {
  year: number
  status: YearStatus
  grades: GradeLevel[]
  categories: CategoryResults[]
}

export interface UnitInfo extends Named {
  id: string
  category_id: string
  kind: string
  parent_id: string
}

export interface CategoryInfo extends Named {
  id: string
  kind: string
}

export interface UnitsResponse {
  units: UnitInfo[]
  categories: CategoryInfo[]
}

export interface MonthlyValue {
  period: string
  value: number | null
}

export interface ScorecardIndicator extends Named {
  id: string
  parent_id: string
  level: number
  points: number
  direction: number
  unit_of_measure: string
  method: string
  type: string
  lead_unit_id: string
  lead_unit_name_zh: string
  lead_unit_name_en?: string
  target: number | null
  actual: number | null
  earned: number
  lost: number
  status: string
  /** the rule applied with its numbers (English); rule_zh in Chinese when the server sends it */
  rule: string
  rule_zh?: string
  entered_by: string
  approved_by: string
  monthly: MonthlyValue[]
}

export interface TreeNode extends Named {
  id: string
  parent_id?: string
  level: number
  points: number
  earned: number
}

export interface Adjustment {
  id: string
  kind: string
  points: number
  reason_zh: string
  reason_en: string
  approved_by: string
}

export interface Scorecard {
  year: number
  status: YearStatus
  unit: Named & {
    id: string
    category_id: string
    category_name_zh: string
    category_name_en: string
  }
  result: UnitResultRow & { category_size: number }
  indicators: ScorecardIndicator[]
  tree: TreeNode[]
  adjustments: Adjustment[]
}

export interface LeadValue extends Named {
  unit_id: string
  target: number | null
  actual: number | null
  no_data: boolean
  entered_by: string
  note?: string
}

export interface LeadIndicator extends Named {
  id: string
  points: number
  unit_of_measure: string
  direction: number
  method: string
  lead_unit_id?: string
  values: LeadValue[]
}

export interface LeadIndicators {
  year: number
  status?: YearStatus
  indicators: LeadIndicator[]
}

export interface PutValue {
  indicator_id: string
  unit_id: string
  period: string
  value: number | null
  no_data: boolean
  note: string
}

export interface DashboardCategory extends Named {
  id: string
  size: number
  grade_counts: Record<string, number>
  mean_total: number
  top: UnitResultRow[]
  bottom: UnitResultRow[]
}

export interface Dashboard {
  year: number
  status: YearStatus
  grades?: GradeLevel[]
  categories: DashboardCategory[]
  reporting: { expected: number; reported: number; through?: string }
}

export interface AuditRecord {
  id: number
  at: string
  actor: string
  action: string
  entity: string
  /** JSON value (the server embeds the stored JSON), null when created/deleted */
  before: unknown
  after: unknown
  prev_hash?: string
  hash?: string
}

export interface AuditVerification {
  ok: boolean
  records: number
  first_bad_id: number
  message: string
}

export interface AuditPage {
  records: AuditRecord[]
  verification: AuditVerification
}

export interface UserRow {
  username: string
  display_name: string
  role: Role
  unit_id: string
  active: boolean
}
