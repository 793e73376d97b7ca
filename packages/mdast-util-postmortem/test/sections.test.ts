import {readFileSync} from 'node:fs'
import type {Root} from 'mdast'
import {getPostmortem, profiles, resolveProfile} from 'mdast-util-postmortem'
import remarkParse from 'remark-parse'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'

const fixtures = new URL('../../../fixtures/sections/', import.meta.url)

function sectionsOf(
  name: string,
  profile = profiles.generic,
  parser = unified().use(remarkParse),
  change = (text: string) => text
) {
  const text = change(readFileSync(new URL(name, fixtures), 'utf8'))
  const tree = parser.parse(text) as Root
  return getPostmortem(tree, profile, text).sections.map((section) => {
    const start = section.heading.position?.start
    const end = section.heading.position?.end
    return `${start?.line}:${start?.column}-${end?.line}:${end?.column} ${section.heading.kind} ${section.ids.join('+')}${section.empty ? ' (empty)' : ''}`
  })
}

describe('sections of a postmortem', () => {
  it('finds headings, with numbering, emoji and two concepts in one', () => {
    expect(sectionsOf('heading.md')).toEqual(['3:1-3:17 heading summary', '7:1-7:30 heading root-cause+resolution'])
  })

  it('finds bold and emphasis lines', () => {
    expect(sectionsOf('bold-line.md')).toEqual(['1:1-1:14 bold timeline', '5:1-5:17 bold action-items'])
  })

  it('places a title under a task box alone on its line on its own line', () => {
    // The parser starts such an item's text at the box, or past the end of
    // its line; with `\r\n` line endings, with the `\n` after the box.
    const parser = unified().use(remarkParse).use(remarkPresetLintPostmortem)
    const expected = ['6:3-6:14 bold summary', '10:3-10:14 label root-cause', '12:3-12:12 plain timeline']
    expect(sectionsOf('task-box-line.md', profiles.generic, parser)).toEqual(expected)
    expect(sectionsOf('task-box-line.md', profiles.generic, parser, (text) => text.replaceAll('\n', '\r\n'))).toEqual(
      expected
    )
  })

  it('finds lines of their own', () => {
    expect(sectionsOf('plain-line.md', profiles.holberton)).toEqual([
      '1:1-1:15 plain summary',
      '5:1-5:9 plain timeline'
    ])
  })

  it('finds heading lines inside a paragraph, first and later ones', () => {
    expect(sectionsOf('first-line.md', profiles.holberton)).toEqual([
      '1:1-1:9 plain timeline',
      '4:1-4:27 plain root-cause+resolution'
    ])
  })

  it('reads a line after one that stops on a word needing more as the same sentence', () => {
    expect(sectionsOf('runs-on.md')).toEqual([
      '3:1-3:11 heading summary',
      '7:1-7:19 heading lessons-learned',
      '12:1-12:16 heading action-items'
    ])
  })

  it('finds labelled paragraphs, plain and bold', () => {
    expect(sectionsOf('labelled.md')).toEqual(['1:1-1:8 label impact', '3:1-3:16 label root-cause'])
  })

  it('knows the common variants and one mistyped letter', () => {
    expect(sectionsOf('variants.md')).toEqual([
      '1:1-1:24 heading summary',
      '5:1-5:17 heading summary',
      '9:1-9:14 heading action-items',
      '13:1-13:38 heading action-items',
      '17:1-17:14 heading action-items',
      '21:1-21:31 heading timeline',
      '25:1-25:17 heading summary'
    ])
  })

  it('takes an untitled opening paragraph as the summary', () => {
    expect(sectionsOf('overview.md')).toEqual(['3:1-3:101 implicit summary', '5:1-5:12 heading timeline'])
  })

  it('gives each section its nodes, up to the next section', () => {
    const text = readFileSync(new URL('heading.md', fixtures), 'utf8')
    const tree = unified().use(remarkParse).parse(text) as Root
    const postmortem = getPostmortem(tree, profiles.generic, text)
    expect(postmortem.nodesOf('summary').map((node) => node.type)).toEqual(['paragraph'])
    expect(postmortem.nodesOf('resolution')).toEqual(postmortem.nodesOf('root-cause'))
    expect(postmortem.nodesOf('timeline')).toEqual([])
  })

  it('tells a text that says what each section must contain from a postmortem', () => {
    const text = readFileSync(new URL('brief.md', fixtures), 'utf8')
    const tree = unified().use(remarkParse).parse(text) as Root
    const postmortem = getPostmortem(tree, profiles.generic, text)
    expect(sectionsOf('brief.md')).toEqual([
      '3:1-8:40 implicit summary',
      '8:1-8:40 plain root-cause+resolution',
      '11:1-11:27 plain action-items'
    ])
    expect(postmortem.describesPostmortem).toBe(true)
    expect(postmortem.looksLikePostmortem).toBe(false)
    // One section line that says what it must contain is a title with an odd word.
    const one = '## Summary must contain\n\nThe API failed.\n\n## Timeline\n\n- 10:00 alert\n'
    const single = getPostmortem(unified().use(remarkParse).parse(one) as Root, profiles.generic, one)
    expect(single.describesPostmortem).toBe(false)
    expect(single.looksLikePostmortem).toBe(true)
  })

  it('computes the model once per tree and profile', () => {
    const tree = unified().use(remarkParse).parse('## Timeline\n\n- 10:00 alert\n') as Root
    expect(getPostmortem(tree, profiles.generic)).toBe(getPostmortem(tree, profiles.generic))
    expect(getPostmortem(tree, profiles.holberton)).not.toBe(getPostmortem(tree, profiles.generic))
  })

  it('matches a team profile with its own aliases', () => {
    const profile = resolveProfile({
      sections: [
        {id: 'summary', title: 'TL;DR'},
        {id: 'customer-comms', title: 'Customer communication', aliases: ['Status page updates']}
      ]
    })
    const tree = unified().use(remarkParse).parse('## TL;DR\n\nx\n\n## Status page updates\n\ny\n') as Root
    expect(getPostmortem(tree, profile).sections.map((section) => section.id)).toEqual(['summary', 'customer-comms'])
  })
})

describe('empty sections', () => {
  it('gives a section written in parts its content in the parts', () => {
    expect(sectionsOf('parts.md', profiles.holberton)).toEqual([
      '1:1-1:26 plain root-cause+resolution',
      '2:1-2:12 plain root-cause',
      '4:1-4:12 plain resolution',
      '7:1-7:9 plain timeline',
      '8:1-8:11 plain detection',
      '11:1-11:38 plain action-items',
      '13:1-13:16 heading action-items'
    ])
  })

  it('reads HTML headings, and text in HTML blocks as content', () => {
    expect(sectionsOf('html.md', profiles.holberton)).toEqual([
      '1:1-1:23 heading summary',
      '3:1-3:19 heading timeline (empty)',
      '5:1-5:14 heading root-cause'
    ])
  })
})
