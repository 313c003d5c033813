import { describe, expect, it } from 'vitest'
import type { MethodRegistry, SchemeDiff, SettingNode } from '@/api/setting'
import {
  actionNeeds, buildTree, diffRows, levelOf, methodParams, moveTargets, nextChildId, nodeFieldOf, parentOf, subtreeIds,
  targetActions, validateNode,
} from './setting'

const nodes: SettingNode[] = [
  { id: '1', name_zh: '经济发展', points: 40, level: 1 },
  { id: '1.1', name_zh: '经济总量', points: 20, level: 2 },
  { id: '1.1.1', name_zh: 'GDP增速', points: 10, level: 3, method: 'completion_ratio', category_ids: ['C1'] },
  { id: '1.1.2', name_zh: '财政收入', points: 10, level: 3, method: 'ranking', category_ids: ['C1'] },
  { id: '2', name_zh: '民生', points: 30, level: 1 },
]
const reg: MethodRegistry = {
  methods: [
    { name: 'completion_ratio', name_zh: '完成率法', needs_target: true, uses_formula: false, params: [{ name: 'cap', default: 1, doc: '' }, { name: 'floor', default: 0, doc: '' }] },
    { name: 'formula', name_zh: '公式法', needs_target: false, uses_formula: true, params: [] },
  ],
  frequencies: ['monthly'], types: ['outcome'], directions: [1, -1],
}

describe('node tree', () => {
  it('builds parents from ids', () => {
    expect(parentOf({ id: '1.1.2' })).toBe('1.1')
    expect(parentOf({ id: '2' })).toBe('')
    expect(parentOf({ id: '9.1', parent_id: '2' })).toBe('2')
    const t = buildTree(nodes)
    expect(t.map((x) => x.id)).toEqual(['1', '2'])
    expect(t[0].children[0].children.map((x) => x.id)).toEqual(['1.1.1', '1.1.2'])
    expect(levelOf('1.1.1')).toBe(3)
  })
  it('subtrees, move targets and next ids', () => {
    expect([...subtreeIds(nodes, '1.1')].sort()).toEqual(['1.1', '1.1.1', '1.1.2'])
    expect(moveTargets(nodes, '1.1')).toEqual(['', '2'])
    expect(moveTargets(nodes, '1.1.1')).toEqual(['', '1', '2'])
    expect(moveTargets(nodes, '2')).toEqual(['1', '1.1'])
    expect(nextChildId(nodes, '1.1')).toBe('1.1.3')
    expect(nextChildId(nodes, '')).toBe('3')
    expect(nextChildId(nodes, '2')).toBe('2.1')
  })
})

describe('method parameters and node checks', () => {
  it('defaults from the registry, own values kept', () => {
    expect(methodParams(reg, 'completion_ratio')).toEqual({ cap: 1, floor: 0 })
    expect(methodParams(reg, 'completion_ratio', { cap: 1.2, other: 3 })).toEqual({ cap: 1.2, floor: 0 })
    expect(methodParams(reg, 'nope')).toEqual({})
  })
  it('validates', () => {
    expect(validateNode({ id: '1.x', name_zh: '' }, true, reg)).toEqual({ id: 'setting.badId', name_zh: 'setting.needName' })
    expect(validateNode({ id: '1.1.3', name_zh: '指标', method: 'formula', points: 0 }, true, reg)).toEqual({
      points: 'setting.leafPoints', formula: 'setting.needFormula', category_ids: 'setting.needApplies',
    })
    expect(validateNode({ id: '1.1.3', name_zh: '指标', method: 'completion_ratio', points: 5, unit_ids: ['D01'] }, true, reg)).toEqual({})
    expect(validateNode({ id: 'x', name_zh: '指标', method: 'bogus', points: 5, unit_ids: ['D01'] }, false, reg)).toEqual({ method: 'setting.unknownMethod' })
    expect(nodeFieldOf('params.cap')).toBe('params')
    expect(nodeFieldOf('category_ids[0]')).toBe('category_ids')
    expect(nodeFieldOf('criteria')).toBe('criteria') // 评分标准: the server's error lands on its field
    expect(nodeFieldOf('weird')).toBe('')
  })
})

describe('target negotiation actions', () => {
  const row = (state: string, unit = 'D01', lead = 'B03') => ({ state: state as never, unit_id: unit, lead_unit_id: lead })
  it('per role and state', () => {
    expect(targetActions(row('proposed'), 'unit', 'D01')).toEqual(['accept', 'counter'])
    expect(targetActions(row('proposed'), 'unit', 'D02')).toEqual([])
    expect(targetActions(row('countered'), 'unit', 'D01')).toEqual(['escalate'])
    expect(targetActions(row('unset'), 'lead', 'B03')).toEqual(['propose'])
    expect(targetActions(row('countered'), 'lead', 'B03')).toEqual(['accept_counter', 'keep', 'escalate'])
    // its own unit's dispute goes to the office
    expect(targetActions(row('countered', 'B03', 'B03'), 'lead', 'B03')).toEqual([])
    expect(targetActions(row('escalated'), 'admin', '')).toEqual(['decide'])
    expect(targetActions(row('proposed'), 'admin', '')).toEqual(['propose', 'decide'])
    expect(targetActions(row('agreed'), 'leader', '')).toEqual([])
  })
  it('needs', () => {
    expect(actionNeeds('counter')).toEqual({ value: true, reason: true })
    expect(actionNeeds('keep')).toEqual({ value: false, reason: true })
    expect(actionNeeds('accept')).toEqual({ value: false, reason: false })
  })
})

describe('diff rows', () => {
  it('flattens a diff', () => {
    const d: SchemeDiff = {
      year: 2025, from: 1, to: 2,
      nodes: { added: [{ id: '3', name_zh: '新增' }], removed: [{ id: '2', name_zh: '民生' }], changed: [{ id: '1.1.1', fields: [{ field: 'points', from: 10, to: 12 }, { field: 'params', from: { cap: 1 }, to: { cap: 1.2 } }] }] },
      targets: [{ indicator_id: '1.1.1', unit_id: 'D01', from: null, to: 7.5 }],
    }
    expect(diffRows(d)).toEqual([
      { kind: 'added', key: '3', field: '', from: '', to: '新增' },
      { kind: 'removed', key: '2', field: '', from: '民生', to: '' },
      { kind: 'changed', key: '1.1.1', field: 'points', from: '10', to: '12' },
      { kind: 'changed', key: '1.1.1', field: 'params', from: '{"cap":1}', to: '{"cap":1.2}' },
      { kind: 'target', key: '1.1.1/D01', field: 'target', from: '', to: '7.5' },
    ])
  })
})
