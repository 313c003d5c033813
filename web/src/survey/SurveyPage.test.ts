// The questionnaire page end to end in happy-dom, against a fake server:
// loads, answers by tapping, shows a server answer error on its question,
// retries an offline failure with the same key, ends on the thank-you screen.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import SurveyPage from './SurveyPage.vue'

const survey = {
  survey_id: 's1', title_zh: '2026年度群众满意度调查', title_en: '', intro_zh: '感谢参与', status: 'open', public_link: true,
  questions: [
    { id: 'q1', kind: 'scale', text_zh: '政务服务', text_en: '', scale_min: 1, scale_max: 5, allow_dont_know: true, required: true },
    { id: 'district', kind: 'choice', text_zh: '所在区', text_en: '', required: true, options: [{ id: 'D01', label_zh: '东城区', label_en: '' }, { id: 'D02', label_zh: '西城区', label_en: '' }] },
    { id: 'op', kind: 'text', text_zh: '意见建议', text_en: '', required: false, max_length: 20 },
  ],
}

// The browser's preferred languages (happy-dom's default is English).
function setBrowserLanguage(l: string) {
  Object.defineProperty(navigator, 'languages', { value: [l], configurable: true })
  Object.defineProperty(navigator, 'language', { value: l, configurable: true })
}

type Reply = { status: number; body: unknown } | 'offline'

function install(replies: Reply[]) {
  const calls: { url: string; body: Record<string, unknown> | undefined; headers: Record<string, string> }[] = []
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    calls.push({ url, body: init?.body ? JSON.parse(String(init.body)) : undefined, headers: (init?.headers ?? {}) as Record<string, string> })
    const r = replies.shift()
    if (!r || r === 'offline') throw new TypeError('Failed to fetch')
    return new Response(JSON.stringify(r.body), { status: r.status })
  })
  return calls
}

