import { describe, expect, it } from 'vitest'
import type { Appeal, PublicationState } from '@/api/publication'
import { mayAnswer, mayDecide, mayFile, publishBlockers, shortHash, undecided, windowPhase } from './publication'

const state = (over: Partial<PublicationState> = {}): PublicationState => ({
  year: 2025,
  status: 'preliminary',
  today: '2026-03-04',
  window: { seq: 1, start_date: '2026-03-02', end_date: '2026-03-05', working_days: 3, at: '', actor: 'admin' },
  window_open: true,
  approval: null,
  certificate: null,
  ...over,
})

const appeal = (over: Partial<Appeal> = {}): Appeal => ({
  year: 2025, id: 1, window_seq: 1, unit_id: 'D01', kind: 'indicator', indicator_id: '1.1.1',
  adjustment_id: '', claimed_value: 10, reason: 'r', evidence: [], state: 'filed', filed_by: 'unit_d01',
  filed_at: '', answer: '', answered_by: '', answered_at: '', decision: '', decided_by: '', decided_at: '',
  ...over,
})

describe('publication', () => {
  it('places today in the window, both ends included', () => {
    expect(windowPhase(state())).toBe('open')
    expect(windowPhase(state({ today: '2026-03-05' }))).toBe('open')
    expect(windowPhase(state({ today: '2026-03-06' }))).toBe('closed')
    expect(windowPhase(state({ window: null }))).toBe('none')
  })

  it('lets units appeal only in an open window', () => {
    expect(mayFile({ role: 'unit', unit_id: 'D01' }, state())).toBe(true)
    expect(mayFile({ role: 'unit', unit_id: 'D01' }, state({ today: '2026-03-09' }))).toBe(false)
    expect(mayFile({ role: 'leader' }, state())).toBe(false)
    expect(mayFile({ role: 'unit' }, state({ status: 'published' }))).toBe(false)
  })

  it('lets a lead department answer what it leads, never its own unit', () => {
    const leadsB = (id: string) => id === '1.1.1'
    expect(mayAnswer({ role: 'lead', unit_id: 'B01' }, appeal(), leadsB)).toBe(true)
    expect(mayAnswer({ role: 'lead', unit_id: 'D01' }, appeal(), leadsB)).toBe(false)
    expect(mayAnswer({ role: 'lead', unit_id: 'B01' }, appeal({ indicator_id: '2.1' }), leadsB)).toBe(false)
    expect(mayAnswer({ role: 'lead', unit_id: 'B01' }, appeal({ kind: 'adjustment' }), leadsB)).toBe(false)
    expect(mayAnswer({ role: 'admin' }, appeal({ state: 'answered' }), leadsB)).toBe(false)
    expect(mayAnswer({ role: 'unit', unit_id: 'D02' }, appeal(), leadsB)).toBe(false)
  })

  it('lets only the office decide, once', () => {
    expect(mayDecide({ role: 'admin' }, appeal({ state: 'answered' }))).toBe(true)
    expect(mayDecide({ role: 'admin' }, appeal({ state: 'upheld' }))).toBe(false)
    expect(mayDecide({ role: 'lead', unit_id: 'B01' }, appeal())).toBe(false)
  })

  it('lists what publication still waits for', () => {
    const open = [appeal(), appeal({ id: 2, state: 'rejected' })]
    expect(undecided(open)).toBe(1)
    expect(publishBlockers(state(), open)).toEqual([
      'publication.block.windowOpen',
      'publication.block.appeals',
      'publication.block.approval',
    ])
    const approval = { window_seq: 1, meeting_date: '2026-03-06', meeting_ref: 'x', note: '', at: '', actor: 'admin' }
    expect(publishBlockers(state({ today: '2026-03-07', approval }), [appeal({ state: 'upheld' })])).toEqual([])
    expect(publishBlockers(state({ status: 'published' }), [])).toEqual(['publication.block.notPreliminary'])
  })

  it('shortens a hash for display', () => {
    expect(shortHash('a'.repeat(64))).toBe('aaaaaaaa…aaaaaaaa')
    expect(shortHash('')).toBe('')
  })
})
