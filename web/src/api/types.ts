// Types mirroring docs/api.md (v1). Scores are unrounded doubles; the UI rounds
// them for display with utils/format.ts.

export type Role = 'admin' | 'leader' | 'lead' | 'unit' | 'expert'

export const ROLES: Role[] = ['admin', 'leader', 'lead', 'unit', 'expert']

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
  | 'scheme.write'
  | 'org.write'
  | 'users.write'
  | 'years.write'
  | 'scores.write'
  | 'reports.read'
  | 'reports.submit'
  | 'reports.verify'
  | 'monitoring.write'
  | 'setting.read'
  | 'setting.write'
  | 'setting.negotiate'
  | 'setting.comment'
  | 'yearend.read'
  | 'yearend.self'
  | 'yearend.score'
  | 'yearend.manage'
  | 'yearend.opinion'
  | 'rating.rate'
  | 'feedback.any'
  | 'feedback.own'
  | 'rectification.write'
  | 'rectification.decide'
  | 'projects.read'
  | 'projects.apply'
  | 'projects.decide'
  | 'result_use.write'
  | 'barometer.read'
  | 'bulletins.read'
  | 'bulletins.issue'
  | 'surveys.read'
  | 'surveys.manage'
  | 'opinions.read'
  | 'opinions.answer'
  | 'opinions.manage'

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

/** Year stages (docs/api.md § Year stages): 草稿 → 指标设置 → 日常监测 → 年终考核 → 结果公示 → 已发布. */
export type YearStatus = 'draft' | 'setting' | 'monitoring' | 'year_end' | 'preliminary' | 'published'

export interface YearTransition {
  to: YearStatus
  /** whether the caller may trigger this move */
  allowed: boolean
}

export interface YearInfo {
  year: number
  status: YearStatus
  published_at: string
  data_version?: number
  has_scheme?: boolean
  /** the stages the year may move to */
  transitions?: YearTransition[]
}

export interface CreateYearResponse {
  year: number
  status: YearStatus
  units: number
  indicators: number
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
  /** with `?intervals=1`: the score and rank interval and the noise flag */
  interval?: ResultInterval
}

/** Score and rank interval of a unit (`?intervals=1`, docs/api.md § Analysis). */
export interface ResultInterval {
  total_lower: number
  total_upper: number
  rank_lower: number
  rank_upper: number
  flagged: boolean
  /** English; reason_zh in Chinese */
  reason: string
  reason_zh: string
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
  /** period of the value scored ("2025" year-end, "2025-10" a monthly value standing in) */
  period?: string
  /** scored on a monthly value of a year in progress (预估) */
  provisional?: boolean
}

export interface TreeNode extends Named {
  id: string
  parent_id?: string
  level: number
  points: number
  earned: number
}

export type AdjustmentKind = 'bonus' | 'deduction' | 'veto'
export type VetoEffect = 'cap_qualified' | 'fix_lowest'

export interface Adjustment {
  id: string
  kind: string
  points: number
  reason_zh: string
  reason_en: string
  approved_by: string
  unit_id?: string
  veto_effect?: VetoEffect | ''
  evidence?: string
  entered_by?: string
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
  result: UnitResultRow & { category_size: number; grade_zh?: string; grade_en?: string }
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
  /** unix seconds; 0 when not locked */
  locked_until?: number
  failed_logins?: number
}

export interface NewUser {
  username: string
  display_name: string
  role: Role
  unit_id: string
  password: string
}

export interface UserUpdate {
  display_name: string
  role: Role
  unit_id: string
  active: boolean
}

// --- Organisation registry (机构管理) -----------------------------------------

export type UnitKind = 'district' | 'department' | 'stationed'
export const UNIT_KINDS: UnitKind[] = ['district', 'department', 'stationed']

export interface OrgCategory extends Named {
  id: string
  kind: UnitKind | string
  retired: boolean
}

export interface OrgUnit extends Named {
  id: string
  category_id: string
  parent_id: string
  kind: UnitKind | string
  retired: boolean
}

/** 机构职能变更: a rename, move, retirement or merge of a unit. */
export interface OrgChange {
  id: number | string
  at: string
  actor: string
  kind: string
  unit_id: string
  into: string
  before: unknown
  after: unknown
  note: string
}

export interface OrgRegistry {
  categories: OrgCategory[]
  units: OrgUnit[]
  changes: OrgChange[]
}

export interface CategoryInput extends Named {
  kind: UnitKind | string
}

export interface CategoryUpdate extends CategoryInput {
  retired: boolean
}

export interface UnitInput extends Named {
  category_id: string
  parent_id: string
  kind: UnitKind | string
}

export interface UnitUpdate extends UnitInput {
  retired: boolean
  note: string
}

// --- Scores entered by the office ---------------------------------------------

export interface UnitScoresRow extends Named {
  unit_id: string
  category_id: string
  satisfaction: number | null
  satisfaction_se: number | null
  leadership: number | null
  inputs: Record<string, number>
}