describe('SurveyPage', () => {
  beforeEach(() => {
    localStorage.clear()
    setBrowserLanguage('zh-CN')
    window.history.replaceState(null, '', '/s/s1')
    Element.prototype.scrollIntoView = () => {}
    window.scrollTo = () => {}
  })
  afterEach(() => vi.unstubAllGlobals())

  it('fills the questionnaire, shows errors on questions, retries with the same key, thanks', async () => {
    const calls = install([
      { status: 200, body: survey },
      { status: 201, body: { token: 'T1', expires_at: 0 } },
      { status: 400, body: { code: 'invalid_argument', message: 'answers.district: 不在选项中', details: { field: 'answers.district' } } },
      'offline',
      { status: 201, body: { response_id: 11, status: 'accepted' } },
    ])
    const w = mount(SurveyPage, { attachTo: document.body })
    await flushPromises()
    expect(w.find('h1').text()).toBe('2026年度群众满意度调查')
    const q1 = w.findAll('[data-testid^="q-q1-opt-"]').map((b) => b.text())
    expect(q1).toEqual(['很满意', '满意', '基本满意', '不满意', '很不满意', '不了解'])

    // Nothing answered: local errors on the required questions, no request.
    await w.find('[data-testid="survey-submit"]').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid="q-q1-error"]').text()).toBe('此题为必答题')
    expect(w.find('[data-testid="q-district-error"]').exists()).toBe(true)
    expect(calls).toHaveLength(2)

    await w.find('[data-testid="q-q1-opt-4"]').trigger('click')
    await w.find('[data-testid="q-district-opt-D02"]').trigger('change')
    await w.find('[data-testid="q-op-text"]').setValue('窗口太少')
    expect(w.find('[data-testid="q-op-count"]').text()).toBe('4 / 20')
    expect(w.find('[data-testid="survey-progress"]').text()).toContain('100%')
    expect(w.find('[data-testid="q-q1-error"]').exists()).toBe(false)

    // The server names a question: the message lands on it.
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid="q-district-error"]').text()).toContain('不在选项中')
    // Offline: a retry button, then the retry goes through with the same key.
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid="survey-alert"]').text()).toContain('网络连接失败')
    expect(w.find('[data-testid="survey-retry"]').exists()).toBe(true)
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid="survey-thanks"]').exists()).toBe(true)

    const posts = calls.filter((c) => c.url.endsWith('/responses'))
    expect(posts).toHaveLength(3)
    expect(new Set(posts.map((p) => p.body!.idempotency_key)).size).toBe(1)
    expect(posts[2].body).toMatchObject({ token: 'T1', answers: { q1: 4, district: 'D02', op: '窗口太少' } })
    w.unmount()
  })

  it('asks for a code when there is no public link and none in the URL; a used code is final', async () => {
    install([
      { status: 200, body: { ...survey, public_link: false } },
      { status: 409, body: { code: 'failed_precondition', message: 'used', details: { field: 'code', reason: 'code_used' } } },
    ])
    const w = mount(SurveyPage, { attachTo: document.body })
    await flushPromises()
    await w.find('[data-testid="survey-code-ok"]').trigger('click')
    expect(w.find('[data-testid="survey-code-error"]').exists()).toBe(true)
    await w.find('[data-testid="survey-code"]').setValue('AB12-CD34')
    await w.find('[data-testid="survey-code-ok"]').trigger('click')
    await w.find('[data-testid="q-q1-opt-dk"]').trigger('click')
    await w.find('[data-testid="q-district-opt-D01"]').trigger('change')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid="survey-stop"]').text()).toContain('邀请码已经使用过')
    w.unmount()
  })

  it('speaks English to an English browser, Chinese where the office gave no English, and switches', async () => {
    setBrowserLanguage('en-GB')
    const en = {
      ...survey, title_en: '2026 public satisfaction survey', intro_en: 'Thank you',
      questions: [{ ...survey.questions[0], text_en: 'Public services' }, survey.questions[1], survey.questions[2]],
    }
    const calls = install([
      { status: 200, body: en },
      { status: 201, body: { token: 'T1', expires_at: 0 } },
      { status: 409, body: { code: 'failed_precondition', message: 'used', details: { field: 'token', reason: 'token_used' } } },
    ])
    const w = mount(SurveyPage, { attachTo: document.body })
    await flushPromises()
    expect(document.documentElement.lang).toBe('en')
    expect(w.find('h1').text()).toBe('2026 public satisfaction survey')
    expect(w.find('.sv-intro').text()).toBe('Thank you')
    expect(w.find('[data-testid="q-q1"] .sv-q').text()).toContain('Public services')
    expect(w.find('[data-testid="q-district"] .sv-q').text()).toContain('所在区')
    expect(w.findAll('[data-testid^="q-q1-opt-"]').map((b) => b.text())).toEqual(
      ['Very satisfied', 'Satisfied', 'Fairly satisfied', 'Dissatisfied', 'Very dissatisfied', "Don't know"])
    expect(w.find('[data-testid="survey-submit"]').text()).toBe('Submit')
    expect(w.find('[data-testid="survey-progress"]').text()).toBe('0% done')
    expect(calls[0].headers['Accept-Language']).toBe('en-US')

    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid="q-q1-error"]').text()).toBe('Please answer this question')
    expect(w.find('[data-testid="survey-alert"]').text()).toBe('2 question(s) still need an answer or a correction')

    // The switch: Chinese now and on the next visit; messages in the old language are dropped.
    await w.find('[data-testid="survey-lang"]').trigger('click')
    expect(w.find('h1').text()).toBe('2026年度群众满意度调查')
    expect(w.find('[data-testid="survey-submit"]').text()).toBe('提交')
    expect(w.find('[data-testid="survey-alert"]').exists()).toBe(false)
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(localStorage.getItem('govperf.survey.lang')).toBe('zh-CN')
    await w.find('[data-testid="survey-lang"]').trigger('click')
    expect(w.find('[data-testid="survey-lang"]').text()).toBe('中文')

    await w.find('[data-testid="q-q1-opt-5"]').trigger('click')
    await w.find('[data-testid="q-district-opt-D01"]').trigger('change')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid="survey-stop"]').text()).toBe('This survey has already been answered on this device. Thank you for taking part!')
    await w.find('[data-testid="survey-lang"]').trigger('click')
    expect(w.find('[data-testid="survey-stop"]').text()).toBe('本设备已经提交过这份问卷，感谢您的参与！')
    w.unmount()
  })

  it('takes ?lang= before the browser language', async () => {
    setBrowserLanguage('en-US')
    window.history.replaceState(null, '', '/s/s1?lang=zh')
    install([{ status: 200, body: { ...survey, status: 'closed' } }])
    const w = mount(SurveyPage)
    await flushPromises()
    expect(w.find('[data-testid="survey-stop"]').text()).toBe('本次调查已结束，感谢您的关注。')
    await w.find('[data-testid="survey-lang"]').trigger('click')
    expect(w.find('[data-testid="survey-stop"]').text()).toBe('This survey has ended. Thank you for your interest.')
    w.unmount()
  })

  it('says so when the survey is closed', async () => {
    install([{ status: 200, body: { ...survey, status: 'closed' } }])
    const w = mount(SurveyPage)
    await flushPromises()
    expect(w.find('[data-testid="survey-stop"]').text()).toContain('已结束')
  })
})
