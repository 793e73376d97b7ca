import {describe, expect, it} from 'vitest'
// @ts-expect-error: plain JavaScript module shared with `pnpm corpus`.
import * as corpus from '../scripts/corpus-evaluation.js'

interface Result {
  name: string
  file: {value: unknown}
  messages: Array<{ruleId?: string; line?: number; column?: number; place?: unknown; reason: string}>
}

interface Row {
  column: string
  ruleId: string
  active: boolean
  precision?: number
  recall?: number
}

/**
 * Lowest agreement with LABELS.tsv each rule may fall to: a guard against
 * regressions on real documents. `pnpm corpus --verbose` shows the figures
 * and each disagreement.
 */
const floors: Record<string, {precision: number; recall: number}> = {
  'postmortem-required-sections': {precision: 0.9, recall: 0.9},
  // Measured 2 TP, 0 FP, 0 FN, 78 TN: one false alarm is allowed, a missed disorder is not.
  'postmortem-timeline-order': {precision: 0.66, recall: 1},
  // Measured 20 TP, 0 FP, 0 FN, 60 TN; one slip either way is allowed, two are not.
  'postmortem-timeline-timezone': {precision: 0.95, recall: 0.95},
  // Measured 18 TP, 0 FP, 0 FN, 62 TN; one slip either way is allowed, two are not.
  'postmortem-impact-quantified': {precision: 0.94, recall: 0.94},
  // Measured 71 TP, 0 FP, 1 FN, 8 TN; one more slip either way is allowed, two are not.
  'postmortem-actionable-tasks': {precision: 0.98, recall: 0.97}
}

describe.runIf(corpus.corpusAvailable())('the real postmortems of ../shared/corpus', async () => {
  const results: Result[] = await corpus.lintCorpus()

  it('lints every file without a crash, and every message points inside its file', () => {
    expect(results.length).toBeGreaterThan(90)
    for (const result of results) {
      const lines = String(result.file.value).split(/\r?\n|\r/).length
      for (const message of result.messages) {
        expect(message.ruleId, `${result.name}: ${message.reason}`).toMatch(/^postmortem-/)
        expect(message.line, `${result.name}: ${message.reason}`).toBeGreaterThanOrEqual(1)
        expect(message.line, `${result.name}: ${message.reason}`).toBeLessThanOrEqual(lines)
      }
    }
  })

  it('gives one clear message, not a list, on files that are not postmortems', () => {
    const notPostmortems = results.filter((item) => item.name.startsWith('not-postmortem-'))
    expect(notPostmortems.length).toBeGreaterThanOrEqual(5)
    for (const result of notPostmortems) {
      // The assignment's text (002) says what each section must contain.
      const why = result.name === 'not-postmortem-002.md' ? 'it says what each section' : 'no section of the'
      const expected = `postmortem-required-sections: Unexpected document that does not read as a postmortem (${why}`
      expect(
        result.messages.map((message) => `${message.ruleId}: ${message.reason}`.slice(0, expected.length)),
        result.name
      ).toEqual([expected])
    }
  })

  const rows: Row[] = corpus.agreement(results, await corpus.activeRuleIds())
  for (const row of rows.filter((item) => item.active)) {
    const floor = floors[row.ruleId]
    it(`agrees with the \`${row.column}\` labels`, () => {
      expect(floor, `a floor for ${row.ruleId} in this test`).toBeDefined()
      expect(row.precision).toBeGreaterThanOrEqual(floor?.precision ?? 0)
      expect(row.recall).toBeGreaterThanOrEqual(floor?.recall ?? 0)
    })
  }
})
