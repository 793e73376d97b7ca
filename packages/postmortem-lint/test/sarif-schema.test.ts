/**
 * The SARIF log as its consumers read it: valid against the SARIF 2.1.0
 * JSON schema (the one GitHub code scanning and the SARIF tools check
 * against), for a run with messages of every rule and for a run stopped by
 * a configuration problem.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import Ajv from 'ajv-draft-04'
import remarkParse from 'remark-parse'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {sarifLog} from '../src/index.js'

const require = createRequire(import.meta.url)
const schema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')
) as object
// The schema's pattern for a language tag is no valid regular expression with the `u` flag.
const validate = new Ajv({allErrors: true, strict: false, unicodeRegExp: false}).compile(schema)

function problemsOf(log: unknown): string[] {
  validate(log)
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`)
}

const bad = [
  '# Checkout outage',
  '',
  '## Summary',
  '',
  'Some users could not check out on 4 July 2024.',
  '',
  '**Timeline**',
  '',
  '- 10:00 PST deploy',
  '- 09:30 PST rollback',
  '',
  '## Action items',
  '',
  '- Improve monitoring',
  ''
].join('\n')

describe('the SARIF log', () => {
  it('is valid SARIF 2.1.0 with a result of each rule', async () => {
    const processor = unified().use(remarkParse).use(remarkPresetLintPostmortem)
    const file = new VFile({path: '/project/docs/outage.md', cwd: '/project', value: bad})
    await processor.run(processor.parse(file), file)
    const log = sarifLog([file], '/project')
    const ruleIds = new Set(log.runs[0]?.results?.map((result) => result.ruleId))
    expect([...ruleIds].sort()).toEqual([
      'postmortem-actionable-tasks',
      'postmortem-impact-quantified',
      'postmortem-required-sections',
      'postmortem-timeline-order',
      'postmortem-timeline-timezone'
    ])
    expect(problemsOf(log)).toEqual([])
  })

  it('is valid SARIF 2.1.0 when the run stopped on a configuration problem', () => {
    const log = sarifLog([], '/project', {problems: ['Unexpected field `plugin` in `.remarkrc.json`']})
    expect(log.runs[0]?.results).toEqual([])
    expect(problemsOf(log)).toEqual([])
  })

  it('is checked for real: a log without its version is not valid', () => {
    const {version: _, ...log} = sarifLog([], '/project')
    expect(problemsOf(log)).toEqual([" must have required property 'version'"])
  })
})
