/**
 * Shapes of writing the outline must read, each with a variant that must
 * read otherwise: the fixtures are under `fixtures/sections/`, the preset's
 * exact messages and the model's outline below each.
 */
import {readFileSync} from 'node:fs'
import type {Root} from 'mdast'
import {getPostmortem, resolveProfile} from 'mdast-util-postmortem'
import {toString} from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {lintToStrings} from '../../../test/helpers/lint.js'

const fixtures = new URL('../../../fixtures/sections/', import.meta.url)

function fixture(name: string): string {
  return readFileSync(new URL(name, fixtures), 'utf8')
}

/** The preset's messages on a fixture, as the remark CLI prints them. */
function messagesOf(name: string, profile = 'generic'): Promise<string[]> {
  return lintToStrings(fixture(name), {preset: {profile}})
}

/** Only the messages of `postmortem-required-sections`. */
async function sectionMessagesOf(name: string, profile = 'generic'): Promise<string[]> {
  return (await messagesOf(name, profile)).filter((line) => line.endsWith('[postmortem-required-sections]'))
}

/** The model of a fixture, parsed as the preset parses it (front matter, GFM tables). */
async function postmortemOf(name: string, profile = 'generic') {
  const processor = unified().use(remarkParse).use(remarkPresetLintPostmortem, {profile})
  const file = new VFile({path: 'example.md', value: fixture(name)})
  const tree = processor.parse(file) as Root
  await processor.run(tree, file)
  return getPostmortem(tree, resolveProfile(profile), file)
}

/**
 * The outline as `place kind [placement] ids [by evidence] [(empty)] [(field)]`:
 * where the title is, how it was written, and what it stands for.
 */
async function outlineOf(name: string, profile = 'generic'): Promise<string[]> {
  return (await postmortemOf(name, profile)).sections.map((section) => {
    const {heading} = section
    const start = heading.position?.start
    const end = heading.position?.end
    return [
      `${start?.line}:${start?.column}-${end?.line}:${end?.column}`,
      heading.kind,
      ...(heading.placement === 'block' ? [] : [heading.placement]),
      section.ids.join('+'),
      ...(heading.evidence === 'title' ? [] : [`by ${heading.evidence}`]),
      ...(section.empty ? ['(empty)'] : []),
      ...(section.field ? ['(field)'] : [])
    ].join(' ')
  })
}

/** The text of every section standing for `id`, one string per block. */
async function contentOf(name: string, id: string, profile = 'generic'): Promise<string[]> {
  return (await postmortemOf(name, profile)).nodesOf(id).map((node) => toString(node))
}

describe('a title folded into the list item above it', () => {
  it('starts a section, and the items after it join that section', async () => {
    expect(await outlineOf('folded-titles.md')).toEqual([
      '3:1-3:11 heading summary',
      '7:1-7:10 heading impact',
      '11:1-11:12 plain folded root-cause',
      '14:1-14:13 bold folded timeline',
      '18:1-18:14 heading resolution',
      '22:1-22:16 heading action-items'
    ])
    expect(await contentOf('folded-titles.md', 'impact')).toEqual(['12% of orders failed300 customers saw errors'])
    // The rest of the item that holds the title is the section's own text;
    // the items after it stay a list.
    expect(await contentOf('folded-titles.md', 'root-cause')).toEqual([
      'A migration dropped an index, which caused slow queries.',
      'the query planner fell back to full scans'
    ])
    expect(await contentOf('folded-titles.md', 'timeline')).toEqual([
      '10:00 UTC: deploy of release 4210:40 UTC: rollback'
    ])
    expect(await messagesOf('folded-titles.md')).toEqual([
      '11:1-11:12: Unexpected section `Root Cause` written as a line of text, expected a heading such as `## Root Cause` [postmortem-required-sections]',
      '14:1-14:13: Unexpected section `Timeline` written as a bold line, expected a heading such as `## Timeline` [postmortem-required-sections]'
    ])
  })

  it('is no title when the folded line goes on with a sentence', async () => {
    expect(await outlineOf('folded-prose.md')).toEqual([
      '3:1-3:11 heading summary',
      '7:1-7:10 heading impact',
      '15:1-15:12 heading timeline',
      '20:1-20:14 heading root-cause',
      '24:1-24:14 heading resolution',
      '28:1-28:16 heading action-items'
    ])
    expect(await contentOf('folded-prose.md', 'impact')).toEqual([
      '12% of orders failedthe checkout page was slow\nbecause the database was overloaded.timeline exports were late by an hour\nRoot cause was a full disk.'
    ])
    expect(await messagesOf('folded-prose.md')).toEqual([])
  })
})

