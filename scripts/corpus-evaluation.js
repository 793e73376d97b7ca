// Lint the real postmortems of `../shared/corpus/` (read where they lie,
// never copied) and measure how the rules agree with the reviewers' labels
// in `LABELS.tsv`. Used by `pnpm corpus` and by the corpus test.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import remarkParse from 'remark-parse'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {unified} from 'unified'
import {VFile} from 'vfile'

export const corpusDir = path.resolve(fileURLToPath(import.meta.url), '../../../shared/corpus')

/**
 * The label columns, each with the rule whose messages answer it. `missing`
 * is compared per section id; the others per file (does the rule warn?).
 * `other` matches messages of the rule that answer another question than the
 * column (a timeline whose entries have no time says nothing about order).
 */
export const columns = [
  {column: 'missing', ruleId: 'postmortem-required-sections'},
  {
    column: 'timeline_order',
    ruleId: 'postmortem-timeline-order',
    other: /^Unexpected timeline with \d+ (?:entry|entries) and no time leading any/
  },
  {column: 'timeline_timezone', ruleId: 'postmortem-timeline-timezone'},
  {column: 'impact_unquantified', ruleId: 'postmortem-impact-quantified'},
  {column: 'tasks_not_actionable', ruleId: 'postmortem-actionable-tasks'}
]

/** @returns {boolean} */
export function corpusAvailable() {
  return existsSync(path.join(corpusDir, 'LABELS.tsv'))
}

/** @returns {Map<string, Record<string, string>>} label rows by file name */
export function readLabels() {
  const [head, ...rows] = readFileSync(path.join(corpusDir, 'LABELS.tsv'), 'utf8').trim().split('\n')
  const names = (head ?? '').split('\t')
  return new Map(
    rows.map((row) => {
      const cells = row.split('\t')
      return [cells[0] ?? '', Object.fromEntries(names.map((name, index) => [name, cells[index] ?? '']))]
    })
  )
}

/** @returns {string[]} the Markdown files of the corpus */
export function corpusFiles() {
  return readdirSync(corpusDir)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort()
}

/** The profile a file is linted with: its label's, else by its name. */
export function profileFor(name, labels) {
  const label = labels.get(name)
  if (label?.profile) return label.profile
  return name.startsWith('student') || name.startsWith('seed') ? 'holberton' : 'generic'
}

/**
 * Lint one corpus file with the preset.
 * @returns {Promise<{file: VFile, messages: import('vfile-message').VFileMessage[]}>}
 */
export async function lintCorpusFile(name, profile) {
  const file = new VFile({path: path.join(corpusDir, name), value: readFileSync(path.join(corpusDir, name), 'utf8')})
  const processor = unified().use(remarkParse).use(remarkPresetLintPostmortem, {profile})
  await processor.run(processor.parse(file), file)
  return {file, messages: [...file.messages]}
}

/** Lint every corpus file. */
export async function lintCorpus() {
  const labels = readLabels()
  const results = []
  for (const name of corpusFiles()) {
    const profile = profileFor(name, labels)
    const {file, messages} = await lintCorpusFile(name, profile)
    results.push({name, profile, file, messages, label: labels.get(name)})
  }
  return results
}

function ratio(part, whole) {
  return whole === 0 ? 1 : part / whole
}

/**
 * Agreement of each rule with its label column over the labelled files.
 * A `-` label (nothing to check) counts as "should not warn".
 */
export function agreement(results, activeRules) {
  const report = []
  for (const {column, ruleId, other} of columns) {
    if (!activeRules.has(ruleId)) {
      report.push({column, ruleId, active: false})
      continue
    }
    let tp = 0
    let fp = 0
    let fn = 0
    let tn = 0
    const disagreements = []
    for (const result of results) {
      if (!result.label) continue
      const mine = result.messages.filter((message) => message.ruleId === ruleId && !other?.test(message.reason))
      if (column === 'missing') {
        const expected = new Set(result.label.missing.split(',').filter(Boolean))
        const got = new Set(
          mine
            .filter((message) => message.reason.startsWith('Unexpected missing section'))
            .map((message) => message.section)
        )
        for (const id of got) {
          if (expected.has(id)) tp++
          else {
            fp++
            disagreements.push({file: result.name, kind: 'FP', detail: id})
          }
        }
        for (const id of expected) {
          if (!got.has(id)) {
            fn++
            disagreements.push({file: result.name, kind: 'FN', detail: id})
          }
        }
        continue
      }
      const expected = result.label[column] === '1'
      const got = mine.length > 0
      if (expected && got) tp++
      else if (expected) {
        fn++
        disagreements.push({file: result.name, kind: 'FN', detail: result.label.note})
      } else if (got) {
        fp++
        disagreements.push({file: result.name, kind: 'FP', detail: mine[0]?.reason ?? ''})
      } else tn++
    }
    report.push({
      column,
      ruleId,
      active: true,
      tp,
      fp,
      fn,
      tn,
      precision: ratio(tp, tp + fp),
      recall: ratio(tp, tp + fn),
      disagreements
    })
  }
  return report
}

/** The rule ids the preset turns on. */
export async function activeRuleIds() {
  const {rules} = await import('remark-preset-lint-postmortem')
  return new Set(rules.map((rule) => rule.name.replace(/^remark-lint:/, '')))
}
