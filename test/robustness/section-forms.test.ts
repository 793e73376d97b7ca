/**
 * Every way of writing a section's title, and the names writers give each
 * section: a postmortem with all its sections gets no missing-section
 * message, and the same postmortem without one section gets exactly one,
 * naming it. The documents are generated, so the forms are read as forms.
 */
import {describe, expect, it} from 'vitest'
import {lintText} from './support.js'

interface Part {
  readonly id: string
  readonly names: readonly string[]
  readonly body: string
}

const parts: Part[] = [
  {
    id: 'summary',
    names: ['Summary', 'Incident summary', 'Overview', 'What happened', 'Executive summary'],
    body: 'On 5 March 2024 a configuration deploy broke checkout for 40% of users for 35 minutes.'
  },
  {
    id: 'impact',
    names: ['Impact', 'Customer impact', 'Who was affected', 'User impact'],
    body: '40% of users could not check out for 35 minutes; about 2,100 orders failed.'
  },
  {
    id: 'timeline',
    names: ['Timeline', 'Timeline of events', 'Sequence of events', 'Chronology'],
    body: '- 10:00 UTC the configuration is deployed\n- 10:35 UTC the deploy is rolled back'
  },
  {
    id: 'root-cause',
    names: ['Root cause', 'Root cause analysis', 'Cause', 'Why it happened', 'Contributing factors'],
    body: 'A configuration value was removed by mistake, because the schema did not require it.'
  },
  {
    id: 'resolution',
    names: ['Resolution', 'Mitigation', 'How we fixed it', 'Recovery', 'Remediation'],
    body: 'The deploy was rolled back and checkout recovered at once.'
  },
  {
    id: 'action-items',
    names: ['Action items', 'Follow-ups', 'Next steps', 'Corrective actions', 'Lessons and action items'],
    body: '- Add a schema check of the configuration to the deploy pipeline (owner: Ana, due 2024-04-01)'
  }
]

/** How a title is written. */
const titles: Array<[string, (name: string) => string]> = [
  ['an ATX heading', (name) => `## ${name}`],
  ['a deeper heading', (name) => `### ${name}`],
  ['a numbered heading', (name) => `## 1. ${name}`],
  ['an upper-case heading', (name) => `## ${name.toUpperCase()}`],
  ['a heading with an emoji', (name) => `## 📌 ${name}`],
  ['a heading with a colon', (name) => `## ${name}:`],
  ['a setext heading', (name) => `${name}\n${'-'.repeat(name.length)}`],
  ['a bold line', (name) => `**${name}**`],
  ['a bold line with a colon', (name) => `**${name}:**`],
  ['a line ending with a colon', (name) => `${name}:`],
  ['an HTML heading', (name) => `<h2>${name}</h2>`]
]

function document(title: (name: string) => string, names: ReadonlyMap<string, string>, without?: string): string {
  const blocks = ['# Checkout outage']
  for (const part of parts) {
    if (part.id === without) continue
    blocks.push(title(names.get(part.id) ?? (part.names[0] as string)), part.body)
  }
  return `${blocks.join('\n\n')}\n`
}

function missing(text: string): string[] {
  return lintText(text)
    .filter(
      (message) =>
        message.ruleId === 'postmortem-required-sections' && message.reason.startsWith('Unexpected missing section')
    )
    .map((message) => String((message as {section?: string}).section))
}

function sectionMessages(text: string): string[] {
  return lintText(text)
    .filter((message) => message.ruleId === 'postmortem-required-sections')
    .map((message) => message.reason)
}

describe('every title form, with every name of each section', () => {
  for (const [form, title] of titles) {
    it(`${form}: each name of each section is read, and a section taken out is reported, once`, () => {
      // Every name in turn, the other sections under their first name.
      const unread: string[] = []
      for (const part of parts) {
        for (const name of part.names) {
          const text = document(title, new Map([[part.id, name]]))
          const reported = missing(text)
          if (reported.length > 0) unread.push(`${name}: missing ${reported.join(', ')}`)
        }
      }
      expect(unread).toEqual([])
      for (const part of parts) expect(missing(document(title, new Map(), part.id))).toEqual([part.id])
    })
  }

  it('headings need no other message than the missing ones', () => {
    expect(sectionMessages(document(titles[0]?.[1] as (name: string) => string, new Map()))).toEqual([])
  })
})