describe('titles written as list items', () => {
  it('reads a postmortem written wholly as an outline', async () => {
    expect(await outlineOf('outline.md')).toEqual([
      '3:4-3:15 bold list-item summary',
      '5:4-5:14 bold list-item impact',
      '8:3-8:12 plain list-item timeline',
      '12:3-12:18 label list-item root-cause',
      '13:3-13:18 label list-item resolution',
      '14:3-14:20 bold list-item action-items'
    ])
    expect(await contentOf('outline.md', 'timeline')).toEqual([
      '09:00 UTC: certificate expired09:10 UTC: alert fired09:25 UTC: new certificate deployed'
    ])
    expect(await contentOf('outline.md', 'root-cause')).toEqual([
      'the certificate was renewed by hand and nobody set a reminder.'
    ])
    expect(await messagesOf('outline.md')).toEqual([
      '3:4-3:15: Unexpected section `Summary` written as a bold line, expected a heading such as `## Summary` [postmortem-required-sections]',
      '5:4-5:14: Unexpected section `Impact` written as a bold line, expected a heading such as `## Impact` [postmortem-required-sections]',
      '8:3-8:12: Unexpected section `Timeline` written as a line of text, expected a heading such as `## Timeline` [postmortem-required-sections]',
      '14:3-14:20: Unexpected section `Action Items` written as a bold line, expected a heading such as `## Action items` [postmortem-required-sections]'
    ])
  })

  it('reads tasks that start with a section name as tasks, not titles', async () => {
    expect(await outlineOf('outline-tasks.md')).toEqual([
      '3:1-3:11 heading summary',
      '7:1-7:10 heading impact',
      '11:1-11:12 heading timeline',
      '16:1-16:14 heading root-cause',
      '20:1-20:14 heading resolution',
      '24:1-24:16 heading action-items'
    ])
    expect(await messagesOf('outline-tasks.md')).toEqual([
      '26:3-26:11: Unexpected task `Timeline review with the support team` that starts with the noun `Timeline`, expected an imperative verb first, such as `Add …` or `Fix …` [postmortem-actionable-tasks]',
      '27:3-27:10: Unexpected task `Summary email to every customer who…` that starts with the noun `Summary`, expected an imperative verb first, such as `Add …` or `Fix …` [postmortem-actionable-tasks]'
    ])
  })
})

describe('titles beyond the usual names', () => {
  it('takes a "Detailed Analysis" that gives causes as the root cause, and question titles', async () => {
    expect(await outlineOf('hint-causes.md')).toEqual([
      '3:1-3:25 heading summary',
      '7:1-7:20 heading impact',
      '11:1-11:12 heading timeline',
      '16:1-16:21 heading root-cause by hint',
      '21:1-21:22 heading resolution',
      '25:1-25:17 heading action-items'
    ])
    expect(await messagesOf('hint-causes.md')).toEqual([])
  })

  it('does not take a "Detailed Analysis" that gives no cause as the root cause', async () => {
    expect(await outlineOf('hint-no-causes.md')).toEqual([
      '3:1-3:11 heading summary',
      '7:1-7:10 heading impact',
      '11:1-11:12 heading timeline',
      '20:1-20:17 heading resolution',
      '24:1-24:16 heading action-items'
    ])
    expect(await messagesOf('hint-no-causes.md')).toEqual([
      '19:1: Unexpected missing section `Root Cause`, expected a heading such as `## Root Cause` [postmortem-required-sections]'
    ])
  })

  it('reads a postmortem in German', async () => {
    expect(await outlineOf('german.md')).toEqual([
      '3:1-3:19 heading summary',
      '7:1-7:16 heading impact',
      '11:1-11:14 heading timeline',
      '16:1-16:11 heading root-cause',
      '20:1-20:10 heading resolution',
      '24:1-24:13 heading action-items'
    ])
    expect(await messagesOf('german.md')).toEqual([])
  })

  it('reads a postmortem in Spanish and one in French', async () => {
    const sections = [
      '3:1-3:11 heading summary',
      '7:1-7:11 heading impact',
      '11:1-11:14 heading timeline',
      '16:1-16:14 heading root-cause',
      '20:1-20:12 heading resolution',
      '24:1-24:24 heading action-items'
    ]
    expect(await outlineOf('spanish.md')).toEqual(sections)
    expect(await sectionMessagesOf('spanish.md')).toEqual([])
    expect(await outlineOf('french.md')).toEqual([
      '3:1-3:10 heading summary',
      '7:1-7:10 heading impact',
      '11:1-11:15 heading timeline',
      '16:1-16:16 heading root-cause',
      '20:1-20:14 heading resolution',
      '24:1-24:23 heading action-items'
    ])
    expect(await sectionMessagesOf('french.md')).toEqual([])
  })
})

