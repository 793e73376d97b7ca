import remarkParse from 'remark-parse'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {type PluggableList, unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {rules} from './support.js'

// Bad configuration fails at once, when the plugins are attached, with one
// line that names the option and says what is allowed. Every option of
// every rule of the preset gets its own test, so a new rule or option is
// covered the moment it lands.

/** A value of each JSON type that a config file can hold. */
const candidates: ReadonlyArray<readonly [string, unknown]> = [
  ['a boolean', true],
  ['a fraction', 42.5],
  ['an unknown word', 'not-a-known-value'],
  ['a list of numbers', [42]],
  ['an object of unknown keys', {notAKey: 42}]
]

/** The error attaching `plugins` throws, if any. */
function attachError(plugins: PluggableList): unknown {
  try {
    unified().use(remarkParse).use(plugins).freeze()
  } catch (error) {
    return error
  }
  return undefined
}

/** What is wrong with a configuration error, or nothing. */
function errorProblem(error: unknown, option: string): string | undefined {
  if (!(error instanceof Error)) return `no error (got ${String(error)})`
  if (error.name !== 'OptionError') return `a ${error.name}, not an OptionError: ${error.message}`
  if (error.message.includes('\n')) return `more than one line: ${error.message}`
  if (!error.message.includes(option)) return `no mention of \`${option}\`: ${error.message}`
  if (!error.message.includes('expected')) return `no "expected": ${error.message}`
  return undefined
}

describe('bad configuration of the preset', () => {
  for (const [label, value] of candidates) {
    it(`\`profile\` as ${label}`, () => {
      const error = attachError([[remarkPresetLintPostmortem, {profile: value}]])
      expect(errorProblem(error, 'profile')).toBeUndefined()
    })
  }

  it('an unknown option', () => {
    const error = attachError([[remarkPresetLintPostmortem, {profiel: 'generic'}]])
    expect(errorProblem(error, 'profiel')).toBeUndefined()
    expect(String((error as Error).message)).toContain('profile')
  })

  it('options that are not an object', () => {
    const error = attachError([[remarkPresetLintPostmortem, 'holberton']])
    expect(errorProblem(error, 'remark-preset-lint-postmortem')).toBeUndefined()
  })
})

for (const rule of rules) {
  describe(`bad configuration of ${rule.ruleId}`, () => {
    for (const option of rule.optionNames) {
      it(`\`${option}\` of a wrong type`, () => {
        const rejected: string[] = []
        const problems: string[] = []
        for (const [label, value] of candidates) {
          const error = attachError([[rule, {[option]: value}]])
          if (error === undefined) continue
          rejected.push(label)
          const problem = errorProblem(error, option)
          if (problem) problems.push(`${label}: ${problem}`)
          // The same through the preset, and with a severity.
          const viaPreset = attachError([remarkPresetLintPostmortem, [rule, ['error', {[option]: value}]]])
          const presetProblem = errorProblem(viaPreset, option)
          if (presetProblem) problems.push(`${label} after the preset, with a severity: ${presetProblem}`)
        }
        expect(problems).toEqual([])
        // An option takes one or two of these types at most; the others
        // must be refused.
        expect(rejected.length, `refused: ${rejected.join(', ')}`).toBeGreaterThanOrEqual(candidates.length - 2)
      })
    }

    it('an unknown option', () => {
      const error = attachError([[rule, {notAnOption: true}]])
      expect(errorProblem(error, 'notAnOption')).toBeUndefined()
      for (const option of rule.optionNames) expect((error as Error).message).toContain(option)
    })

    it('options that are not an object', () => {
      const error = attachError([[rule, 'generic']])
      expect(errorProblem(error, rule.ruleId)).toBeUndefined()
    })
  })
}