export interface YearInputs {
  year: number
  status: YearStatus
  units: UnitScoresRow[]
  adjustments: Adjustment[]
}

export interface ScoresUpdate {
  unit_id: string
  satisfaction?: number | null
  satisfaction_se?: number | null
  leadership?: number | null
  /** Type over satisfaction a survey supplied (409 naming `replace` otherwise). */
  replace?: boolean
}

export interface NewAdjustment {
  unit_id: string
  kind: AdjustmentKind
  points?: number
  veto_effect?: VetoEffect
  reason_zh: string
  reason_en: string
  evidence: string
}

// --- Analysis --------------------------------------------------------------

export interface UncertaintyUnit {
  unit_id: string
  category_id: string
  total: number
  total_lower: number
  total_upper: number
  rank: number
  rank_lower: number
  rank_upper: number
  grade: string
  grade_share: Record<string, number>
  flagged: boolean
  reason: string
  reason_zh: string
}

export interface Uncertainty {
  year: number
  replicates: number
  level: number
  units: UncertaintyUnit[]
}

/** One change of a what-if run, applied to the year's scheme in order. */
export type WhatIfChange =
  | { op: 'weights'; category_id: string; indicator: number; satisfaction: number; leadership: number }
  | { op: 'points'; indicator_id: string; points: number }
  | { op: 'method'; indicator_id: string; method: string; params: Record<string, number> }
  | { op: 'grade'; category_id: string; code: string; min_score?: number; max_share?: number | null }
  | { op: 'caps'; category_id: string; bonus_cap?: number; deduction_cap?: number }

export interface WhatIfIndicatorDelta extends Named {
  indicator_id: string
  earned_before: number
  earned_after: number
  rule_before: string
  rule_after: string
}

export interface WhatIfUnitChange extends Named {
  unit_id: string
  category_id: string
  total_before: number
  total_after: number
  rank_before: number
  rank_after: number
  grade_before: string
  grade_after: string
  reasons: string[]
  reasons_zh: string[]
  indicators: WhatIfIndicatorDelta[]
}

export interface WhatIfResponse {
  year: number
  changed: number
  units_total: number
  changes: WhatIfUnitChange[]
  after: Results
}

export interface IndicatorHealthRow extends Named {
  indicator_id: string
  type: string
  points: number
  units: number
  saturation: number
  mean_share: number
  discrimination: number
  most_correlated: string
  correlation: number
  saturated: boolean
  weak_discrimination: boolean
  redundant: boolean
}

export interface CategoryBalance extends Named {
  category_id: string
  by_type: Record<string, number>
  by_orientation: Record<string, number>
  process_dominated: boolean
}

export interface HealthReport {
  year: number
  indicators: IndicatorHealthRow[]
  categories: CategoryBalance[]
}

export type AnomalyKind = 'jump' | 'bunching' | 'year_end_spike' | 'benford'

export interface AnomalyFlag {
  kind: AnomalyKind | string
  indicator_id: string
  indicator_name_zh: string
  indicator_name_en: string
  unit_id: string
  unit_name_zh: string
  unit_name_en: string
  period: string
  score: number
  /** English; message_zh in Chinese */
  message: string
  message_zh: string
}

export interface Anomalies {
  year: number
  flags: AnomalyFlag[]
}

export interface FairnessUnit extends Named {
  unit_id: string
  category_id: string
  total: number
  rank: number
  /** DEA efficiency in (0, 1]; null: no inputs, or fewer than 2 such units in the category (a note says why) */
  efficiency: number | null
  /** in category, ties share the best rank; 0 when there is no efficiency */
  efficiency_rank: number
  /** input name → value, e.g. budget (万元), staff */
  inputs: Record<string, number>
  /** ids of the efficient units it is compared with */
  benchmarks: string[]
}

export interface FairnessReport {
  year: number
  /** input names every unit of the year reports, e.g. ["budget", "staff"] */
  inputs: string[]
  units: FairnessUnit[]
  /** English; notes_zh in Chinese */
  notes: string[]
  notes_zh: string[]
}

// --- Scheme file (docs/scheme-format.md) -------------------------------------

export interface SchemeGrade extends Named {
  code: string
  min_score: number
  max_share?: number | null
}

export interface SchemeCategory extends Partial<Named> {
  id: string
  kind?: string
  weights?: { indicator: number; satisfaction: number; leadership: number }
  grades: SchemeGrade[]
  bonus_cap?: number
  deduction_cap?: number
}

export interface SchemeIndicator extends Partial<Named> {
  id: string
  level: number
  parent_id?: string
  points?: number
  method?: string
  type?: string
  category_ids?: string[]
  unit_ids?: string[]
  [other: string]: unknown
}

export interface SchemeFile {
  format?: string
  version?: number
  year: number
  categories: SchemeCategory[]
  units: (Partial<Named> & { id: string; category_id: string })[]
  indicators: SchemeIndicator[]
  targets?: unknown[]
  [other: string]: unknown
}

export interface SchemeImportResult {
  ok: boolean
  indicators: number
  units: number
}