describe('a postmortem or not', () => {
  it('gives a narrative with few titles one message per missing section', async () => {
    expect(await outlineOf('narrative.md')).toEqual([
      '3:1-5:40 implicit summary by content',
      '14:1-14:19 heading action-items'
    ])
    expect(await sectionMessagesOf('narrative.md')).toEqual([
      '13:1: Unexpected missing section `Impact`, expected a heading such as `## Impact` [postmortem-required-sections]',
      '13:1: Unexpected missing section `Timeline`, expected a heading such as `## Timeline` [postmortem-required-sections]',
      '13:1: Unexpected missing section `Root Cause`, expected a heading such as `## Root Cause` [postmortem-required-sections]',
      '13:1: Unexpected missing section `Resolution`, expected a heading such as `## Resolution` [postmortem-required-sections]'
    ])
  })

  it('reads a label whose value is a time as a timeline entry, not a section', async () => {
    expect(await outlineOf('timed-labels.md')).toEqual([
      '3:1-3:11 heading summary',
      '7:1-7:12 heading timeline',
      '13:1-13:14 heading root-cause',
      '17:1-17:16 heading action-items'
    ])
    expect(await sectionMessagesOf('timed-labels.md')).toEqual([
      '6:1: Unexpected missing section `Impact`, expected a heading such as `## Impact` [postmortem-required-sections]',
      '16:1: Unexpected missing section `Resolution`, expected a heading such as `## Resolution` [postmortem-required-sections]'
    ])
  })

  it('reads the block under an `Impact:` line as its value, not as an untitled overview', async () => {
    expect(await sectionMessagesOf('field-lines-no-summary.md')).toEqual([
      '2:1: Unexpected missing section `Summary`, expected a heading such as `## Summary` [postmortem-required-sections]',
      '3:1-3:8: Unexpected section `Impact` written as a line of text, expected a heading such as `## Impact` [postmortem-required-sections]',
      '7:1-7:10: Unexpected section `Timeline` written as a line of text, expected a heading such as `## Timeline` [postmortem-required-sections]',
      '12:1-12:12: Unexpected section `Root Cause` written as a line of text, expected a heading such as `## Root cause` [postmortem-required-sections]',
      '16:1-16:12: Unexpected section `Resolution` written as a line of text, expected a heading such as `## Resolution` [postmortem-required-sections]',
      '20:1-20:14: Unexpected section `Action Items` written as a line of text, expected a heading such as `## Action items` [postmortem-required-sections]'
    ])
    // Fields whose values go on with the same paragraph still open an overview (holberton-lines.md).
    expect(await outlineOf('field-lines-no-summary.md')).not.toContainEqual(expect.stringContaining('summary'))
  })

  it('gives a guide to writing postmortems the single message', async () => {
    expect((await postmortemOf('guide.md')).notPostmortem).toBe('no-incident')
    expect(await messagesOf('guide.md')).toEqual([
      '1:1: Unexpected document that does not read as a postmortem (it tells of no incident: no time, date or duration, as a guide or a template), expected sections such as `Summary`, `Impact`, `Timeline`, `Root Cause`, `Resolution`, `Action Items` [postmortem-required-sections]'
    ])
  })
})

describe('the untitled summary, judged by what it says', () => {
  it('is not a jokey preamble', async () => {
    expect(await outlineOf('preamble-joke.md')).toEqual(['5:1-5:12 heading timeline', '11:1-11:14 heading root-cause'])
    expect(await sectionMessagesOf('preamble-joke.md')).toEqual([
      '4:1: Unexpected missing section `Summary`, expected a heading such as `## Summary` [postmortem-required-sections]',
      '4:1: Unexpected missing section `Impact`, expected a heading such as `## Impact` [postmortem-required-sections]',
      '14:1: Unexpected missing section `Resolution`, expected a heading such as `## Resolution` [postmortem-required-sections]',
      '14:1: Unexpected missing section `Action Items`, expected a heading such as `## Action Items` [postmortem-required-sections]'
    ])
  })

  it('is a real overview of ten words, in a paragraph or a quote', async () => {
    const rest = [
      '4:1: Unexpected missing section `Impact`, expected a heading such as `## Impact` [postmortem-required-sections]',
      '14:1: Unexpected missing section `Resolution`, expected a heading such as `## Resolution` [postmortem-required-sections]',
      '14:1: Unexpected missing section `Action Items`, expected a heading such as `## Action Items` [postmortem-required-sections]'
    ]
    expect(await outlineOf('preamble-short.md')).toEqual([
      '3:1-3:55 implicit summary by content',
      '5:1-5:12 heading timeline',
      '11:1-11:14 heading root-cause'
    ])
    expect(await sectionMessagesOf('preamble-short.md')).toEqual(rest)
    expect(await outlineOf('preamble-quote.md')).toEqual([
      '3:1-3:57 implicit summary by content',
      '5:1-5:12 heading timeline',
      '11:1-11:14 heading root-cause'
    ])
    expect(await sectionMessagesOf('preamble-quote.md')).toEqual(rest)
  })
})

