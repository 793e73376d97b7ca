import type {Root} from 'mdast'
import {booleanOption, definePostmortemRule, type Profile} from 'mdast-util-postmortem'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'

// The remark CLI attaches every plugin afresh for each file, with the same
// options: a rule makes its settings once per options, not once per file.

/** A rule that counts how often its settings are made, and reports which it got. */
function countingRule() {
  const made: Array<{loud: boolean; profile: Profile}> = []
  const rule = definePostmortemRule({
    name: 'counting',
    options: {loud: booleanOption({default: false, description: 'Say more.'})},
    settings(options, profile) {
      const settings = {loud: options.loud, profile}
      made.push(settings)
      return settings
    },
    check(_postmortem, file, settings) {
      file.message(`settings ${made.indexOf(settings)}`)
    }
  })
  return {rule, made}
}

async function reasons(plugins: Parameters<ReturnType<typeof unified>['use']>[0]): Promise<string[]> {
  const processor = unified().use(remarkParse).use(plugins)
  const file = new VFile({path: 'a.md', value: '# Incident\n'})
  await processor.run(processor.parse(file) as Root, file)
  return file.messages.map((message) => message.reason)
}

describe('rule settings', () => {
  it('are made once for the same options, across processors', async () => {
    const {rule, made} = countingRule()
    expect(await reasons([[rule, {loud: true}]])).toEqual(['settings 0'])
    expect(await reasons([[rule, {loud: true}]])).toEqual(['settings 0'])
    expect(await reasons([[rule, ['warn', {loud: true}]]])).toEqual(['settings 0'])
    expect(made).toHaveLength(1)
  })

  it('are made anew for other options, and keys in another order are the same options', async () => {
    const {rule, made} = countingRule()
    expect(await reasons([[rule, {loud: true, profile: 'generic'}]])).toEqual(['settings 0'])
    expect(await reasons([[rule, {profile: 'generic', loud: true}]])).toEqual(['settings 0'])
    expect(await reasons([[rule, {loud: false}]])).toEqual(['settings 1'])
    expect(await reasons([[rule, {profile: 'holberton', loud: true}]])).toEqual(['settings 2'])
    expect(made.map((settings) => [settings.loud, settings.profile.id])).toEqual([
      [true, 'generic'],
      [false, 'generic'],
      [true, 'holberton']
    ])
  })

  it('read a profile written out in the options by what it holds', async () => {
    const {rule, made} = countingRule()
    const own = () => ({id: 'team', extends: 'generic', sections: [{id: 'review', title: 'Review'}]})
    expect(await reasons([[rule, {profile: own()}]])).toEqual(['settings 0'])
    expect(await reasons([[rule, {profile: own()}]])).toEqual(['settings 0'])
    expect(await reasons([[rule, {profile: {...own(), id: 'other'}}]])).toEqual(['settings 1'])
    expect(made.map((settings) => settings.profile.id)).toEqual(['team', 'other'])
  })

  it('still reject a bad option on every attach', () => {
    const {rule} = countingRule()
    for (let round = 0; round < 2; round++) {
      expect(() => unified().use(remarkParse).use(rule, {loud: 'yes'}).freeze()).toThrow(
        /^postmortem-counting: .*`loud`.*expected/
      )
    }
  })
})
