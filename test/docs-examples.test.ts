import {describe, expect, it} from 'vitest'
import {readDocExamples, ruleDocPages} from './helpers/doc-examples.js'
import {lint, placeText} from './helpers/lint.js'
import {ruleByName} from './helpers/rules.js'

// Every example on every rule page is a test: the page shows the exact
// messages, and the rule must give exactly those.
for (const {rule, path} of ruleDocPages()) {
  describe(`docs/rules page of ${rule}`, () => {
    const examples = readDocExamples(path)
    it('has examples, valid and invalid', () => {
      expect(examples.some((example) => example.messages.length === 0)).toBe(true)
      expect(examples.some((example) => example.messages.length > 0)).toBe(true)
    })
    for (const example of examples) {
      const plugins = example.options ? [[ruleByName(rule), example.options] as const] : []
      const preset = example.options && 'profile' in example.options ? {profile: example.options.profile} : undefined
      it(example.title, async () => {
        const messages = (await lint(example.input, {plugins: plugins as never, preset})).filter(
          (message) => message.ruleId === rule
        )
        expect(messages.map((message) => `${placeText(message)}: ${message.reason}`)).toEqual(example.messages)
      })
      it(`${example.title} (without positions)`, async () => {
        const messages = (await lint(example.input, {plugins: plugins as never, preset, stripPositions: true})).filter(
          (message) => message.ruleId === rule
        )
        expect(messages.map((message) => message.reason).sort()).toEqual(
          example.messages.map((line) => line.replace(/^[\d:-]+: /, '')).sort()
        )
      })
    }
  })
}
