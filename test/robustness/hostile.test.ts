import {describe, expect, it} from 'vitest'
import {lintText, placeProblems} from './support.js'

// Documents no one writes on purpose but every linter meets: they must get
// messages or silence, never a crash, and every message must point inside
// them. No timing is asserted (machines differ); the generous timeout only
// turns a hang into a failure.
const megabyte = 1024 * 1024

function junk(length: number, seed: number): string {
  let state = seed
  let text = ''
  for (let index = 0; index < length; index++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    text += String.fromCharCode(state % 256)
  }
  return text
}

const postmortem = [
  '# Outage of the API',
  '',
  '## Summary',
  '',
  'The API returned errors for 40 minutes after a bad deploy.',
  '',
  '## Timeline',
  '',
  '- 10:00 UTC: deploy started',
  '- 10:05 UTC: alert fired',
  '',
  '## Action items',
  '',
  '- [ ] Add a canary stage to the deploy pipeline',
  ''
].join('\n')

const documents: Array<[string, () => string]> = [
  ['an empty file', () => ''],
  ['only blank lines and spaces', () => '\n\n   \n\t\n'],
  ['only front matter', () => '---\ntitle: Outage of the API\ndate: 2024-03-05\n---\n'],
  ['front matter and nothing closing it', () => '---\ntitle: x\n'],
  ['a byte order mark', () => `\uFEFF${postmortem}`],
  ['CRLF line endings', () => postmortem.replace(/\n/g, '\r\n')],
  ['CR line endings', () => postmortem.replace(/\n/g, '\r')],
  ['a 1 MB line of words', () => 'word '.repeat(megabyte / 5)],
  ['a 1 MB line of dots and a letter', () => `${'.'.repeat(megabyte)}x`],
  // The parser alone takes seconds on 1 MB of `<` (each may open an autolink or a tag): 256 KB tests the rules, not it.
  ['a 256 KB line of `<` in a paragraph', () => `Impact: ${'<'.repeat(megabyte / 4)}`],
  ['a 1 MB HTML block of unclosed comments', () => `<div>\n${'<!--'.repeat(megabyte / 4)}\n</div>`],
  ['a 1 MB line of times', () => `## Timeline\n\n${'10:00 UTC '.repeat(megabyte / 10)}`],
  ['a 1 MB line of colons', () => `Timeline${':'.repeat(megabyte)}`],
  ['a 1 MB heading', () => `## ${'Timeline '.repeat(megabyte / 9)}`],
  ['a 256 KB table row', () => `| time | event |\n| --- | --- |\n| ${'10:00 | '.repeat(megabyte / 32)}|`],
  ['a 1 MB task', () => `## Action items\n\n- [ ] ${'fix '.repeat(megabyte / 4)}`],
  // The parser's own matching of emphasis delimiters grows faster than the
  // input (16 KB of them take a second): 8 KB here tests the rules, not it.
  ['8 KB of unmatched emphasis marks', () => `**${'*_'.repeat(4096)}`],
  // Indented lists cost the parser more than linear time in their depth
  // (500 deep: 5 s); 200 deep already nests far past any real document.
  [
    'lists nested 200 deep',
    () => Array.from({length: 200}, (_, depth) => `${'  '.repeat(depth)}- item ${depth}`).join('\n')
  ],
  ['lists nested 1,000 deep by markers', () => `${'- '.repeat(1000)}10:00 UTC deploy\n`],
  ['blockquotes nested 1,000 deep', () => `${'>'.repeat(1000)} Timeline\n`],
  [
    'blockquotes and lists nested 500 deep',
    () => `${'> - '.repeat(500)}10:00 UTC deploy\n${'> - '.repeat(500)}09:00 UTC alert\n`
  ],
  ['a heading in 1,000 emphasis marks', () => `## ${'*'.repeat(1000)}Timeline${'*'.repeat(1000)}`],
  ['100 KB of binary junk', () => junk(100_000, 7)],
  ['binary junk inside a postmortem', () => `${postmortem}\n${junk(20_000, 11)}\n## Resolution\n\nrolled back\n`],
  ['NUL characters', () => `## Time\u0000line\n\n- 10:00\u0000 UTC: x\n`],
  ['lone surrogates', () => `## Timeline\n\n- 10:00 UTC \uD800 deploy \uDC00\n`],
  ['10,000 headings', () => Array.from({length: 10_000}, (_, index) => `## Timeline ${index}\n`).join('\n')],
  ['10,000 empty list items', () => '-\n'.repeat(10_000)]
]

describe('hostile input', () => {
  for (const [name, make] of documents) {
    const value = make()
    // Large documents once (the profile changes which sections are named,
    // not how the text is scanned); small ones under two profiles.
    for (const profile of value.length > 100_000 ? ['generic'] : ['generic', 'holberton']) {
      it(`${name} (${profile})`, {timeout: 180_000}, () => {
        const messages = lintText(value, {preset: {profile}})
        expect(placeProblems(messages, value)).toEqual([])
      })
    }
  }
})
