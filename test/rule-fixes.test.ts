import {applyFixes, type PostmortemFix} from 'mdast-util-postmortem'
import {describe, expect, it} from 'vitest'
import {lint, placeText} from './helpers/lint.js'

// The fix each rule's message carries (`message.fix`), whether `--fix` may
// apply it (`safe`), and what the text becomes with it. Its place and
// `expected` are the fix's range and text, so an editor makes the same edit;
// an inserted heading's `expected` is the heading alone (`## Impact`) where it
// lands on a line of its own, as a missing section's message has always said.
interface Fixed {
  ruleId?: string | undefined
  reason: string
  expected?: unknown
  fix?: PostmortemFix
  place?: unknown
}

/** `line:column ruleId safe|unsafe: text after the fix`, for each message with a fix (whose reason has `only`). */
async function fixes(markdown: string, only = ''): Promise<string[]> {
  const messages = (await lint(markdown)) as unknown as Fixed[]
  return messages
    .filter((message) => message.fix && message.reason.includes(only))
    .map((message) => {
      const fix = message.fix as PostmortemFix
      if (fix.start === fix.end) {
        // An insertion: editors put `expected` at the message's place, and the heading stands on a line of its own.
        const heading = fix.text.trim().split('\n')[0] as string
        const edited = editorEdit(markdown, message)
        expect(edited.split('\n')).toContain(heading)
      } else expect(message.expected).toEqual([fix.text])
      return `${placeText(message as never)} ${message.ruleId} ${fix.safe ? 'safe' : 'unsafe'}: ${JSON.stringify(applyFixes(markdown, [fix]).text)}`
    })
}

/** The text after an editor's quick fix: the message's place replaced by its first `expected`. */
function editorEdit(markdown: string, message: Fixed): string {
  const place = message.place as {line: number; column: number} | {start: {line: number; column: number}}
  const start = 'start' in place ? place.start : place
  const lines = markdown.split('\n')
  const offset = lines.slice(0, start.line - 1).reduce((total, line) => total + line.length + 1, 0) + start.column - 1
  const end = 'start' in place ? offset : offset
  return markdown.slice(0, offset) + String((message.expected as string[])[0]) + markdown.slice(end)
}

const summary = 'On 3 July 2024 the API failed for 20 minutes for 30% of users.'

describe('fixes', () => {
  it('a pseudo-heading becomes a heading: safe on its own line at the top level, blank lines added', async () => {
    const markdown = `# API outage\n\n**Summary**\n${summary}\n\n- **Timeline**\n  - 10:00 UTC alert\n  - 10:20 UTC rollback\n`
    expect(await fixes(markdown, 'written as')).toEqual([
      `3:1-3:12 postmortem-required-sections safe: ${JSON.stringify(markdown.replace('**Summary**\n', '## Summary\n\n'))}`,
      // In a list item, a heading would end the list: offered to the editor, not applied by `--fix`.
      `6:3-6:15 postmortem-required-sections unsafe: ${JSON.stringify(markdown.replace('**Timeline**\n', '## Timeline\n\n'))}`
    ])
  })

  it('an indented `Title:` line loses its indent; a title whose marks hold more is not safe', async () => {
    const markdown = `# API outage\n\n  Summary:\n\n${summary}\n\n**[Timeline](#timeline)**\n\n- 10:00 UTC alert\n- 10:20 UTC rollback\n`
    expect(await fixes(markdown, 'written as')).toEqual([
      `3:1-3:11 postmortem-required-sections safe: ${JSON.stringify(markdown.replace('  Summary:', '## Summary'))}`,
      `7:1-7:26 postmortem-required-sections unsafe: ${JSON.stringify(markdown.replace('**[Timeline](#timeline)**', '## Timeline'))}`
    ])
  })

  it('a missing section is inserted between blank lines, for editors only', async () => {
    const markdown = `## Summary\n\n${summary}\n\n## Timeline\n\n- 10:00 UTC alert\n- 10:20 UTC rollback\n\n## Root cause\n\nA bad deploy.\n\n## Resolution\n\nRolled back.\n\n## Action items\n\n- Add a canary stage to the deploy pipeline`
    expect(await fixes(markdown)).toEqual([
      `4:1 postmortem-required-sections unsafe: ${JSON.stringify(markdown.replace('\n\n## Timeline', '\n\n## Impact\n\n## Timeline'))}`
    ])
  })

  it('a zone named wrong for the date is renamed (safe); a zone required on times without one is not', async () => {
    const markdown = `## Summary\n\n${summary}\n\n## Timeline\n\n- 10:00 PST alert\n- 10:20 PST rollback\n`
    expect(await fixes(markdown)).toEqual([
      `4:1 postmortem-required-sections unsafe: ${JSON.stringify(markdown.replace('\n\n## Timeline', '\n\n## Impact\n\n## Timeline'))}`,
      `7:9-7:12 postmortem-timeline-timezone safe: ${JSON.stringify(markdown.replace('10:00 PST', '10:00 PDT'))}`,
      `8:9-8:12 postmortem-timeline-timezone safe: ${JSON.stringify(markdown.replace('10:20 PST', '10:20 PDT'))}`,
      // At the end, after the final line ending.
      `9:1 postmortem-required-sections unsafe: ${JSON.stringify(`${markdown}\n## Root Cause\n`)}`,
      `9:1 postmortem-required-sections unsafe: ${JSON.stringify(`${markdown}\n## Resolution\n`)}`,
      `9:1 postmortem-required-sections unsafe: ${JSON.stringify(`${markdown}\n## Action Items\n`)}`
    ])
  })

  it('a list marker without its space gets one (safe); a numbered line that only needs a blank line gets no fix', async () => {
    const markdown = `## Summary\n\n${summary}\n\n## Action items\n\n-Add a canary stage to the deploy pipeline\n• Page the API team on 5xx errors above 2%\n\nTo do next:\n3. Add a rollback button to the deploy tool\n4. Alert on a failed canary\n`
    const result = await fixes(markdown)
    expect(result.filter((line) => line.includes('actionable-tasks'))).toEqual([
      `7:1-7:43 postmortem-actionable-tasks safe: ${JSON.stringify(markdown.replace('-Add', '- Add'))}`,
      `8:1-8:43 postmortem-actionable-tasks safe: ${JSON.stringify(markdown.replace('• Page', '- Page'))}`
    ])
    const messages = await lint(markdown)
    const numbered = messages.find((message) => message.reason.includes('`4. Alert on a failed canary`'))
    expect(numbered).toMatchObject({expected: ['4. Alert on a failed canary']})
    expect((numbered as Fixed | undefined)?.fix).toBeUndefined()
  })

  it('gives a pseudo-heading no fix without positions (the editor has no range to edit)', async () => {
    const markdown = `# API outage\n\n**Summary**\n${summary}\n\n**Timeline**\n\n- 10:00 UTC alert\n`
    const written = (message: Fixed) => message.reason.includes('written as')
    const placed = ((await lint(markdown)) as unknown as Fixed[]).filter(written)
    expect(placed.map((message) => message.fix?.safe)).toEqual([true, true])
    const unplaced = ((await lint(markdown, {stripPositions: true})) as unknown as Fixed[]).filter(written)
    expect(unplaced.map((message) => [message.fix, message.expected])).toEqual([
      [undefined, ['## Summary']],
      [undefined, ['## Timeline']]
    ])
  })
})
