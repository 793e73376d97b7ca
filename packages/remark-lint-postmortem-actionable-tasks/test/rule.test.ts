import remarkLintPostmortemActionableTasks from 'remark-lint-postmortem-actionable-tasks'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {placeText} from '../../../test/helpers/lint.js'
import {fixtureReader, ruleHarness} from '../../../test/helpers/rule-harness.js'

const ruleId = 'postmortem-actionable-tasks'
const read = fixtureReader('tasks')
const {messagesOf, reasons} = ruleHarness(remarkLintPostmortemActionableTasks)

const verbFirst = 'expected an imperative verb first, such as `Add …` or `Fix …`'
const concrete = 'expected what exactly changes: the system, check or threshold'
const goal = 'expected how: the change that does it (`… by adding …`, `… with …`)'
const cadence = 'expected how often (`weekly`, `every release`) or a one-off task'

describe('postmortem-actionable-tasks', () => {
  it('accepts concrete tasks: task-list items, titles, sub-items, owners and tickets', async () => {
    expect(await reasons(read('valid.md'))).toEqual([])
    expect(await reasons(read('valid.md'), {require: ['owner', 'due', 'ticket']})).toEqual([])
  })

  it('places a task written on the line after its empty task box on that line', async () => {
    // `- [ ] ` alone: the item's text starts on the next line, not past the box.
    expect(await reasons(read('box-alone.md'))).toEqual([
      `9:1-9:19: Unexpected task \`improve monitoring\` that is vague (\`improve\` with no concrete object), ${concrete}`
    ])
    // With `\r\n` line endings the parser leaves the `\n` after the box in the text: the same place.
    expect(await reasons(read('box-alone.md').replaceAll('\n', '\r\n'))).toEqual([
      `9:1-9:19: Unexpected task \`improve monitoring\` that is vague (\`improve\` with no concrete object), ${concrete}`
    ])
  })

  it('reports a follow-up section written as prose, once, at its heading', async () => {
    expect(await reasons(read('prose.md'))).toEqual([
      '7:1-7:40: Unexpected follow-up section `Corrective and preventative measures` without a list of tasks, expected one task per list item, such as `- Add an alert on …`'
    ])
  })

  it('reports lines meant as list items (read as they render), with the corrected line as a quick fix', async () => {
    const messages = await messagesOf(read('malformed.md'), undefined)
    expect(messages.map((message) => `${placeText(message)}: ${message.reason}`)).toEqual([
      '10:2-10:48: Unexpected line `-Patch the session module in all…` that Markdown does not read as a list item, expected `- Patch the session module in all…` (add a space after `-`)',
      '11:1-11:44: Unexpected line `• Add an alert on checkout errors above…` that Markdown does not read as a list item, expected `- Add an alert on checkout errors above…` (write `-` and a space instead of `•`)',
      '12:1-12:73: Unexpected line `• Schedule a load test of checkout by…` that Markdown does not read as a list item, expected `- Schedule a load test of checkout by…` (write `-` and a space instead of `•`)',
      '13:1-13:35: Unexpected line `1.Rotate the database credentials.` that Markdown does not read as a list item, expected `1. Rotate the database credentials.` (add a space after `1.`)',
      '14:1-14:47: Unexpected line `2, Document the rollback steps in the…` that Markdown does not read as a list item, expected `2. Document the rollback steps in the…` (write `2.` and a space)',
      '17:1-17:40: Unexpected line `— Add a dashboard for checkout latency.` that Markdown does not read as a list item, expected `- Add a dashboard for checkout latency.` (write `-` and a space instead of `—`)',
      '18:1-18:27: Unexpected line `-<b>Improve</b> monitoring` that Markdown does not read as a list item, expected `- <b>Improve</b> monitoring` (add a space after `-`)',
      `18:5-18:27: Unexpected task \`Improve monitoring\` that is vague (\`improve\` with no concrete object), ${concrete}`
    ])
    expect(messages.map((message) => message.expected)).toEqual([
      ['- Patch the session module in all environments.'],
      ['- Add an alert on checkout errors above 2%.'],
      ['- Schedule a load test of checkout by 2024-04-01.'],
      ['1. Rotate the database credentials.'],
      ['2. Document the rollback steps in the runbook.'],
      ['- Add a dashboard for checkout latency.'],
      ['- <b>Improve</b> monitoring'],
      undefined
    ])
    expect(messages[0]).toMatchObject({
      source: 'remark-lint',
      ruleId,
      section: 'action-items',
      actual: '-Patch the session module in all environments.',
      url: 'https://github.com/postmortem-lint/postmortem-lint/blob/main/docs/rules/actionable-tasks.md'
    })
  })

  it('says why each task is not actionable, pointing at it', async () => {
    expect(await reasons(read('judged.md'))).toEqual([
      `9:3-9:5: Unexpected task \`We need monitoring of the checkout…\` that starts with the pronoun \`We\`, ${verbFirst}`,
      `10:3-10:17: Unexpected task \`Implementation of a review process for…\` that starts with the noun \`Implementation\`, ${verbFirst}`,
      `11:3-11:10: Unexpected task \`Patched the payment worker\` that starts with the past tense \`Patched\`, ${verbFirst}`,
      `12:3-12:21: Unexpected task \`Improve monitoring\` that is vague (\`improve\` with no concrete object), ${concrete}`,
      `13:3-13:45: Unexpected task \`Enhance testing to catch such bugs…\` that is vague (\`enhance\` with no concrete object), ${concrete}`,
      '14:3-14:18: Unexpected task `Be more careful with migrations` that is a wish (`be more careful` names no action), expected a concrete change to make',
      '15:3-15:24: Unexpected task `Add monitoring system` that is vague (`monitoring system` names nothing in particular), expected what exactly it acts on',
      '16:3-16:11: Unexpected task `Continue to watch the error rate` that is open-ended (`continue` never ends), expected a task that can be done and closed',
      '17:3-17:11: Unexpected task `Consider sharding the orders table` that is open-ended (`consider` defers the decision), expected the decision: a task to do, or none',
      '18:3-18:14: Unexpected task `Investigate the slow queries` that is open-ended (`investigate` with no deliverable), expected what it delivers: a decision, a write-up, a ticket (`… and write up the decision`)',
      `19:11-19:18: Unexpected task \`Conduct regular audits of the database…\` that is open-ended (\`regular\` with no cadence), ${cadence}`,
      `20:3-20:12: Unexpected task \`Regularly review the alert thresholds\` that is open-ended (\`regularly\` with no cadence), ${cadence}`,
      '22:3-22:26: Unexpected task `Shard the orders table?` that is an open question, expected the decision, as a task to do',
      '23:3-23:6: Unexpected task `Fix` that has 1 word, expected at least 2 words saying what to do and to what'
    ])
  })

  it('judges each task line of a list item, as it renders, details and wrapped lines going with their task', async () => {
    expect(await reasons(read('lines.md'))).toEqual([
      `10:3-10:21: Unexpected task \`Improve monitoring\` that is vague (\`improve\` with no concrete object), ${concrete}`,
      '14:3-14:18: Unexpected task `Be more careful with deploys` that is a wish (`be more careful` names no action), expected a concrete change to make',
      `18:31-18:58: Unexpected task \`Improve the alerting\` that is vague (\`improve\` with no concrete object), ${concrete}`
    ])
  })

  it('reads every part of a follow-up section, and asks for owners and due dates when told', async () => {
    expect(await reasons(read('parts.md'), {profile: 'holberton', require: ['owner', 'due']})).toEqual([
      '12:3-12:65: Unexpected task `Run a load test of checkout before each…` without an owner or a due date, expected `@name` and a date such as `by 2024-06-30`',
      '13:3-13:41: Unexpected task `Strengthen monitoring.` without an owner or a due date, expected `@name` and a date such as `by 2024-06-30`',
      `13:19-13:41: Unexpected task \`Strengthen monitoring.\` that is vague (\`strengthen\` with no concrete object), ${concrete}`,
      '20:3-20:30: Unexpected task `Add a migration check to CI` without an owner or a due date, expected `@name` and a date such as `by 2024-06-30`',
      `22:9-22:24: Unexpected task \`Enhance logging\` that is vague (\`enhance\` with no concrete object), ${concrete}`,
      '22:9-22:24: Unexpected task `Enhance logging` without an owner or a due date, expected `@name` and a date such as `by 2024-06-30`',
      '23:5-23:42: Unexpected task `Write a runbook for failed migrations` without an owner or a due date, expected `@name` and a date such as `by 2024-06-30`'
    ])
  })

  it('asks for a ticket, and takes more vague verbs and a minimum of words', async () => {
    const markdown =
      '## Summary\n\nCheckout failed.\n\n## Action items\n\n- Streamline the retry settings to avoid storms\n- Add the index (#42)\n'
    expect(await reasons(markdown, {require: ['ticket'], vagueVerbs: ['streamline'], minWords: 5})).toEqual([
      `7:3-7:48: Unexpected task \`Streamline the retry settings to avoid…\` that is vague (\`streamline\` with no concrete object), ${concrete}`,
      '7:3-7:48: Unexpected task `Streamline the retry settings to avoid…` without a ticket, expected a link or a key such as `OPS-123`',
      '8:3-8:22: Unexpected task `Add the index (#42)` that has 4 words, expected at least 5 words saying what to do and to what'
    ])
  })

  it('reports a postmortem without follow-ups when it runs alone, and leaves it to required-sections in the preset', async () => {
    const markdown =
      '# Checkout outage\n\n## Summary\n\nCheckout failed.\n\n## Root cause\n\nA missing index. We will add monitoring.\n'
    const alone = async (value: string, options?: Record<string, unknown>) => {
      const processor = unified().use(remarkParse).use(remarkLintPostmortemActionableTasks, options)
      const file = new VFile({value})
      await processor.run(processor.parse(file), file)
      return file.messages
    }
    const [message, ...more] = await alone(markdown)
    expect(more).toEqual([])
    expect(`${placeText(message as never)}: ${message?.reason}`).toBe(
      '10:1: Unexpected postmortem without follow-up tasks, expected a section such as `## Action Items` with one task per list item'
    )
    expect(message).toMatchObject({
      ruleId,
      section: 'action-items',
      expected: ['## Action Items'],
      fix: {start: markdown.length, end: markdown.length, text: '\n## Action Items\n', safe: false}
    })
    const holberton = await alone(markdown.replace('## Summary', '## Issue Summary'), {profile: 'holberton'})
    expect(holberton.map((item) => item.reason)).toEqual([
      'Unexpected postmortem without follow-up tasks, expected a section such as `## Corrective and Preventative Measures` with one task per list item'
    ])
    // In the preset, `postmortem-required-sections` reports the missing section: said once.
    expect(await reasons(markdown)).toEqual([])
    expect(await reasons('https://docs.example.com/incident-42\n')).toEqual([])
    expect(await alone('https://docs.example.com/incident-42\n')).toEqual([])
  })

  it('takes changes to its word lists', async () => {
    const markdown =
      '## Summary\n\nCheckout failed for 40 minutes.\n\n## Action items\n\n- Curb retries of the payment worker\n- Reduce retries of the payment worker\n- Quiesce the writers of the orders table\n- Add some tests for the checkout retry path\n'
    expect(await reasons(markdown)).toEqual([
      `7:3-7:7: Unexpected task \`Curb retries of the payment worker\` that starts with the noun \`Curb\`, ${verbFirst}`,
      `8:3-8:9: Unexpected task \`Reduce retries of the payment worker\` that is a goal (\`reduce\` with no mechanism), ${goal}`,
      `9:3-9:10: Unexpected task \`Quiesce the writers of the orders table\` that starts with the noun \`Quiesce\`, ${verbFirst}`,
      '10:7-10:11: Unexpected task `Add some tests for the checkout retry…` that is vague (`some tests` specifies nothing), expected which ones exactly: name them'
    ])
    const vocabulary = {
      goalVerbs: {add: ['Curb'], remove: ['reduce']},
      opsVerbs: ['quiesce'],
      unspecificWords: {remove: ['some']}
    }
    expect(await reasons(markdown, {vocabulary})).toEqual([
      `7:3-7:7: Unexpected task \`Curb retries of the payment worker\` that is a goal (\`curb\` with no mechanism), ${goal}`
    ])
  })

  it('gives the same messages without positions, and never throws', async () => {
    for (const name of ['valid.md', 'prose.md', 'malformed.md', 'judged.md', 'lines.md']) {
      const withPositions = (await messagesOf(read(name), undefined)).map((message) => message.reason)
      const without = (await messagesOf(read(name), undefined, {stripPositions: true})).map((message) => message.reason)
      expect(without.sort()).toEqual(withPositions.sort())
    }
  })

  it.each([
    [
      {require: 'owner'},
      "Unexpected value `\"owner\"` for `require`, expected a list of `'owner'`, `'due'`, or `'ticket'`"
    ],
    [{require: ['boss']}, "Unexpected value `\"boss\"` in `require`, expected `'owner'`, `'due'`, or `'ticket'`"],
    [{vagueVerbs: 'improve'}, 'Unexpected value `"improve"` for `vagueVerbs`, expected a list of non-empty strings'],
    [{minWords: 0}, 'Unexpected value `0` for `minWords`, expected a whole number of at least 1'],
    [
      {maxWords: 3},
      "Unexpected option `maxWords` for `postmortem-actionable-tasks`, expected `'profile'`, `'require'`, `'vagueVerbs'`, `'minWords'`, or `'vocabulary'`"
    ],
    [{vocabulary: ['curb']}, 'Unexpected value `["curb"]` for `vocabulary`, expected an object of word lists'],
    [{vocabulary: {verbs: ['curb']}}, "Unexpected list `verbs` in `vocabulary`, expected `'opsVerbs'`"],
    [
      {vocabulary: {goalVerbs: {drop: ['limit']}}},
      'Unexpected value `{"drop":["limit"]}` for `vocabulary.goalVerbs`, expected a list of words or `{add, remove}` lists'
    ],
    [
      {vocabulary: {wishes: {add: [3]}}},
      'Unexpected value `[3]` for `vocabulary.wishes.add`, expected a list of non-empty strings'
    ]
  ])('fails at once on %j', (options, message) => {
    expect(() => unified().use(remarkParse).use(remarkLintPostmortemActionableTasks, options).freeze()).toThrow(
      `postmortem-actionable-tasks: ${message}`
    )
  })
})
