import {readFileSync} from 'node:fs'
import type {Root} from 'mdast'
import {getPostmortem, type Profile, profiles, resolveProfile} from 'mdast-util-postmortem'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'

/** The section ids each heading of `markdown` stands for, one entry per heading. */
function idsByHeading(markdown: string, profile: Profile): string[] {
  const tree = unified().use(remarkParse).parse(markdown) as Root
  const postmortem = getPostmortem(tree, profile, markdown)
  return postmortem.headings
    .filter((heading) => heading.kind === 'heading')
    .map((heading) => `${heading.text}: ${heading.ids.join('+') || '-'}`)
}

const germanAndSpanish = '## Zusammenfassung\n\n## Cronología\n\n## Summary\n\n## Zeitleiste\n'

describe('a profile’s `languages`', () => {
  it('reads every language by default', () => {
    expect(idsByHeading(germanAndSpanish, profiles.generic)).toEqual([
      'Zusammenfassung: summary',
      'Cronología: timeline',
      'Summary: summary',
      'Zeitleiste: timeline'
    ])
  })

  it('reads only the languages listed, for the sections of the base profile', () => {
    const profile = resolveProfile({extends: 'generic', languages: ['en'], sections: []})
    expect(idsByHeading(germanAndSpanish, profile)).toEqual([
      'Zusammenfassung: -',
      'Cronología: -',
      'Summary: summary',
      'Zeitleiste: -'
    ])
    expect(profile.sections.map((section) => section.id)).toEqual(
      profiles.generic.sections.map((section) => section.id)
    )
  })

  it('gives a new section the names of its id in the languages listed', () => {
    const profile = resolveProfile({languages: ['de'], sections: [{id: 'timeline'}]})
    expect(profile.sections).toEqual([
      {
        id: 'timeline',
        title: 'Timeline',
        required: true,
        aliases: [
          'Timeline',
          'zeitleiste',
          'zeitlinie',
          'zeitablauf',
          'zeitverlauf',
          'chronologie',
          'ablauf',
          'verlauf'
        ]
      }
    ])
  })

  it('reads the other concepts and the hint titles in those languages only', () => {
    // `Ursache` names the root cause in German; `Untersuchung` hints at it.
    const markdown =
      '## Timeline\n\n- 10:00 alert\n\n## Ursache\n\nA full disk.\n\n## Untersuchung\n\nThe disk filled because the logs were never rotated.\n'
    const everyLanguage = resolveProfile({sections: [{id: 'timeline'}]})
    const english = resolveProfile({languages: ['en'], sections: [{id: 'timeline'}]})
    expect(idsByHeading(markdown, everyLanguage)).toEqual([
      'Timeline: timeline',
      'Ursache: root-cause',
      'Untersuchung: root-cause'
    ])
    expect(idsByHeading(markdown, english)).toEqual(['Timeline: timeline', 'Ursache: -', 'Untersuchung: -'])
  })

  it('reads no vocabulary with an empty list: titles and aliases only', () => {
    const profile = resolveProfile({
      extends: 'generic',
      languages: [],
      sections: [{id: 'root-cause', aliases: ['Why it broke']}]
    })
    expect(idsByHeading('## Summary\n\n## Overview\n\n## Why it broke\n\n## Root cause\n\n## RCA\n', profile)).toEqual([
      'Summary: summary',
      'Overview: -',
      'Why it broke: root-cause',
      'Root cause: root-cause',
      'RCA: -'
    ])
  })
})

describe('a section’s `aliases` and `removeAliases`', () => {
  it('adds names, matched as every name is', () => {
    const profile = resolveProfile({extends: 'generic', sections: [{id: 'timeline', aliases: ['Chronik']}]})
    expect(idsByHeading('## 1. CHRONIK\n\n## Timeline\n', profile)).toEqual([
      '1. CHRONIK: timeline',
      'Timeline: timeline'
    ])
    expect(idsByHeading('## 1. CHRONIK\n', profiles.generic)).toEqual(['1. CHRONIK: -'])
  })

  it('removes names of the vocabulary, compared normalized, and keeps the title', () => {
    const profile = resolveProfile({
      extends: 'generic',
      sections: [{id: 'timeline', removeAliases: ['Events', 'CHRONOLOGY']}]
    })
    expect(idsByHeading('## Events\n\n## Chronology\n\n## Timeline\n', profiles.generic)).toEqual([
      'Events: timeline',
      'Chronology: timeline',
      'Timeline: timeline'
    ])
    expect(idsByHeading('## Events\n\n## Chronology\n\n## Timeline\n', profile)).toEqual([
      'Events: -',
      'Chronology: -',
      'Timeline: timeline'
    ])
    const timeline = profile.sections.find((section) => section.id === 'timeline')
    expect(timeline?.aliases).not.toContain('events')
    expect(timeline?.aliases).toContain('timeline of events')
  })
})

