import {readFileSync} from 'node:fs'
import remarkLintPostmortemRequiredSections from 'remark-lint-postmortem-required-sections'
import remarkParse from 'remark-parse'
import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {format, type LintOptions, lint} from '../../../test/helpers/lint.js'

const rule = remarkLintPostmortemRequiredSections

/** This rule's messages only, as `line:column: reason [ruleId]`. */
async function lintToStrings(markdown: string, options: LintOptions = {}): Promise<string[]> {
  return format((await lint(markdown, options)).filter((message) => message.ruleId === rule.ruleId))
}

describe('postmortem-required-sections', () => {
  it('gives missing-section messages the contract editors and tools use', async () => {
    const value = '## Summary\n\nThe API failed for 20 minutes on 3 May.\n\n## Impact\n\n3% of requests.\n'
    const messages = await lint(value, {
      plugins: [[rule, {profile: {sections: [{id: 'summary'}, {id: 'impact'}, {id: 'timeline'}]}}]]
    })
    // This profile asks for no follow-ups; `postmortem-actionable-tasks` says they are missing.
    const message = messages.find((item) => item.ruleId === rule.ruleId)
    expect(message).toMatchObject({
      ruleId: 'postmortem-required-sections',
      source: 'remark-lint',
      section: 'timeline',
      // The heading to insert, for editors; the fix puts it on lines of its own, a blank line before it.
      expected: ['## Timeline'],
      fix: {start: value.length, end: value.length, text: '\n## Timeline\n', safe: false},
      url: 'https://github.com/postmortem-lint/postmortem-lint/blob/main/docs/rules/required-sections.md',
      line: 8,
      column: 1
    })
  })

  it('points a missing section at the section that should follow it', async () => {
    expect(
      await lintToStrings('# Outage\n\n### Summary\n\nThe API failed.\n\n### Timeline\n\n- 10:00 alert\n', {
        plugins: [[rule, {profile: {sections: [{id: 'summary'}, {id: 'impact'}, {id: 'timeline'}]}}]]
      })
    ).toEqual([
      '6:1: Unexpected missing section `Impact`, expected a heading such as `### Impact` [postmortem-required-sections]'
    ])
  })

  it('reports a missing last section at the end, even after blank lines', async () => {
    expect(
      await lintToStrings('## Summary\n\nThe API failed for 20 minutes.\n\n## Root cause\n\ny\n\n', {
        plugins: [[rule, {profile: {sections: [{id: 'summary'}, {id: 'root-cause'}, {id: 'resolution'}]}}]]
      })
    ).toEqual([
      '9:1: Unexpected missing section `Resolution`, expected a heading such as `## Resolution` [postmortem-required-sections]'
    ])
  })

  it('takes a title centred as an indented code line, not a line of fenced code', async () => {
    const options: LintOptions = {
      plugins: [[rule, {profile: {sections: [{id: 'summary'}, {id: 'impact'}, {id: 'timeline'}]}}]]
    }
    const summary = '## Summary\n\nThe API failed for 20 minutes.\n\n'
    const timeline = '\n\n## Timeline\n\n- 10:00 alert\n'
    expect(await lintToStrings(`${summary}          Impact\n\n3% of requests.${timeline}`, options)).toEqual([
      '5:1-5:13: Unexpected section `Impact` written as a line of text, expected a heading such as `## Impact` [postmortem-required-sections]'
    ])
    // The fence is code written as such; and its line is not where the title would be.
    expect(await lintToStrings(`${summary}\`\`\`\nImpact\n\`\`\`${timeline}`, options)).toEqual([
      '8:1: Unexpected missing section `Impact`, expected a heading such as `## Impact` [postmortem-required-sections]'
    ])
  })

  it('reads a file with the line endings of old Macs (`\\r` alone) as it reads one with `\\n`', async () => {
    const lf = '<h2>Summary</h2>\n<p>The API failed for 20 minutes.</p>\n\nTimeline\n10:00 alert\nCause Summary ::\n'
    // `Cause Summary ::` names the root cause, on line 6.
    const expected = [
      '3:1: Unexpected missing section `Impact`, expected a heading such as `## Impact` [postmortem-required-sections]',
      '4:1-4:9: Unexpected section `Timeline` written as a line of text, expected a heading such as `## Timeline` [postmortem-required-sections]',
      '7:1: Unexpected missing section `Resolution`, expected a heading such as `## Resolution` [postmortem-required-sections]',
      '7:1: Unexpected missing section `Action Items`, expected a heading such as `## Action Items` [postmortem-required-sections]'
    ]
    expect(await lintToStrings(lf)).toEqual(expected)
    expect(await lintToStrings(lf.replace(/\n/g, '\r'))).toEqual(expected)
  })

  it('counts a heading that names two sections for both', async () => {
    expect(
      await lintToStrings(
        '## Issue Summary\n\nThe site was down from 10:00 to 11:00 UTC.\n\n## Timeline\n\n- 10:00 UTC alert\n\n## Root Cause and Resolution\n\nA full disk, cleaned.\n\n## Corrective and Preventative Measures\n\n- Add a disk alert\n',
        {preset: {profile: 'holberton'}}
      )
    ).toEqual([])
  })

  it('reports an empty document as not a postmortem, once', async () => {
    expect(await lintToStrings('')).toEqual([
      '1:1: Unexpected document that does not read as a postmortem (no section of the `generic` profile found), expected sections such as `Summary`, `Impact`, `Timeline`, `Root Cause`, `Resolution`, `Action Items` [postmortem-required-sections]'
    ])
  })

  it('reports a text that says what each section must contain as not a postmortem, once', async () => {
    const brief = readFileSync(new URL('../../../fixtures/sections/brief.md', import.meta.url), 'utf8')
    expect(format(await lint(brief))).toEqual([
      '1:1: Unexpected document that does not read as a postmortem (it says what each section must contain, as an assignment does), expected sections such as `Summary`, `Impact`, `Timeline`, `Root Cause`, `Resolution`, `Action Items` [postmortem-required-sections]'
    ])
    expect(format(await lint(brief, {preset: {profile: 'holberton'}}))).toEqual([
      '1:1: Unexpected document that does not read as a postmortem (it says what each section must contain, as an assignment does), expected sections such as `Issue Summary`, `Timeline`, `Root Cause`, `Resolution`, `Corrective and Preventative Measures` [postmortem-required-sections]'
    ])
  })

  it('is turned off by `false` and by lint comments', async () => {
    expect(await lintToStrings('Just a link.\n', {plugins: [[rule, false]]})).toEqual([])
    expect(await lintToStrings('<!-- lint disable postmortem-required-sections -->\n\nJust a link.\n')).toEqual([])
  })

  it('fails at once on a bad option, naming it and what is allowed', () => {
    const attach = (options: unknown) => unified().use(remarkParse).use(rule, options).freeze()
    expect(() => attach({order: 'yes'})).toThrow(
      'postmortem-required-sections: Unexpected value `"yes"` for `order`, expected `true` or `false`'
    )
    expect(() => attach({orders: true})).toThrow(
      "postmortem-required-sections: Unexpected option `orders` for `postmortem-required-sections`, expected `'profile'`, `'order'`, `'pseudoHeadings'`, or `'empty'`"
    )
    expect(() => attach({profile: 'sre'})).toThrow(
      "postmortem-required-sections: Unexpected value `\"sre\"` for `profile`, expected `'generic'`, `'holberton'`, `'google-sre'`, `'pagerduty'`, or `'atlassian'`, or an object with `sections`"
    )
    expect(() => attach({profile: {sections: [{id: 'Timeline'}]}})).toThrow(
      "postmortem-required-sections: Unexpected value `\"Timeline\"` for `profile.sections[0].id`, expected a lower-case id such as `'timeline'` or `'root-cause'`"
    )
    expect(() => attach({profile: {sections: [{id: 'timeline'}, {id: 'timeline'}]}})).toThrow(
      'postmortem-required-sections: Unexpected duplicate section id `"timeline"` in `profile.sections`'
    )
    expect(() => attach([3, {}])).toThrow('Incorrect severity `3`, expected 0, 1, or 2')
  })

  it('makes its messages fatal with the `error` severity', async () => {
    const [message] = await lint('Just a link.\n', {plugins: [[rule, ['error', {}]]]})
    expect(message?.fatal).toBe(true)
  })

  it('works with the preset listing it under its own options', async () => {
    const processor = unified()
      .use(remarkParse)
      .use(remarkPresetLintPostmortem, {profile: 'holberton'})
      .use(rule, {pseudoHeadings: false})
      .use(remarkStringify)
    const file = await processor.process(
      'Issue Summary\n\nThe site was down for an hour.\n\nTimeline\n\n- 10:00 alert\n'
    )
    const mine = file.messages.filter((message) => message.ruleId === 'postmortem-required-sections')
    expect(mine.map((message) => message.section)).toEqual(['root-cause', 'resolution', 'action-items'])
  })
})
