import remarkLintPostmortemImpactQuantified from 'remark-lint-postmortem-impact-quantified'
import remarkParse from 'remark-parse'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {placeText} from '../../../test/helpers/lint.js'
import {fixtureReader, ruleHarness} from '../../../test/helpers/rule-harness.js'

const ruleId = 'postmortem-impact-quantified'
const read = fixtureReader('impact')
const {messagesOf, reasons} = ruleHarness(remarkLintPostmortemImpactQuantified)

const noQuantity =
  'Unexpected impact with no quantity, expected how many (`40% of users`, `1,200 orders`), how long (`for 2 hours`) or how much (`$5,000`)'
const noUsers =
  'Unexpected impact with no number of users affected, expected a share or a count (`40% of users`, `1,200 customers`)'
const usersVague = (word: string) =>
  `Unexpected vague quantifier \`${word}\`, expected how many users as a share or a count (\`40% of users\`, \`1,200 users\`)`

describe('postmortem-impact-quantified on the fixtures', () => {
  it.each([
    ['impact-section.md', 'generic'],
    ['labelled.md', 'generic'],
    ['holberton-summary.md', 'holberton'],
    ['duration-heading.md', 'generic'],
    ['label-count.md', 'holberton'],
    ['html.md', 'holberton'],
    ['indented.md', 'holberton'],
    ['wrapped.md', 'generic'],
    ['overview-label.md', 'holberton'],
    ['table.md', 'generic'],
    ['compound.md', 'generic']
  ])('finds the quantities of %s (%s)', async (name, profile) => {
    expect(await reasons(read(name), {profile})).toEqual([])
  })

  it('reads each kind of a table of impact figures', async () => {
    const markdown = read('table.md')
    expect(await reasons(markdown, {require: ['count', 'rate', 'duration']})).toEqual([])
    expect(await reasons(markdown, {require: ['users', 'money']})).toEqual([
      `7:1-7:10: ${noUsers}`,
      '7:1-7:10: Unexpected impact with no cost, expected an amount of money (`$5,000`, `€1.2k`)'
    ])
  })

  it('reports a postmortem with no impact statement, at its summary', async () => {
    expect(await reasons(read('no-statement.md'))).toEqual([
      '3:1-3:11: Unexpected postmortem with no impact statement, expected an `Impact` section that says how many users were affected and for how long'
    ])
  })

  it('asks the Issue Summary for the impact under the holberton profile', async () => {
    expect(await reasons(read('no-statement.md'), {profile: 'holberton'})).toEqual([
      '3:1-3:11: Unexpected postmortem with no impact statement, expected the `Issue Summary` to say how many users were affected and for how long'
    ])
  })

  it('reports an impact with no quantity at its first sentence: status codes, dates, times and names are not quantities', async () => {
    expect(await reasons(read('status-codes.md'), {profile: 'holberton'})).toEqual([`2:1-2:98: ${noQuantity}`])
    expect(await reasons(read('unknown-sections.md'), {profile: 'holberton'})).toEqual([`1:1-2:120: ${noQuantity}`])
  })

  it('reads words that are names of object properties as words, not as numbers', async () => {
    const noQuantity =
      'Unexpected impact with no quantity, expected how many (`40% of users`, `1,200 orders`), how long (`for 2 hours`) or how much (`$5,000`)'
    for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(await reasons(`## Impact\n\nThe ${word} of the client failed for everyone.\n`)).toEqual([
        `1:1-1:10: ${noQuantity}`
      ])
    }
  })

  it('takes a number after a version, a runtime or a system name for its name, not a count', async () => {
    expect(await reasons(read('identifiers.md'))).toEqual([`7:1-7:10: ${noQuantity}`])
    expect(await reasons(read('compound.md'), {require: ['duration', 'rate']})).toEqual([])
  })

  it('reports the vague word standing in for the number, not the start and end times', async () => {
    expect(await reasons(read('times-only.md'), {profile: 'holberton'})).toEqual([
      `4:46-4:54: ${usersVague('Multiple')}`
    ])
    expect(await reasons(read('quoted.md'), {profile: 'holberton'})).toEqual([`4:70-4:74: ${usersVague('most')}`])
  })

  it('places a word of an item whose task box is alone on its line on the line after the box', async () => {
    // The parser moves the text's start past the box on the box's line.
    expect(await reasons(read('task-box-line.md'))).toEqual([
      '12:3-12:7: Unexpected vague quantifier `Some`, expected how many customers as a share or a count (`40% of customers`, `1,200 customers`)'
    ])
    // With a space after the box, the same.
    const spaced = read('task-box-line.md').replace('- [x]\n  Some', '- [x] \n  Some')
    expect(await reasons(spaced)).toEqual([
      '12:3-12:7: Unexpected vague quantifier `Some`, expected how many customers as a share or a count (`40% of customers`, `1,200 customers`)'
    ])
    // And with `\r\n` line endings, where the parser leaves the `\n` after the box in the text.
    expect(await reasons(spaced.replaceAll('\n', '\r\n'))).toEqual([
      '12:3-12:7: Unexpected vague quantifier `Some`, expected how many customers as a share or a count (`40% of customers`, `1,200 customers`)'
    ])
  })

  it('places a line that follows an inline link on its own line, whatever the line endings', async () => {
    // The text after the link starts with the line ending (`\r\n` here).
    const markdown =
      '# Checkout outage\n\n## Impact\n\nCheckout failed, as [the status page](https://status.example.com)\nsaid from 10:00 to 10:40 UTC.\n'
    const expected = [
      '5:1-6:30: Unexpected impact given as a start and an end time (`10:00` to `10:40`), expected how long it lasted (`for 40 minutes`)'
    ]
    expect(await reasons(markdown)).toEqual(expected)
    expect(await reasons(markdown.replaceAll('\n', '\r\n'))).toEqual(expected)
    expect(await reasons(markdown.replaceAll('\n', '\r'))).toEqual(expected)
  })

  it('reads a `Total time:` line nested under a `Time:` item as the duration', async () => {
    expect(await reasons(read('total-time.md'))).toEqual([])
    const without = read('total-time.md').replace('  - Total time: 17 minutes down\n', '')
    expect(await reasons(without)).toEqual([`8:3-8:25: ${noQuantity}`])
  })

  it('says how long a start and an end time make, where the impact gives only those', async () => {
    expect(await reasons(read('start-end-only.md'))).toEqual([
      '9:1-9:49: Unexpected impact given as a start and an end time (`10:00` to `10:40`), expected how long it lasted (`for 40 minutes`)'
    ])
    // With a duration written, nothing to say.
    const written = read('start-end-only.md').replace('10:40 UTC.', '10:40 UTC, for 40 minutes.')
    expect(await reasons(written)).toEqual([])
  })

  it('reports the impact instead of vague words with `vague: false`, at the impact label', async () => {
    // The `Duration:` line gives a start and an end, not how long.
    expect(await reasons(read('times-only.md'), {profile: 'holberton', vague: false})).toEqual([
      '2:3-2:93: Unexpected impact given as a start and an end time (`10:20 pm` to `3:00 pm`), expected how long it lasted (`for 2 hours`)'
    ])
  })

  it('reports each required kind that is missing, at the impact heading', async () => {
    expect(await reasons(read('impact-section.md'), {require: ['money', 'rate', 'budget', 'duration']})).toEqual([])
    expect(await reasons(read('impact-section.md'), {require: ['users']})).toEqual([`7:1-7:10: ${noUsers}`])
    expect(await reasons(read('labelled.md'), {require: ['users', 'duration']})).toEqual([`5:1-5:8: ${noUsers}`])
    expect(await reasons(read('label-count.md'), {profile: 'holberton', require: ['users', 'duration']})).toEqual([
      '3:3-3:43: Unexpected impact given as a start and an end time (`11:25 pm` to `11:40 pm`), expected how long it lasted (`for 15 minutes`)'
    ])
  })

  it('reports a vague word where a required kind is missing, even when other quantities are given', async () => {
    const markdown = '## Summary\n\nCheckout failed.\n\n## Impact\n\nMost users could not pay for 2 hours.\n'
    expect(await reasons(markdown)).toEqual([])
    expect(await reasons(markdown, {require: ['users']})).toEqual([`7:1-7:5: ${usersVague('Most')}`])
  })

  it('takes extra vague words and count nouns', async () => {
    const markdown = '## Summary\n\nThe mirror served 12 broken casks.\n\n## Impact\n\nLoads of users saw it.\n'
    expect(await reasons(markdown, {vagueWords: ['loads of']})).toEqual([`7:1-7:9: ${usersVague('Loads of')}`])
    expect(await reasons(markdown, {units: ['cask']})).toEqual([])
  })

  it('stays silent on a file that is not a postmortem, but checks an impact section alone', async () => {
    expect(await reasons('https://docs.example.com/incident-42\n')).toEqual([])
    expect(await reasons('## Impact\n\nSome users saw errors.\n')).toEqual([`3:1-3:5: ${usersVague('Some')}`])
  })

  it('gives messages their rule id, section, and the vague word as `actual`', async () => {
    const [message] = await messagesOf(read('times-only.md'), {profile: 'holberton'})
    expect(message?.source).toBe('remark-lint')
    expect(message?.url).toBe(
      'https://github.com/postmortem-lint/postmortem-lint/blob/main/docs/rules/impact-quantified.md'
    )
    expect((message as unknown as {section?: string}).section).toBe('impact')
    expect(message?.actual).toBe('Multiple')
  })

  it('never needs positions', async () => {
    // Positions are removed from the tree before any rule runs.
    async function withoutPositions(markdown: string, profile: string) {
      const processor = unified().use(remarkParse).use(remarkPresetLintPostmortem, {profile})
      const file = new VFile({path: 'example.md', value: markdown})
      const tree = processor.parse(file)
      visit(tree, (node) => {
        delete node.position
      })
      await processor.run(tree, file)
      return file.messages
        .filter((message) => message.ruleId === ruleId)
        .map((message) => `${placeText(message)}: ${message.reason}`)
    }
    expect(await withoutPositions(read('times-only.md'), 'holberton')).toEqual([`0:0: ${usersVague('Multiple')}`])
    expect(await withoutPositions(read('status-codes.md'), 'holberton')).toEqual([`0:0: ${noQuantity}`])
    expect(await withoutPositions(read('no-statement.md'), 'generic')).toEqual([
      '0:0: Unexpected postmortem with no impact statement, expected an `Impact` section that says how many users were affected and for how long'
    ])
    expect(await withoutPositions(read('impact-section.md'), 'generic')).toEqual([])
  })
})

