import {readFileSync} from 'node:fs'
import type {Root} from 'mdast'
import {
  getPostmortem,
  getTasks,
  judgeTask,
  malformedMarker,
  missingRequirements,
  type Postmortem,
  profiles,
  type Task
} from 'mdast-util-postmortem'
import remarkParse from 'remark-parse'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {unified} from 'unified'
import type {Position} from 'unist'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'

const fixtures = new URL('../../../fixtures/tasks/', import.meta.url)

// The preset turns on the GFM tables and task lists that follow-ups use.
const parser = unified().use(remarkParse).use(remarkPresetLintPostmortem)

function postmortemOf(text: string, profile = profiles.generic): Postmortem {
  return getPostmortem(parser.parse(text) as Root, profile, text)
}

function fixture(name: string, profile = profiles.generic): Postmortem {
  return postmortemOf(readFileSync(new URL(name, fixtures), 'utf8'), profile)
}

function place(position: Position | undefined): string {
  return position
    ? `${position.start.line}:${position.start.column}-${position.end.line}:${position.end.column}`
    : 'none'
}

function describeTask(task: Task): string {
  const label = task.label ? `[${task.label.text}] ` : ''
  const checked = task.checked === undefined ? '' : task.checked ? ' (done)' : ' (open)'
  return `${place(task.position)} ${task.kind}${checked}: ${label}${task.body.text}`
}

/** A task on its own, as a list item of an action-items section. */
function task(text: string): Task {
  const found = getTasks(postmortemOf(`## Summary\n\nCheckout failed.\n\n## Action items\n\n- ${text}\n`)).tasks
  expect(found).toHaveLength(1)
  return found[0] as Task
}

function verdict(text: string, options = {}): string {
  const problem = judgeTask(task(text), options)
  return problem ? `${problem.kind}: ${problem.found}` : 'ok'
}

describe('follow-up tasks of a postmortem', () => {
  it('finds list items, task-list items, labels and sub-items', () => {
    expect(getTasks(fixture('valid.md')).tasks.map(describeTask)).toEqual([
      '26:7-26:92 task-list-item (open): Add the index on orders.customer_id to the migration @ana (OPS-101, due 2024-03-15)',
      '27:7-27:85 task-list-item (open): Backup the orders database before each migration @li (OPS-102, due 2024-03-22)',
      '28:7-28:27 task-list-item (done): Roll back release 42',
      '29:3-29:118 list-item: [Alerting] Page the on-call engineer when checkout errors exceed 2% for 5 minutes @sam (OPS-103, due 2024-03-29)',
      '31:5-31:109 list-item: Rate-limit the retry loop of the payment worker to 10 requests per second @ana (OPS-104, due 2024-04-05)',
      '32:5-32:79 list-item: Set up a weekly review of the slow query log @li (OPS-105, due 2024-04-12)',
      '33:3-33:86 list-item: Do not deploy schema changes and code in one release @sam (OPS-106, due 2024-04-19)'
    ])
  })

  it('finds every part of the follow-up section: lists, table rows and HTML list items', () => {
    const followUps = getTasks(fixture('parts.md', profiles.holberton))
    expect(followUps.sections.map((section) => section.heading.text)).toEqual([
      'Corrective and Preventative Measures',
      'Improvements/Fixes',
      'Tasks'
    ])
    expect(followUps.tasks.map(describeTask)).toEqual([
      '12:3-12:65 list-item: [Load testing] Run a load test of checkout before each release.',
      '13:3-13:41 list-item: [Monitoring] Strengthen monitoring.',
      '19:3-19:33 table-row: Add the index to the migration',
      '20:3-20:30 table-row: Add a migration check to CI',
      '22:9-22:24 html-list-item: Enhance logging',
      '23:5-23:42 html-list-item: Write a runbook for failed migrations'
    ])
    expect(followUps.tasks[2]?.columns).toEqual({owner: '@ana', due: '2024-03-15'})
  })

  it('keeps only the lines of a paragraph that belong to the section', () => {
    const followUps = getTasks(
      postmortemOf(
        'Root Cause and Resolution\nA missing index.\nTasks:\n-Add the index\nLessons learned\n-Deploy on Fridays\n',
        profiles.holberton
      )
    )
    expect(followUps.malformed.map((line) => `${place(line.position)} ${line.expected}`)).toEqual([
      '4:1-4:15 - Add the index'
    ])
  })

  it('finds lines meant as list items, with the fix and the corrected line', () => {
    expect(
      getTasks(fixture('malformed.md')).malformed.map(
        (line) => `${place(line.position)} ${line.marker} (${line.fix}) => ${line.expected}`
      )
    ).toEqual([
      '10:2-10:48 - (add a space after `-`) => - Patch the session module in all environments.',
      '11:1-11:44 • (write `-` and a space instead of `•`) => - Add an alert on checkout errors above 2%.',
      '12:1-12:73 • (write `-` and a space instead of `•`) => - Schedule a load test of checkout by 2024-04-01.',
      '13:1-13:35 1. (add a space after `1.`) => 1. Rotate the database credentials.',
      '14:1-14:47 2, (write `2.` and a space) => 2. Document the rollback steps in the runbook.',
      '17:1-17:40 — (write `-` and a space instead of `—`) => - Add a dashboard for checkout latency.',
      '18:1-18:27 - (add a space after `-`) => - <b>Improve</b> monitoring'
    ])
  })

  it('finds no tasks in prose', () => {
    const followUps = getTasks(fixture('prose.md'))
    expect(followUps.sections).toHaveLength(1)
    expect(followUps.tasks).toEqual([])
  })

  it('computes the tasks once per postmortem', () => {
    const postmortem = fixture('valid.md')
    expect(getTasks(postmortem)).toBe(getTasks(postmortem))
  })

  it('needs no positions', () => {
    const tree = parser.parse('## Action items\n\n- We need monitoring\n-Patch the server\n') as Root
    visit(tree, (node) => {
      delete node.position
    })
    const followUps = getTasks(getPostmortem(tree, profiles.generic))
    expect(followUps.tasks.map((item) => [item.body.text, item.position])).toEqual([
      ['We need monitoring', undefined],
      ['Patch the server', undefined]
    ])
  })
})

