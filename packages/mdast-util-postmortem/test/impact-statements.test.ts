import {readFileSync} from 'node:fs'
import type {Root} from 'mdast'
import {getImpact, getPostmortem, type Impact, profiles, sentences} from 'mdast-util-postmortem'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {Position} from 'unist'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'

const fixtures = new URL('../../../fixtures/impact/', import.meta.url)

function place(position: Position | undefined): string {
  return position ? `${position.start.line}:${position.start.column}-${position.end.line}:${position.end.column}` : '-'
}

function impactOf(name: string, profile = profiles.generic): Impact {
  const text = readFileSync(new URL(name, fixtures), 'utf8')
  const tree = unified().use(remarkParse).parse(text) as Root
  return getImpact(getPostmortem(tree, profile, text))
}

function statements(impact: Impact): string[] {
  return impact.statements.map((statement) => `${statement.origin} ${place(statement.position)}`)
}

function quantities(impact: Impact): string[] {
  return impact.quantities.map(
    (quantity) => `${quantity.kind} ${place(quantity.position)} ${quantity.text}${quantity.users ? ' (users)' : ''}`
  )
}

describe('impact statements', () => {
  it('reads each item of an impact section, and the summary sentences about the effect', () => {
    const impact = impactOf('impact-section.md')
    expect(statements(impact)).toEqual([
      'impact 9:3-9:56',
      'impact 10:3-10:52',
      'impact 11:3-11:83',
      'impact 12:3-12:45',
      'summary 5:1-5:73'
    ])
    expect(quantities(impact)).toEqual([
      'share 9:9-9:33 12% of checkout requests',
      'duration 9:45-9:55 40 minutes',
      'count 10:3-10:15 1,830 orders',
      'money 10:33-10:40 $54,000',
      'rate 11:28-11:31 35%',
      'rate 11:33-11:54 500 errors per second',
      'rate 11:80-11:82 4s',
      'budget 12:13-12:44 40% of the monthly error budget'
    ])
  })

  it('keeps only the lines of a labelled section, up to the next label in the paragraph', () => {
    const impact = impactOf('labelled.md')
    expect(impact.statements.map((statement) => statement.text)).toEqual([
      'Impact: one in ten search queries returned nothing,\nfor 2h 15m.',
      'Business impact: about €1.2k of refunds.'
    ])
    expect(statements(impact)).toEqual(['label 5:1-6:12', 'label 9:3-9:45'])
    expect(quantities(impact)).toEqual([
      'share 5:9-5:34 one in ten search queries',
      'duration 6:5-6:11 2h 15m',
      'money 9:28-9:33 €1.2k'
    ])
  })

  it('reads labelled list items of the Issue Summary (holberton)', () => {
    const impact = impactOf('holberton-summary.md', profiles.holberton)
    expect(statements(impact)).toEqual(['label 3:5-3:62', 'label 4:5-4:66'])
    expect(quantities(impact)).toEqual(['duration 3:51-3:61 40 minutes', 'share 4:53-4:65 12% of users (users)'])
  })

  it('does not take start and end times for a duration', () => {
    const impact = impactOf('times-only.md', profiles.holberton)
    expect(statements(impact)).toEqual(['label 2:3-2:93', 'label 4:3-4:86'])
    expect(quantities(impact)).toEqual([])
    expect(impact.vague.map((item) => `${item.about} ${place(item.position)} ${item.word} ${item.noun}`)).toEqual([
      'users 4:46-4:54 Multiple users'
    ])
  })

  it('reads a heading that states impact (`Outage duration`) and a count of no one', () => {
    const impact = impactOf('duration-heading.md')
    expect(statements(impact)).toEqual(['impact 7:1-7:56', 'heading 10:1-10:33', 'summary 4:1-4:81'])
    expect(quantities(impact)).toEqual(['count 7:27-7:40 no "customers (users)', 'duration 10:23-10:32 six hours'])
  })

  it('reads `Users affected: One` as a count of users', () => {
    const impact = impactOf('label-count.md', profiles.holberton)
    expect(statements(impact)).toEqual(['label 3:3-3:43', 'label 4:3-4:22', 'summary 5:3-5:37'])
    expect(quantities(impact)).toEqual(['count 4:19-4:22 One (users)'])
  })

  it('reads an impact section written in HTML', () => {
    const impact = impactOf('html.md', profiles.holberton)
    expect(statements(impact)).toEqual(['impact 4:10-5:45'])
    expect(quantities(impact)).toEqual([
      'duration 4:38-4:44 1 hour',
      'duration 4:49-4:59 50 minutes',
      'share 5:17-5:30 100% of users (users)'
    ])
  })

  it('reads lines indented by mistake (a code block) in the summary', () => {
    const impact = impactOf('indented.md', profiles.holberton)
    expect(statements(impact)).toEqual(['summary 2:6-2:95', 'summary 3:5-3:54', 'summary 4:5-4:50'])
    expect(quantities(impact)).toEqual([
      'share 3:7-3:35 100% of incoming web traffic',
      'share 4:7-4:31 40% of customer websites'
    ])
  })

  it('reads a block quote inside a list item, without its inline code, times and offsets', () => {
    const impact = impactOf('quoted.md', profiles.holberton)
    expect(statements(impact)).toEqual(['summary 4:3-4:124'])
    expect(quantities(impact)).toEqual([])
    expect(impact.vague.map((item) => `${place(item.position)} ${item.word}`)).toEqual(['4:70-4:74 most'])
  })

  it('keeps a sentence wrapped over lines together', () => {
    const impact = impactOf('wrapped.md')
    expect(statements(impact)).toEqual(['summary 3:1-4:11', 'summary 4:12-5:61'])
    expect(quantities(impact)).toEqual(['duration 5:55-5:60 1h50m'])
  })

  it('reads a `Duration:` line before an untitled overview', () => {
    const impact = impactOf('overview-label.md', profiles.holberton)
    expect(statements(impact)).toEqual(['label 2:3-2:43', 'label 6:3-6:75', 'summary 4:1-4:112'])
    expect(quantities(impact)).toEqual(['duration 2:13-2:20 30 mins'])
  })

  it('finds no quantity in versions, line numbers, status codes and negative values', () => {
    const impact = impactOf('unknown-sections.md', profiles.holberton)
    expect(statements(impact)).toEqual(['summary 1:1-2:120', 'summary 2:121-2:168', 'summary 7:1-7:71'])
    expect(quantities(impact)).toEqual([])
  })

  it('reads a labelled impact that is also the untitled overview, after its label', () => {
    const text =
      '**Impact:** The Nginx server went down and the website was unreachable for 100% of our user base.\n\n## Timeline\n\n- 10:00 alert\n'
    const tree = unified().use(remarkParse).parse(text) as Root
    const impact = getImpact(getPostmortem(tree, profiles.holberton, text))
    expect(impact.statements.map((statement) => `${statement.origin} ${place(statement.position)}`)).toEqual([
      'label 1:3-1:98'
    ])
    expect(quantities(impact)).toEqual(['share 1:76-1:92 100% of our user (users)'])
  })

  it('finds no statement in a summary of background only', () => {
    expect(impactOf('no-statement.md').statements).toEqual([])
  })

  it('is computed once per postmortem and set of extra words', () => {
    const tree = unified().use(remarkParse).parse('## Impact\n\n12 casks broke.\n') as Root
    const postmortem = getPostmortem(tree, profiles.generic)
    expect(getImpact(postmortem)).toBe(getImpact(postmortem))
    expect(getImpact(postmortem, {units: ['cask']})).toBe(getImpact(postmortem, {units: ['cask']}))
    expect(getImpact(postmortem, {units: ['cask']})).not.toBe(getImpact(postmortem))
  })

  it('works without the source text, and without positions', () => {
    const text = '## Impact\n\nAbout **12%** of users, for 40 minutes.\n'
    const tree = unified().use(remarkParse).parse(text) as Root
    expect(quantities(getImpact(getPostmortem(tree, profiles.generic)))).toEqual([
      'share 3:9-3:23 12% of users (users)',
      'duration 3:29-3:39 40 minutes'
    ])
    const bare = unified().use(remarkParse).parse(text) as Root
    visit(bare, (node) => {
      delete node.position
    })
    expect(quantities(getImpact(getPostmortem(bare, profiles.generic)))).toEqual([
      'share - 12% of users (users)',
      'duration - 40 minutes'
    ])
  })
})

describe('sentences', () => {
  it('splits at sentence ends and at lines that start an item, not inside a wrapped sentence', () => {
    const text = 'One. Two is\nwrapped.\n- Item\nLabel: value'
    expect(sentences(text, 0, text.length).map(([from, to]) => text.slice(from, to))).toEqual([
      'One.',
      'Two is\nwrapped.',
      '- Item',
      'Label: value'
    ])
  })
})
