// Indicator setting (指标设置): the scheme being set (tree of nodes), node edits,
// target negotiation, comments, publication, versions and diffs, adjustment
// requests (调整程序). docs/api.md "Indicator setting (指标设置)".
import { http } from './request'
import type { Named } from './types'

const enc = encodeURIComponent

export interface MethodParam {
  name: string
  default: number
  doc: string
}

export interface ScoringMethod {
  name: string
  name_zh: string
  needs_target: boolean
  uses_formula: boolean
  params: MethodParam[]
}

export interface MethodRegistry {
  methods: ScoringMethod[]
  frequencies: string[]
  types: string[]
  directions: number[]
}

export interface SettingNode {
  id: string
  parent_id?: string
  level?: number
  name_zh: string
  name_en?: string
  points?: number
  leaf?: boolean
  method?: string
  params?: Record<string, number>
  formula?: string
  direction?: number
  unit_of_measure?: string
  lead_unit_id?: string
  type?: string
  data_source?: string
  frequency?: string
  evidence_rules?: string
  content?: string // 考核内容
  criteria?: string // 评分标准
  measurement_error?: number
  orientations?: string[]
  category_ids?: string[]
  unit_ids?: string[]
  cumulative?: boolean
}

export interface SettingScheme {
  year: number
  status: string
  version: number
  frozen: boolean
  editable: boolean
  point_mismatches: string[]
  nodes: SettingNode[]
  units: (Named & { id: string; category_id: string })[]
  categories: (Named & { id: string })[]
}

export type TargetState = 'unset' | 'set' | 'proposed' | 'countered' | 'escalated' | 'agreed' | 'decided'
export type TargetAction = 'accept' | 'counter' | 'accept_counter' | 'keep' | 'escalate' | 'decide'

export interface TargetEvent {
  seq: number
  at: string
  actor: string
  role: string
  action: string
  value: number | null
  reason: string
}

export interface TargetRow {
  indicator_id: string
  unit_id: string
  indicator_name_zh: string
  indicator_name_en: string
  lead_unit_id: string
  state: TargetState
  lead_value: number | null
  unit_value: number | null
  agreed_value: number | null
  target: number | null
  awaits: 'lead' | 'unit' | 'admin' | ''
  awaiting_me: boolean
  updated_at: string
  history: TargetEvent[]
}

export interface Version {
  year: number
  version: number
  at: string
  actor: string
  note: string
  change_request: number
  sha256: string
}

export interface SchemeDiff {
  year: number
  from: number
  to: number
  nodes: {
    added: SettingNode[]
    removed: SettingNode[]
    changed: { id: string; fields: { field: string; from: unknown; to: unknown }[] }[]
  }
  targets: { indicator_id: string; unit_id: string; from: number | null; to: number | null }[]
}

export type ChangeKind = 'target' | 'points' | 'method' | 'applicability'

export interface ChangeRequest {
  id: number
  kind: ChangeKind
  indicator_id: string
  unit_id: string
  change: Record<string, unknown>
  reason: string
  evidence: string
  state: string
  requested_by: string
  requested_role: string
  requested_unit: string
  requested_at: string
  decided_by: string
  decided_at: string
  decision: string
  version: number
}

export interface NewChangeRequest {
  kind: ChangeKind
  indicator_id: string
  unit_id?: string
  value?: number
  points?: number
  method?: string
  params?: Record<string, number>
  category_ids?: string[]
  unit_ids?: string[]
  reason: string
  evidence?: string
}

export interface Comment {
  id: number
  indicator_id: string
  at: string
  author: string
  role: string
  text: string
}

const base = (year: number) => `/api/v1/years/${year}/setting`

export const getMethods = () => http.get<MethodRegistry>('/api/v1/scoring/methods')

export const getSettingScheme = (year: number, silent = false) =>
  http.get<SettingScheme>(`${base(year)}/scheme`, { silent })