describe('the Holberton opener', () => {
  it('reads Duration, Impact and Root cause fields as the summary, inline', async () => {
    expect(await outlineOf('holberton-inline.md', 'holberton')).toEqual([
      '3:1-5:46 implicit summary by content',
      '4:1-4:8 label impact (field)',
      '5:1-5:12 label root-cause (field)',
      '7:1-7:12 heading timeline',
      '13:1-13:29 heading root-cause+resolution',
      '17:1-17:40 heading action-items'
    ])
    expect(await messagesOf('holberton-inline.md', 'holberton')).toEqual([])
  })

  it('gives the same answer with each label on a line of its own', async () => {
    expect(await outlineOf('holberton-lines.md', 'holberton')).toEqual([
      '3:1-4:55 implicit summary by content',
      '6:1-6:8 plain impact (field)',
      '9:1-9:12 plain root-cause (field)',
      '12:1-12:12 heading timeline',
      '18:1-18:29 heading root-cause+resolution',
      '22:1-22:40 heading action-items'
    ])
    expect(await messagesOf('holberton-lines.md', 'holberton')).toEqual([])
  })
})

describe('what is not a title, and what is', () => {
  it('reads no front matter key, wrapped sentence or timeline entry as a title', async () => {
    expect(await outlineOf('front-matter.md')).toEqual([
      '10:1-10:11 heading summary',
      '16:1-16:12 heading timeline',
      '22:1-22:10 heading impact',
      '26:1-26:14 heading resolution',
      '30:1-30:16 heading action-items'
    ])
    expect(await messagesOf('front-matter.md')).toEqual([
      '25:1: Unexpected missing section `Root Cause`, expected a heading such as `## Root Cause` [postmortem-required-sections]'
    ])
  })

  it('reads front matter as no section without the front matter syntax too', () => {
    const text = fixture('front-matter.md')
    const tree = unified().use(remarkParse).parse(text) as Root
    expect(getPostmortem(tree, resolveProfile('generic'), text).sections.map((section) => section.id)).toEqual([
      'summary',
      'timeline',
      'impact',
      'resolution',
      'action-items'
    ])
  })

  it('reads a `---` under an overview sentence as a rule, and `<summary>Timeline</summary>` as a title', async () => {
    expect(await outlineOf('overview-rule.md')).toEqual([
      '3:1-4:4 implicit summary by content',
      '6:1-6:37 heading timeline',
      '13:1-13:10 heading impact',
      '17:1-17:14 heading root-cause',
      '21:1-21:14 heading resolution',
      '25:1-25:16 heading action-items'
    ])
    expect(await messagesOf('overview-rule.md')).toEqual([])
  })

  it('reads a `---` under a title as a heading, and an unknown `<summary>` as text', async () => {
    expect(await outlineOf('setext-title.md')).toEqual([
      '3:1-3:73 implicit summary by content',
      '5:1-6:4 heading timeline',
      '17:1-17:10 heading impact',
      '21:1-21:14 heading root-cause',
      '25:1-25:14 heading resolution',
      '29:1-29:16 heading action-items'
    ])
    expect(await contentOf('setext-title.md', 'timeline')).toEqual([
      '09:00 UTC: release 42 deployed09:40 UTC: rollback finished',
      '<details><summary>Notes from the call</summary>',
      'The team met at 10:00 UTC.',
      '</details>'
    ])
    expect(await messagesOf('setext-title.md')).toEqual([])
  })

  it('places a title folded under an empty task box on its own line', async () => {
    // `- [ ] ` alone leaves the item's text starting on the next line.
    expect(await outlineOf('box-then-title.md')).toEqual([
      '3:1-3:75 implicit summary by content',
      '5:1-5:16 heading action-items',
      '9:1-9:10 plain list-item timeline'
    ])
    expect(await sectionMessagesOf('box-then-title.md')).toEqual([
      '4:1: Unexpected missing section `Impact`, expected a heading such as `## Impact` [postmortem-required-sections]',
      '4:1: Unexpected missing section `Root Cause`, expected a heading such as `## Root Cause` [postmortem-required-sections]',
      '4:1: Unexpected missing section `Resolution`, expected a heading such as `## Resolution` [postmortem-required-sections]',
      '9:1-9:10: Unexpected section `Timeline` written as a line of text, expected a heading such as `## Timeline` [postmortem-required-sections]'
    ])
  })
})
