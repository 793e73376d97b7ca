import fc from 'fast-check'
import {profileIds} from 'mdast-util-postmortem'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {lintText, placeProblems, rules} from './support.js'

// Property-based tests: whatever the document, no rule throws, and every
// message points inside the document. Bounded runs keep the suite fast; a
// failure prints the seed and the shrunk document to replay it.

const runs = {numRuns: 120}

/** The options of each rule that take a boolean (found by asking the rule). */
const booleanOptions = new Map(
  rules.map((rule) => [
    rule,
    rule.optionNames.filter((option) =>
      [true, false].every((value) => {
        try {
          unified()
            .use(remarkParse)
            .use(rule, {[option]: value})
            .freeze()
          return true
        } catch {
          return false
        }
      })
    )
  ])
)

/** Rule settings after the preset: each boolean option on, off, or left alone. */
const ruleSettings = fc.tuple(
  ...rules.map((rule) =>
    fc
      .tuple(
        ...(booleanOptions.get(rule) ?? []).map((option) =>
          fc.option(fc.constant(option)).chain((name) => fc.tuple(fc.constant(name), fc.boolean()))
        )
      )
      .map((pairs) => {
        const options: Record<string, boolean> = {}
        for (const [name, value] of pairs) if (name !== null) options[name] = value
        return [rule, options] as const
      })
  )
)

// Pieces of Markdown, from plain to odd.
const word = fc.constantFrom(
  'deploy',
  'the',
  'database',
  'Timeline',
  'Impact',
  'Summary',
  'Root',
  'Cause',
  'Resolution',
  'Action',
  'Items',
  'users',
  '40%',
  '3',
  'hours',
  'fix',
  'improve',
  'monitoring',
  'Add',
  'alert',
  '**bold**',
  '`code`',
  '[link](http://x)',
  '<br>',
  ':',
  '-',
  '|',
  '#',
  '>',
  '*',
  '_',
  '\\',
  '&amp;',
  '🔥'
)
const words = fc.array(fc.oneof({weight: 5, arbitrary: word}, {weight: 1, arbitrary: fc.string({maxLength: 12})}), {
  minLength: 0,
  maxLength: 10
})
const text = words.map((items) => items.join(' '))

const markdownLine = fc.oneof(
  text,
  fc.tuple(fc.integer({min: 1, max: 7}), text).map(([depth, value]) => `${'#'.repeat(depth)} ${value}`),
  fc
    .tuple(fc.constantFrom('-', '*', '+', '1.', '-', '  -', '    *'), text)
    .map(([marker, value]) => `${marker} ${value}`),
  fc.tuple(fc.constantFrom('- [ ]', '- [x]', '* [X]', '-'), text).map(([marker, value]) => `${marker} ${value}`),
  text.map((value) => `> ${value}`),
  text.map((value) => `**${value}**`),
  text.map((value) => `${value}:`),
  fc.tuple(text, text).map(([a, b]) => `| ${a} | ${b} |`),
  fc.constantFrom(
    '| --- | --- |',
    '```',
    '~~~js',
    '---',
    '***',
    '<!-- comment',
    '-->',
    '<h2>Timeline</h2>',
    '',
    '',
    ''
  ),
  fc.string({maxLength: 40}),
  fc.string({unit: 'binary', maxLength: 20})
)

const lineEnding = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r')
const markdown = fc
  .tuple(fc.array(markdownLine, {maxLength: 40}), lineEnding, fc.boolean())
  .map(([lines, ending, bom]) => (bom ? '\uFEFF' : '') + lines.join(ending))

// Postmortem-shaped documents: known sections in any order and style,
// timelines of random times, dates and zones, task lists.
const sectionTitle = fc.constantFrom(
  'Summary',
  'Issue Summary',
  'Impact',
  'Timeline',
  'Timeline (UTC)',
  'Root Cause',
  'Root Cause and Resolution',
  'Resolution',
  'Action Items',
  'Corrective and Preventative Measures',
  'Lessons Learned',
  'Detection',
  'Trigger',
  'Follow-ups'
)
const heading = fc
  .tuple(sectionTitle, fc.constantFrom('atx', 'bold', 'plain', 'label', 'html', 'setext'), fc.integer({min: 1, max: 4}))
  .map(([title, style, depth]) => {
    switch (style) {
      case 'atx':
        return `${'#'.repeat(depth)} ${title}`
      case 'bold':
        return `**${title}**`
      case 'plain':
        return `${title}:`
      case 'label':
        return `${title}: `
      case 'html':
        return `<h${depth}>${title}</h${depth}>`
      default:
        return `${title}\n${depth === 1 ? '===' : '---'}`
    }
  })
const zone = fc.constantFrom(
  'UTC',
  'GMT',
  'Z',
  'PST',
  'PDT',
  'EST',
  'EDT',
  'BST',
  'CET',
  'CEST',
  'IST',
  '+02:00',
  'UTC+1',
  'GMT-5',
  ''
)
const clock = fc
  .tuple(fc.integer({min: 0, max: 25}), fc.integer({min: 0, max: 61}), fc.constantFrom('', ' AM', ' PM', 'am', ' p.m.'))
  .map(([hour, minute, half]) => `${hour}:${String(minute).padStart(2, '0')}${half}`)
