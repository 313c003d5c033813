// Indicator setting (指标设置) logic: the node tree, the method parameter form,
// node form checks, target negotiation actions per role, diff rows.
import type { MethodRegistry, SchemeDiff, SettingNode, TargetAction, TargetRow } from '@/api/setting'
import type { Role } from '@/api/types'

export interface TreeNode {
  id: string
  node: SettingNode
  label: string
  children: TreeNode[]
}

/** The parent id of a node: its `parent_id`, else its id without the last segment ("1.2.3" → "1.2"). */
export function parentOf(n: Pick<SettingNode, 'id' | 'parent_id'>): string {
  if (n.parent_id !== undefined && n.parent_id !== null) return n.parent_id
  const i = n.id.lastIndexOf('.')
  return i > 0 ? n.id.slice(0, i) : ''
}

/** The nodes (tree order) as a tree; orphans are kept at the top level. */
export function buildTree(nodes: SettingNode[], label: (n: SettingNode) => string = (n) => n.name_zh): TreeNode[] {
  const byId = new Map<string, TreeNode>()
  for (const n of nodes) byId.set(n.id, { id: n.id, node: n, label: label(n), children: [] })
  const roots: TreeNode[] = []
  for (const n of nodes) {
    const t = byId.get(n.id)!
    const p = byId.get(parentOf(n))
    if (p && p !== t) p.children.push(t)
    else roots.push(t)
  }
  return roots
}

/** The ids of a node and everything under it (a move may not go into these). */
export function subtreeIds(nodes: SettingNode[], id: string): Set<string> {
  const out = new Set<string>([id])
  let grew = true
  while (grew) {
    grew = false
    for (const n of nodes) {
      if (!out.has(n.id) && out.has(parentOf(n))) {
        out.add(n.id)
        grew = true
      }
    }
  }
  return out
}

/** Where a node may move: another parent outside its own subtree (not a leaf), keeping every level ≤ 3; "" = level 1. */
export function moveTargets(nodes: SettingNode[], id: string): string[] {
  const own = subtreeIds(nodes, id)
  const me = nodes.find((n) => n.id === id)
  const current = me ? parentOf(me) : ''
  const lvl = (n: SettingNode) => n.level ?? levelOf(n.id)
  const myLevel = me ? lvl(me) : levelOf(id)
  const depth = Math.max(1, ...nodes.filter((n) => own.has(n.id)).map((n) => lvl(n) - myLevel + 1))
  const out = current === '' ? [] : ['']
  for (const n of nodes) {
    if (own.has(n.id) || n.method || n.id === current) continue
    if (lvl(n) + depth <= 3) out.push(n.id)
  }
  return out
}

/** A node's level from its id ("1.2" → 2) when the server did not give it. */
export function levelOf(id: string): number {
  return id ? id.split('.').length : 0
}

/** The next free child id under a parent ("1.2" with 1.2.1, 1.2.2 → "1.2.3"; top level "3"). */
export function nextChildId(nodes: SettingNode[], parentId: string): string {
  const kids = nodes.filter((n) => parentOf(n) === parentId)
  let max = 0
  for (const k of kids) {
    const last = Number(k.id.split('.').pop())
    if (Number.isInteger(last) && last > max) max = last
  }
  return parentId ? `${parentId}.${max + 1}` : String(max + 1)
}

/** The parameter values of a method: the node's own where given, else the registry's defaults. */
export function methodParams(reg: MethodRegistry | null, method: string, current: Record<string, number> = {}): Record<string, number> {
  const m = reg?.methods.find((x) => x.name === method)
  if (!m) return {}
  return Object.fromEntries(m.params.map((p) => [p.name, typeof current[p.name] === 'number' ? current[p.name] : p.default]))
}

export type NodeField = 'id' | 'parent_id' | 'name_zh' | 'name_en' | 'points' | 'method' | 'params' | 'formula' | 'lead_unit_id' |
  'direction' | 'type' | 'frequency' | 'category_ids' | 'unit_ids' | 'data_source' | 'evidence_rules' | 'unit_of_measure' |
  'content' | 'criteria'

export const NODE_FIELDS: readonly NodeField[] = ['id', 'parent_id', 'name_zh', 'name_en', 'points', 'method', 'params', 'formula',
  'lead_unit_id', 'direction', 'type', 'frequency', 'category_ids', 'unit_ids', 'data_source', 'evidence_rules', 'unit_of_measure',
  'content', 'criteria']

