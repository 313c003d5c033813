// The office's opinions page: the note (a dismissal's reason, a close note)
// shown apart from the answer; every open opinion — answered or not yet
// routed too — offers dismissal, whose dialog asks for the reason and
// refuses a blank one without calling the server.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createAppI18n } from '@/locales'
import type { Opinion } from '@/api/surveys'
import { actionProblem, isBlank, noteLabelKey } from './actions'

const base: Opinion = {
  id: 0, year: 2026, survey_id: 'sat', response_id: 1, question_id: 'opinion', unit_id: 'D01', topic_id: '', lead_unit_id: '',
  text: '', state: 'routed', answer: '', answered_by: '', answered_at: 0, note: '', rectification_id: 0, closed_by: '', closed_at: 0, created_at: 1780000000,
}
const opinions: Opinion[] = [
  { ...base, id: 1, text: '审批太慢', state: 'answered', answer: '已增设窗口', answered_by: 'unit_d01', answered_at: 1780001000 },
  { ...base, id: 2, text: '不知道找谁', unit_id: '' },
  { ...base, id: 3, text: '路灯坏了', state: 'dismissed', note: '与其他意见重复', closed_by: 'office', closed_at: 1780002000 },
  { ...base, id: 4, text: '公交太少', state: 'closed', note: '已转交通局办理', closed_by: 'office', closed_at: 1780003000 },
]

const dismissOpinion = vi.fn()
vi.mock('@/api/surveys', () => ({
  answerOpinion: vi.fn(),
  closeOpinion: vi.fn(),
  dismissOpinion: (...a: unknown[]) => dismissOpinion(...a),
  rerouteOpinion: vi.fn(),
  putOpinionTopics: vi.fn(),
  listOpinions: vi.fn(async () => ({ year: 2026, opinions })),
  getOpinionSummary: vi.fn(async () => ({ year: 2026, units: [] })),
  getOpinionTopics: vi.fn(async () => ({ year: 2026, topics: [] })),
}))
vi.mock('@/api/results', () => ({ getUnits: vi.fn(async () => ({ units: [{ id: 'D01', name_zh: '东区', name_en: 'East' }] })) }))
vi.mock('@/composables/useYears', () => ({
  loadYearsForUser: vi.fn(async () => [{ year: 2026, stage: 'monitoring' }]),
  currentYear: (ys: { year: number }[]) => ys[0],
}))
vi.mock('@/stores/auth', () => ({
  useAuthStore: () => ({ can: (p: string) => p === 'opinions.manage', user: { username: 'office', role: 'admin', unit_id: '' } }),
}))

import OpinionsPage from './index.vue'

const q = (id: string) => document.body.querySelector(`[data-testid="${id}"]`)

async function mountPage() {
  setActivePinia(createPinia())
  const w = mount(OpinionsPage, { global: { plugins: [createAppI18n('zh-CN')], stubs: { YearSelect: true } }, attachTo: document.body })
  await flushPromises()
  return w
}

describe('opinion actions', () => {
  it('needs a reason to dismiss and a note to close an unanswered opinion', () => {
    expect(isBlank(' \n\u3000')).toBe(true)
    expect(actionProblem('dismiss', '', base)).toBe('opinions.reasonRequired')
    expect(actionProblem('dismiss', '\u3000 ', base)).toBe('opinions.reasonRequired')
    expect(actionProblem('dismiss', '重复', base)).toBe('')
    expect(actionProblem('close', '', base)).toBe('opinions.noteRequired')
    expect(actionProblem('close', '', { answer: '已答复' })).toBe('')
    expect(actionProblem('close', '', base, true)).toBe('')
    expect(noteLabelKey(opinions[2])).toBe('opinions.dismissReason')
    expect(noteLabelKey(opinions[3])).toBe('opinions.closeNote')
    expect(noteLabelKey(opinions[0])).toBe('')
  })
})

// Mounting the page with Element Plus is slow on a loaded machine.
describe('opinions page', { timeout: 60000 }, () => {
  afterEach(() => {
    dismissOpinion.mockReset()
    document.body.innerHTML = ''
  })

  it('shows the office\'s note apart from the answer', async () => {
    await mountPage()
    expect(q('opinion-note-1')).toBeNull()
    expect(document.body.textContent).toContain('已增设窗口')
    expect(q('opinion-note-3')?.textContent).toContain('不予受理理由')
    expect(q('opinion-note-3')?.textContent).toContain('与其他意见重复')
    expect(q('opinion-note-4')?.textContent).toContain('办结说明')
    expect(q('opinion-note-4')?.textContent).toContain('已转交通局办理')
  })

  it('offers dismissal for every open opinion and asks for the reason', async () => {
    await mountPage()
    expect(q('opinion-dismiss-1')).not.toBeNull() // answered
    expect(q('opinion-dismiss-2')).not.toBeNull() // not routed to a unit
    expect(q('opinion-dismiss-3')).toBeNull() // dismissed already
    expect(q('opinion-dismiss-4')).toBeNull() // closed
    ;(q('opinion-dismiss-1') as HTMLButtonElement).click()
    await flushPromises()
    expect(q('opinion-reason-label')?.textContent).toContain('不予受理的理由')
    ;(q('opinion-submit') as HTMLButtonElement).click()
    await flushPromises()
    expect(q('opinion-error')?.textContent).toBe('请填写不予受理的理由')
    expect(dismissOpinion).not.toHaveBeenCalled()
    const box = q('opinion-text')
    const text = (box?.tagName === 'TEXTAREA' ? box : box?.querySelector('textarea')) as HTMLTextAreaElement
    text.value = '与 2 号意见重复'
    text.dispatchEvent(new Event('input'))
    dismissOpinion.mockResolvedValueOnce({ ...opinions[0], state: 'dismissed', note: '与 2 号意见重复' })
    ;(q('opinion-submit') as HTMLButtonElement).click()
    await flushPromises()
    expect(dismissOpinion).toHaveBeenCalledWith(1, '与 2 号意见重复')
  })
})