// ---- 绩效反馈 feedback reports and 整改 rectification (docs/api.md) ----

export interface FeedbackDimension {
  id: string
  name_zh: string
  name_en: string
  earned: number
  points: number
}
export interface FeedbackTrendYear {
  year: number
  total: number
  rank: number
  category_size: number
  grade: string
  grade_zh: string
  grade_en: string
  provisional: boolean
}
export interface FeedbackLostPoint {
  indicator_id: string
  dimension_id: string
  name_zh: string
  name_en: string
  unit_of_measure: string
  points: number
  earned: number
  lost: number
  target: number | null
  actual: number | null
  status: string
  rule: string
  rule_zh: string
}
export interface FeedbackReport {
  year: number
  status: string
  provisional: boolean
  unit: {
    id: string
    name_zh: string
    name_en: string
    category_id: string
    category_name_zh: string
    category_name_en: string
  }
  summary: {
    total: number
    total_text: string
    rank: number
    category_size: number
    grade: string
    grade_zh: string
    grade_en: string
    indicator_score: number
    satisfaction: number
    leadership: number
    bonus: number
    deduction: number
    vetoed: boolean
    grade_notes_zh: string[]
    grade_notes_en: string[]
  }
  dimensions: FeedbackDimension[]
  trend: FeedbackTrendYear[]
  lost_points: FeedbackLostPoint[]
  adjustments: { id: string; kind: string; points: number; reason_zh: string; reason_en: string }[]
  /** 申诉: filled once appeals are stored */
  appeals: { id: string; indicator_id: string; claim: string; outcome: string; decision: string; decided_at: string }[]
  /** 意见建议: filled once opinions are collected */
  opinions: { id: string; source: string; text: string; indicator_id: string }[]
}

export interface RectificationEvent {
  seq: number
  at: string
  actor: string
  role: string
  action: 'filed' | 'edit' | 'progress' | 'close' | 'reopen'
  text: string
  progress: number | null
}
export interface RectificationEvidence {
  sha256: string
  file_name: string
  content_type: string
  size: number
  added_by: string
  added_at?: string
}
export interface RectificationItem {
  year: number
  id: number
  unit_id: string
  source: 'indicator' | 'opinion'
  indicator_id: string
  opinion_id: string
  problem: string
  measure: string
  owner: string
  deadline: string
  state: 'open' | 'closed'
  progress: number
  overdue: boolean
  note: string
  created_by: string
  created_at: string
  updated_at: string
  closed_by: string
  closed_at: string
  history: RectificationEvent[]
  evidence: RectificationEvidence[]
}
export interface NewRectificationItem {
  source: 'indicator' | 'opinion'
  indicator_id?: string
  opinion_id?: string
  problem?: string
  measure: string
  owner: string
  deadline: string
}
export interface ClosureRate {
  unit_id: string
  name_zh: string
  name_en: string
  total: number
  closed: number
  open: number
  overdue: number
  rate: number
}
export interface ClosureRates {
  year: number
  today: string
  total: number
  closed: number
  rate: number
  units: ClosureRate[]
}

// ---- 考核项目规范 registry of assessment projects (docs/api.md) ----
export type ProjectStatus = 'applied' | 'approved' | 'merged' | 'refused' | 'abolished'
export type ProjectFrequency = 'annual' | 'semiannual' | 'quarterly' | 'monthly' | 'ad_hoc'

/** What an applicant sends (POST, PUT). */
export interface ProjectInput {
  id?: string
  name_zh: string
  name_en: string
  department_id: string
  basis: string
  category_ids: string[]
  unit_ids: string[]
  frequency: ProjectFrequency | string
  reports_per_year: number | null
}

export interface AssessmentProject extends Required<Omit<ProjectInput, 'reports_per_year'>> {
  year: number
  reports_per_year: number
  assessed_unit_ids: string[]
  status: ProjectStatus
  merged_indicator_ids: string[]
  decision_note: string
  applied_by: string
  applied_at: string
  updated_at: string
  decided_by: string
  decided_at: string
}

export interface ProjectDecision {
  status: Exclude<ProjectStatus, 'applied'>
  note: string
  merged_indicator_ids?: string[]
}

export interface UnitBurden {
  unit_id: string
  name_zh: string
  name_en: string
  category_id: string
  projects: number
  reports: number
  merged: number
  previous_projects: number
  previous_reports: number
  delta_projects: number
  delta_reports: number
  project_ids: string[]
  merged_ids: string[]
}

export interface CityBurden {
  projects: number
  merged: number
  assessments: number
  reports: number
  previous_projects: number
  previous_assessments: number
  previous_reports: number
  delta_projects: number
  delta_assessments: number
  delta_reports: number
}

export interface Burden {
  year: number
  previous_year: number
  has_previous: boolean
  units: UnitBurden[]
  city: CityBurden
}

export interface ProjectCopyResult {
  year: number
  from_year: number
  copied: AssessmentProject[]
  skipped: { id: string; reason: string }[]
}