describe('bad values of section names', () => {
  const cases: Array<[string, unknown, string]> = [
    [
      'an unknown language',
      {extends: 'generic', languages: ['xx'], sections: []},
      "Unexpected value `\"xx\"` in `profile.languages`, expected `'en'`, `'de'`, `'es'`, `'fr'`, or `'pt'`"
    ],
    [
      'languages that are no list',
      {extends: 'generic', languages: 'en', sections: []},
      "Unexpected value `\"en\"` for `profile.languages`, expected a list of `'en'`, `'de'`, `'es'`, `'fr'`, or `'pt'`"
    ],
    [
      'aliases that are no list',
      {extends: 'generic', sections: [{id: 'timeline', aliases: 'Chronik'}]},
      'Unexpected value `"Chronik"` for `profile.sections[0].aliases`, expected a list of non-empty strings'
    ],
    [
      'a removed alias that is no string',
      {extends: 'generic', sections: [{id: 'summary'}, {id: 'timeline', removeAliases: [3]}]},
      'Unexpected value `[3]` for `profile.sections[1].removeAliases`, expected a list of non-empty strings'
    ],
    [
      'an empty alias',
      {sections: [{id: 'timeline', aliases: ['  ']}]},
      'Unexpected value `["  "]` for `profile.sections[0].aliases`, expected a list of non-empty strings'
    ],
    [
      'a misspelt section option',
      {extends: 'generic', sections: [{id: 'timeline', alias: ['Chronik']}]},
      "Unexpected option `alias` for `profile.sections[0]`, expected `'id'`, `'title'`, `'aliases'`, `'removeAliases'`, or `'required'`"
    ],
    [
      'a misspelt profile option',
      {extends: 'generic', language: ['en'], sections: []},
      "Unexpected option `language` for `profile`, expected `'id'`, `'name'`, `'extends'`, `'languages'`, or `'sections'`"
    ]
  ]
  for (const [what, value, message] of cases) {
    it(`fails on ${what}, naming the option and what is allowed`, () => {
      expect(() => resolveProfile(value)).toThrow(message)
    })
  }
})

describe('the example of docs/profiles.md', () => {
  const page = readFileSync(new URL('../../../docs/profiles.md', import.meta.url), 'utf8')
  const part = page.slice(
    page.indexOf('## Section names: adding, removing, languages'),
    page.indexOf('## The profiles')
  )
  const config = /```json\n([\s\S]*?)```/.exec(part)?.[1]
  const markdown = /```markdown\n([\s\S]*?)```/.exec(part)?.[1]
  const errors = /```text\n([\s\S]*?)```/.exec(part)?.[1]

  it('reads the headings as the page says', () => {
    const plugins = JSON.parse(config as string).plugins as Array<[string, {profile: unknown}]>
    const profile = resolveProfile(plugins[0]?.[1].profile)
    expect(idsByHeading(markdown as string, profile)).toEqual([
      'Zusammenfassung: summary',
      'Description: -',
      'Chronik: timeline',
      'Events: -',
      'Ursache: root-cause',
      'Causa raíz: -'
    ])
  })

  it('shows the errors the code gives', () => {
    const given = [
      {extends: 'generic', languages: ['xx'], sections: []},
      {extends: 'generic', languages: 'en', sections: []},
      {extends: 'generic', sections: [{id: 'timeline', aliases: 'Chronik'}]},
      {extends: 'generic', sections: [{id: 'timeline', alias: ['Chronik']}]}
    ].map((value) => {
      try {
        resolveProfile(value)
        return 'no error'
      } catch (error) {
        return (error as Error).message
      }
    })
    expect(given).toEqual((errors as string).trim().split('\n'))
  })
})