describe('postmortem-impact-quantified options', () => {
  function attach(options: unknown) {
    return () => unified().use(remarkParse).use(remarkLintPostmortemImpactQuantified, options).freeze()
  }

  it.each([
    [
      {require: ['users affected']},
      "postmortem-impact-quantified: Unexpected value `\"users affected\"` in `require`, expected `'users'`, `'duration'`, `'share'`, `'count'`, `'money'`, `'rate'`, or `'budget'`"
    ],
    [
      {require: 'users'},
      "postmortem-impact-quantified: Unexpected value `\"users\"` for `require`, expected a list of `'users'`, `'duration'`, `'share'`, `'count'`, `'money'`, `'rate'`, or `'budget'`"
    ],
    [{vague: 'yes'}, 'postmortem-impact-quantified: Unexpected value `"yes"` for `vague`, expected `true` or `false`'],
    [
      {vagueWords: [1]},
      'postmortem-impact-quantified: Unexpected value `[1]` for `vagueWords`, expected a list of non-empty strings'
    ],
    [
      {units: 'cask'},
      'postmortem-impact-quantified: Unexpected value `"cask"` for `units`, expected a list of non-empty strings'
    ],
    [
      {requires: ['users']},
      "postmortem-impact-quantified: Unexpected option `requires` for `postmortem-impact-quantified`, expected `'profile'`, `'require'`, `'vague'`, `'vagueWords'`, or `'units'`"
    ]
  ])('fails at once on %j', (options, message) => {
    expect(attach(options)).toThrow(message)
  })

  it('accepts its options', () => {
    expect(
      attach({require: ['users', 'duration'], vague: false, vagueWords: ['loads of'], units: ['cask']})
    ).not.toThrow()
  })
})
