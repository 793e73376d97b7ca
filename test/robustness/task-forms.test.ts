/**
 * Every way of writing a follow-up list: actionable tasks get no message
 * from the tasks rule, and each vague one gets exactly one, on its line,
 * whether the list is bullets, numbers, task boxes, a table, or a list
 * under a bold or labelled title. The documents are generated, so the
 * forms are read as forms.
 */
import {describe, expect, it} from 'vitest'
import {lintText, timelineToResolution} from './support.js'

const actionable = [
  'Add a canary stage to the checkout deploy pipeline',
  'Alert on-call when the checkout error rate exceeds 2% for 5 minutes',
  'Write a runbook for rolling back configuration deploys',
  'Migrate the session store to the replicated Redis cluster',
  'Set a 30-second timeout on calls to the payment provider'
]

const notActionable = [
  'Improve monitoring',
  'Be more careful with deploys',
  'Look into better testing',
  'Better communication'
]

/** How the list is written, given its tasks: the title line(s), then a line per task. */
const lists: Array<[string, (tasks: readonly string[]) => string]> = [
  ['bullets under a heading', (tasks) => ['## Action items', '', ...tasks.map((task) => `- ${task}`)].join('\n')],
  ['numbers', (tasks) => ['## Action items', '', ...tasks.map((task, index) => `${index + 1}. ${task}`)].join('\n')],
  ['task boxes', (tasks) => ['## Action items', '', ...tasks.map((task) => `- [ ] ${task}`)].join('\n')],
  ['stars', (tasks) => ['## Follow-ups', '', ...tasks.map((task) => `* ${task}`)].join('\n')],
  [
    'a table with owners',
    (tasks) =>
      ['## Action items', '', '| Task | Owner |', '| --- | --- |', ...tasks.map((task) => `| ${task} | Ana |`)].join(
        '\n'
      )
  ],
  ['a bold title', (tasks) => ['**Action items**', '', ...tasks.map((task) => `- ${task}`)].join('\n')],
  ['a title line', (tasks) => ['Next steps:', '', ...tasks.map((task) => `- ${task}`)].join('\n')],
  [
    'owner after each task',
    (tasks) => ['## Action items', '', ...tasks.map((task) => `- ${task} (owner: Ana)`)].join('\n')
  ]
]

function document(list: string): {text: string; firstTaskLine: number} {
  const head = [
    '# Checkout outage',
    '',
    '## Summary',
    '',
    'On 5 March 2024 checkout failed for 40% of users for 35 minutes after a configuration deploy.',
    '',
    '## Impact',
    '',
    '40% of users could not check out for 35 minutes.',
    '',
    ...timelineToResolution
  ]
  const lines = list.split('\n')
  const firstTask = lines.findIndex((line) => /^(?:[-*] |\d+\. |\| (?!Task|---))/.test(line))
  return {text: [...head, ...lines, ''].join('\n'), firstTaskLine: head.length + firstTask + 1}
}

function taskMessages(text: string) {
  return lintText(text).filter((message) => message.ruleId === 'postmortem-actionable-tasks')
}

describe('every follow-up list', () => {
  for (const [name, list] of lists) {
    it(`${name}: actionable tasks pass; each vague one gets one message, on its line`, () => {
      const clean = document(list(actionable))
      expect(taskMessages(clean.text).map((message) => message.reason)).toEqual([])
      const mixed = [...actionable.slice(0, 2), ...notActionable, ...actionable.slice(2)]
      const dirty = document(list(mixed))
      const expectedLines = notActionable.map((_, index) => dirty.firstTaskLine + 2 + index)
      expect(taskMessages(dirty.text).map((message) => message.line)).toEqual(expectedLines)
    })
  }
})