const date = fc.constantFrom(
  '',
  '2024-03-05 ',
  '2024-06-31 ',
  'March 5, 2024, ',
  'Jun 5 ',
  '05/03/2024 ',
  'Day 2 ',
  'February 30th 2019 '
)
const entry = fc
  .tuple(date, clock, zone, text, fc.constantFrom('list', 'bold', 'table', 'line', 'code'))
  .map(([day, time, tz, event, form]) => {
    const stamp = `${day}${time}${tz ? ` ${tz}` : ''}`
    switch (form) {
      case 'list':
        return `- ${stamp}: ${event}`
      case 'bold':
        return `- **${stamp}** - ${event}`
      case 'table':
        return `| ${stamp} | ${event} |`
      case 'code':
        return `- \`${stamp}\` ${event}`
      default:
        return `${stamp} — ${event}`
    }
  })
const task = fc
  .tuple(
    fc.constantFrom('- [ ] ', '- ', '* ', '-', '1. ', '- [x] '),
    text,
    fc.constantFrom('', ' (owner: @ops, due 2024-04-01)', ' by Friday')
  )
  .map(([marker, body, suffix]) => `${marker}${body}${suffix}`)
const body = fc.oneof(
  text,
  fc.array(entry, {maxLength: 12}).map((entries) => entries.join('\n')),
  fc.array(entry, {maxLength: 6}).map((entries) => `| time | event |\n| --- | --- |\n${entries.join('\n')}`),
  fc.array(task, {maxLength: 8}).map((tasks) => tasks.join('\n')),
  fc
    .tuple(fc.integer({min: 0, max: 100_000}), fc.constantFrom('users', '% of requests', 'minutes', 'customers', ''))
    .map(([count, unit]) => `About ${count} ${unit} were affected.`)
)
const postmortem = fc
  .tuple(fc.option(text.map((title) => `# ${title}`)), fc.array(fc.tuple(heading, body), {maxLength: 9}), lineEnding)
  .map(([title, sections, ending]) =>
    [...(title ? [title] : []), ...sections.map(([head, content]) => `${head}\n\n${content}`)]
      .join('\n\n')
      .replace(/\n/g, ending)
  )

const profile = fc.constantFrom(...profileIds)

function check(value: string, preset: {profile: string}, plugins: ReadonlyArray<readonly [unknown, unknown]>) {
  const messages = lintText(value, {preset, plugins: plugins as never})
  const problems = placeProblems(messages, value)
  if (problems.length > 0) throw new Error(problems.join('\n'))
  // And with no positions at all (a tree built by hand, or a plugin that
  // drops them): the rules run on it without a throw, and any place they
  // still give (read from the source) is inside the document.
  const bare = lintText(value, {preset, plugins: plugins as never, stripPositions: true})
  const bareProblems = placeProblems(
    bare.filter((message) => message.line !== undefined),
    value
  )
  if (bareProblems.length > 0) throw new Error(bareProblems.join('\n'))
}

describe('properties of every rule of the preset', () => {
  it('random Markdown: no throw, every message inside the document', {timeout: 120_000}, () => {
    fc.assert(
      fc.property(markdown, profile, ruleSettings, (value, id, settings) => {
        check(value, {profile: id}, settings)
      }),
      runs
    )
  })

  it('random postmortems: no throw, every message inside the document', {timeout: 120_000}, () => {
    fc.assert(
      fc.property(postmortem, profile, ruleSettings, (value, id, settings) => {
        check(value, {profile: id}, settings)
      }),
      runs
    )
  })

  it('random postmortems reach every rule (each gives messages on some of them)', () => {
    const counts = new Map(rules.map((rule) => [rule.ruleId, 0]))
    for (const value of fc.sample(postmortem, {numRuns: 150, seed: 42})) {
      for (const message of lintText(value))
        counts.set(String(message.ruleId), (counts.get(String(message.ruleId)) ?? 0) + 1)
    }
    const silent = [...counts].filter(([, count]) => count === 0).map(([ruleId]) => ruleId)
    expect(silent, 'rules the generator never triggers: extend the postmortem generator').toEqual([])
  })

  it('the place check catches a message outside the document', () => {
    const file = new VFile('# Title\n')
    const inside = file.message('inside', {place: {line: 1, column: 8}, ruleId: rules[0]?.ruleId ?? 'x'})
    const after = file.message('after', {place: {line: 2, column: 2}, ruleId: rules[0]?.ruleId ?? 'x'})
    const backwards = file.message('backwards', {
      place: {start: {line: 1, column: 5}, end: {line: 1, column: 2}},
      ruleId: rules[0]?.ruleId ?? 'x'
    })
    expect(placeProblems([inside], '# Title\n')).toEqual([])
    expect(placeProblems([after, backwards], '# Title\n')).toHaveLength(2)
  })

  it('finds boolean options to vary (the settings generator is not empty)', () => {
    expect([...booleanOptions.values()].flat().length).toBeGreaterThan(0)
  })
})