describe('list markers Markdown does not read', () => {
  it.each([
    ['-Patch the server', '-', '- Patch the server'],
    ['*Patch the server', '*', '- Patch the server'],
    ['• Patch the server', '•', '- Patch the server'],
    ['\u00a0\u00a0•\u00a0Patch the server', '•', '- Patch the server'],
    ['1.Patch the server', '1.', '1. Patch the server'],
    ['3)Patch the server', '3)', '3) Patch the server'],
    ['1, Patch the server', '1,', '1. Patch the server']
  ])('%j', (line, marker, expected) => {
    const found = malformedMarker(line, false)
    expect(found && `${found.marker} | ${found.replacement} ${found.content}`).toBe(`${marker} | ${expected}`)
  })

  it.each(['- Patch the server', '24/7 monitoring', '2023 was calm', '-1 errors', '--', 'Patch the server'])(
    'not %j',
    (line) => {
      expect(malformedMarker(line, false)).toBeUndefined()
    }
  )

  it('reads a numbered line inside a paragraph as a list that needs a blank line', () => {
    expect(malformedMarker('2. Patch the server', true)?.fix).toBe('add a blank line before the list')
    expect(malformedMarker('2. Patch the server', false)).toBeUndefined()
  })
})

describe('judging a task', () => {
  it.each([
    ['Add the index on orders.customer_id to the migration', 'ok'],
    ['Setup monitoring and alerting for file watches usage', 'ok'],
    ['Backup the database before each migration', 'ok'],
    ['Implement automated testing for load balancer configurations', 'ok'],
    ['Review and improve indexing strategies for the orders tables', 'ok'],
    ['Double-check the nginx.conf syntax in CI', 'ok'],
    ['Enhance monitoring alerts for load balancer performance', 'ok'],
    ['Enhance the monitoring system to include load balancer health checks', 'ok'],
    ['Investigate the slow queries and document the decision', 'ok'],
    ['Assess the cache size and implement the upgrade', 'ok'],
    ['Review the alert thresholds every quarter', 'ok'],
    ['Do not deploy on Fridays', 'ok'],
    ['Implement alerting to catch abnormal NodeNotReady events', 'ok'],
    ['We need monitoring', 'not-a-verb: starts with the pronoun `We`'],
    ['The script was updated', 'not-a-verb: starts with the determiner `The`'],
    ['Before retrying, ensure the branch is protected', 'not-a-verb: starts with the connective `Before`'],
    ['Implementation of a review process', 'not-a-verb: starts with the noun `Implementation`'],
    ['Patched the payment worker', 'not-a-verb: starts with the past tense `Patched`'],
    ['Systematically cull old nodes', 'not-a-verb: starts with the adverb `Systematically`'],
    ['Burden on the firewall will be reduced', 'not-a-verb: starts with the word `Burden`'],
    ['Improve monitoring', 'vague: is vague (`improve` with no concrete object)'],
    ['Enhance monitoring to detect load imbalances', 'vague: is vague (`enhance` with no concrete object)'],
    [
      'Ensure that configurations are clearly defined',
      'no-mechanism: is a standing policy (`ensure` with nothing that enforces it)'
    ],
    ['Be more careful', 'wish: is a wish (`be more careful` names no action)'],
    ['Add monitoring system', 'vague: is vague (`monitoring system` names nothing in particular)'],
    ['Continue to attempt a resolution', 'open-ended: is open-ended (`continue` never ends)'],
    ['Maintain comprehensive documentation', 'open-ended: is open-ended (`maintain` never ends)'],
    ['Consider a versioned API', 'open-ended: is open-ended (`consider` defers the decision)'],
    ['Investigate k8 training', 'open-ended: is open-ended (`investigate` with no deliverable)'],
    ['Figure out how to monitor CVEs', 'open-ended: is open-ended (`figure out` with no deliverable)'],
    ['Conduct regular audits of the settings', 'open-ended: is open-ended (`regular` with no cadence)'],
    ['Regularly review the alert thresholds', 'open-ended: is open-ended (`regularly` with no cadence)'],
    ['Do deployments more often', 'open-ended: is open-ended (`more often` with no cadence)'],
    ['Shard the orders table?', 'open-ended: is an open question'],
    ['Fix', 'too-short: has 1 word']
  ])('%j: %s', (text, expected) => {
    expect(verdict(text)).toBe(expected)
  })

  it('judges a task with a title by its body, and by its title when the body is no task', () => {
    expect(verdict('**Implement least privilege in the cluster**: We are working on it.')).toBe('ok')
    expect(verdict('Load testing: Run a load test of checkout.')).toBe('ok')
    expect(verdict('Load testing: Conduct regular load tests.')).toBe(
      'open-ended: is open-ended (`regular` with no cadence)'
    )
    expect(verdict('Uptime issue: https://example.com/issues/611')).toBe('not-a-verb: starts with the noun `Uptime`')
    // A title-case title is no name that would make the body concrete.
    expect(verdict('Improved Monitoring: Enhance monitoring to provide more granular insights.')).toBe(
      'vague: is vague (`enhance` with no concrete object)'
    )
    // Neither is a task: the body is reported.
    expect(verdict('Patched vulnerability: The security team patched the server.')).toBe(
      'not-a-verb: starts with the determiner `The`'
    )
  })

  it('takes more vague verbs and a minimum of words', () => {
    expect(verdict('Streamline the alerting', {vagueVerbs: ['streamline']})).toBe(
      'vague: is vague (`streamline` with no concrete object)'
    )
    expect(verdict('Add the index', {minWords: 4})).toBe('too-short: has 3 words')
  })
})

describe('owners, due dates and tickets', () => {
  it.each([
    ['Add the index @ana', 'due,ticket'],
    ['Add the index (owner: Ana, due 2024-03-15)', 'ticket'],
    ['Add the index by March 15 in OPS-101', 'owner'],
    ['Add the index, ETA: 2 weeks, [issue](https://example.com/1)', 'owner'],
    ['Add the index (#42)', 'owner,due']
  ])('%j lacks %s', (text, missing) => {
    expect(missingRequirements(task(text), ['owner', 'due', 'ticket']).join(',')).toBe(missing)
  })
})