export const addNode = (year: number, node: SettingNode) =>
  http.post<SettingNode>(`${base(year)}/nodes`, node, { silent: true })

export const editNode = (year: number, id: string, node: Partial<SettingNode>) =>
  http.put<SettingNode>(`${base(year)}/nodes/${enc(id)}`, node, { silent: true })

export const moveNode = (year: number, id: string, parentId: string) =>
  http.post<SettingNode>(`${base(year)}/nodes/${enc(id)}/move`, { parent_id: parentId }, { silent: true })

export const deleteNode = (year: number, id: string) =>
  http.del<{ ok: boolean }>(`${base(year)}/nodes/${enc(id)}`, { silent: true })

export const publishScheme = (year: number, note: string) =>
  http.post<Version>(`${base(year)}/publish`, { note }, { silent: true })

export const getVersions = (year: number) => http.get<{ year: number; versions: Version[] }>(`${base(year)}/versions`)

export const getDiff = (year: number, from: number, to?: number) =>
  http.get<SchemeDiff>(`${base(year)}/diff`, { query: { from, to } })

export const getTargets = (year: number, q: { indicator_id?: string; unit_id?: string; awaiting?: 'me' } = {}) =>
  http.get<{ year: number; targets: TargetRow[] }>(`${base(year)}/targets`, { query: q })

export const proposeTargets = (year: number, items: { indicator_id: string; unit_id: string; value: number; reason: string }[]) =>
  http.post<{ targets: TargetRow[] }>(`${base(year)}/targets/propose`, { items }, { silent: true })

export const stepTarget = (year: number, step: { indicator_id: string; unit_id: string; action: TargetAction; value?: number; reason?: string }) =>
  http.post<TargetRow>(`${base(year)}/targets/step`, step, { silent: true })

export const getComments = (year: number, indicatorId?: string) =>
  http.get<{ year: number; comments: Comment[] }>(`${base(year)}/comments`, { query: { indicator_id: indicatorId } })

export const addComment = (year: number, indicatorId: string, text: string) =>
  http.post<Comment>(`${base(year)}/comments`, { indicator_id: indicatorId, text }, { silent: true })

export const getChangeRequests = (year: number, awaitingMe = false) =>
  http.get<{ year: number; change_requests: ChangeRequest[] }>(`${base(year)}/change-requests`, { query: { awaiting: awaitingMe ? 'me' : undefined } })

export const createChangeRequest = (year: number, req: NewChangeRequest) =>
  http.post<ChangeRequest>(`${base(year)}/change-requests`, req, { silent: true })

export const decideChangeRequest = (year: number, id: number, approve: boolean, reason: string) =>
  http.post<ChangeRequest>(`${base(year)}/change-requests/${id}/decide`, { approve, reason }, { silent: true })

// --- 权责清单 (power-and-responsibility list) --------------------------------------------
export interface DutyItem {
  id: string
  title: string
  basis: string // 设定依据
  category: string // 职权类别
}
export interface DutyList {
  year: number
  unit_id: string
  items: DutyItem[]
  links: { item_id: string; indicator_id: string }[]
  uncovered: DutyItem[]
}

export const getDuties = (year: number, unit: string) => http.get<DutyList>(`${base(year)}/duties/${enc(unit)}`)

/** Replaces the unit's list from the office's sheet (.xlsx or CSV, sent as is). */
export const importDuties = (year: number, unit: string, file: Blob) =>
  http.upload<{ ok: boolean; unit_id: string; items: number }>(`${base(year)}/duties/${enc(unit)}`, file, {
    method: 'PUT', contentType: file.type || 'application/octet-stream', silent: true,
  })

/** The items of `unit` that leaf `indicator` covers (replaces its links). */
export const linkDuties = (year: number, unit: string, indicator: string, itemIds: string[]) =>
  http.put<{ ok: boolean; item_ids: string[] }>(`${base(year)}/duties/${enc(unit)}/links/${enc(indicator)}`, { item_ids: itemIds }, { silent: true })