/** Checks before sending a node (i18n keys per field); the server checks the rest. */
export function validateNode(n: SettingNode, isNew: boolean, reg: MethodRegistry | null): Partial<Record<NodeField, string>> {
  const e: Partial<Record<NodeField, string>> = {}
  if (isNew && !/^\d+(\.\d+){0,2}$/.test(n.id)) e.id = 'setting.badId'
  if (!n.name_zh?.trim()) e.name_zh = 'setting.needName'
  if (n.points !== undefined && n.points !== null && (!Number.isFinite(n.points) || n.points < 0)) e.points = 'setting.badPoints'
  if (n.method) {
    if (!n.points || n.points <= 0) e.points = 'setting.leafPoints'
    const m = reg?.methods.find((x) => x.name === n.method)
    if (reg && !m) e.method = 'setting.unknownMethod'
    if (m?.uses_formula && !n.formula?.trim()) e.formula = 'setting.needFormula'
    if (!(n.category_ids?.length) && !(n.unit_ids?.length)) e.category_ids = 'setting.needApplies'
  }
  return e
}

/** The server's field name for a form field: `params.cap` → 'params', `category_ids[0]` → 'category_ids'. */
export function nodeFieldOf(serverField: string): NodeField | '' {
  const head = serverField.split('.')[0].replace(/\[\d+\]$/, '')
  return (NODE_FIELDS as readonly string[]).includes(head) ? (head as NodeField) : ''
}

/** What the caller may do with a negotiation row (the server decides in the end). */
export function targetActions(row: Pick<TargetRow, 'state' | 'unit_id' | 'lead_unit_id'>, role: Role, ownUnit: string): TargetAction[] | ['propose'] {
  const mine = row.unit_id === ownUnit
  const leads = row.lead_unit_id === ownUnit
  if (role === 'admin') {
    const out: ('propose' | TargetAction)[] = []
    if (['unset', 'set', 'proposed', 'agreed', 'decided'].includes(row.state)) out.push('propose')
    if (['proposed', 'countered', 'escalated'].includes(row.state)) out.push('decide')
    return out as TargetAction[]
  }
  if (role === 'unit' || (role === 'lead' && mine && !leads)) {
    if (!mine) return []
    if (row.state === 'proposed') return ['accept', 'counter']
    if (row.state === 'countered' || row.state === 'decided') return ['escalate']
    return []
  }
  if (role === 'lead') {
    const out: ('propose' | TargetAction)[] = []
    if (leads && ['unset', 'set', 'proposed'].includes(row.state)) out.push('propose')
    if (leads && !mine && row.state === 'countered') out.push('accept_counter', 'keep', 'escalate')
    if (mine && row.state === 'proposed' && !leads) out.push('accept', 'counter')
    return out as TargetAction[]
  }
  return []
}

/** Which fields an action needs. */
export function actionNeeds(a: TargetAction | 'propose'): { value: boolean; reason: boolean } {
  switch (a) {
    case 'counter': case 'decide': return { value: true, reason: true }
    case 'propose': return { value: true, reason: false }
    case 'keep': case 'escalate': return { value: false, reason: true }
    default: return { value: false, reason: false }
  }
}

export interface DiffRow {
  kind: 'added' | 'removed' | 'changed' | 'target'
  key: string
  field: string
  from: string
  to: string
}

const show = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))

/** A diff as flat rows: node added/removed, one row per changed field, one per changed target. */
export function diffRows(d: SchemeDiff): DiffRow[] {
  const rows: DiffRow[] = []
  for (const n of d.nodes.added) rows.push({ kind: 'added', key: n.id, field: '', from: '', to: n.name_zh })
  for (const n of d.nodes.removed) rows.push({ kind: 'removed', key: n.id, field: '', from: n.name_zh, to: '' })
  for (const c of d.nodes.changed) for (const f of c.fields) rows.push({ kind: 'changed', key: c.id, field: f.field, from: show(f.from), to: show(f.to) })
  for (const t of d.targets) rows.push({ kind: 'target', key: `${t.indicator_id}/${t.unit_id}`, field: 'target', from: show(t.from), to: show(t.to) })
  return rows
}
