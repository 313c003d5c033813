// Entry of the phone questionnaire (/s/{survey_id}): plain Vue, no Element
// Plus, router or vue-i18n, so the page stays small on a slow network
// (budget checked by scripts/check-survey-budget.mjs after every build).
import { createApp } from 'vue'
import SurveyPage from './SurveyPage.vue'
import './survey.css'

createApp(SurveyPage).mount('#survey')
