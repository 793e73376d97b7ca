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
  // Measured on the 127 labelled files: 86 TP, 1 FP, 0 FN.
  'postmortem-required-sections': {precision: 0.98, recall: 1},
  // Measured 5 TP, 0 FP, 0 FN.
  'postmortem-timeline-order': {precision: 1, recall: 1},
  // Measured 28 TP, 0 FP, 1 FN.
  'postmortem-timeline-timezone': {precision: 1, recall: 1},
  // Measured 33 TP, 0 FP, 0 FN.
  'postmortem-impact-quantified': {precision: 1, recall: 1},
  // Measured 112 TP, 0 FP, 4 FN (two of them prose-only files whose missing
  // section required-sections reports, once).
  'postmortem-actionable-tasks': {precision: 1, recall: 0.96}
}

const available: boolean = corpus.corpusAvailable()
if (!available) console.warn(`Corpus tests skipped: no corpus at ${corpus.corpusDir} (CI has it beside the checkout).`)

describe.runIf(available)('the real postmortems of ../shared/corpus', async () => {
  // The body is read even when the tests are skipped: lint only when there is a corpus.
  const results: Result[] = available ? await corpus.lintCorpus() : []

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
      // The assignment's texts (002, 003) say what each section must contain.
      const why = ['not-postmortem-002.md', 'not-postmortem-003.md'].includes(result.name)
        ? 'it says what each section'
        : ''
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
