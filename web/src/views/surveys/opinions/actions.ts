// What the opinions page may offer for an opinion and what it checks before
// sending (docs/design/survey.md "Opinions"): the office dismisses any open
// opinion — routed, answered, or not yet routed to a unit — and must give a
// reason; it closes an unanswered opinion only with a note (or as a
// rectification item). The note is the office's, shown apart from the answer.
import type { Opinion } from '@/api/surveys'

export type OpinionAction = 'answer' | 'close' | 'dismiss' | 'route'

/** Routed or answered: still to be closed or dismissed. */
export const isOpen = (o: Pick<Opinion, 'state'>) => o.state === 'routed' || o.state === 'answered'

/** Text with no words: only spaces (ASCII or the ideographic space) and line breaks. */
export const isBlank = (s: string) => !s.replace(/[\s\u3000]/g, '')

/** The i18n key of the label of an opinion's note, or '' when it has none. */
export function noteLabelKey(o: Pick<Opinion, 'state' | 'note'>): string {
  if (!o.note) return ''
  return o.state === 'dismissed' ? 'opinions.dismissReason' : 'opinions.closeNote'
}

/** The i18n key of what is missing before `action` can be sent, or ''. */
export function actionProblem(action: OpinionAction, text: string, o: Pick<Opinion, 'answer'>, rectification = false): string {
  if (action === 'dismiss' && isBlank(text)) return 'opinions.reasonRequired'
  if (action === 'close' && isBlank(text) && !o.answer && !rectification) return 'opinions.noteRequired'
  if (action === 'answer' && isBlank(text)) return 'opinions.answerRequired'
  return ''
}
