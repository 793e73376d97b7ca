import {copyFileSync, readFileSync} from 'node:fs'
import * as path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {fixtures, linkPackages, makeTempDir, removeTempDir, runCli, squeeze, writeFiles} from './support.js'

// A config that lists postmortem rules itself, without the preset: the CLI
// lints with those rules only, and adds the preset when none of them runs.
let project = ''

beforeAll(() => {
  project = makeTempDir('cli-config-rules')
  linkPackages(project, ['remark-lint-postmortem-required-sections', 'remark-lint-postmortem-timeline-order'])
  writeFiles(project, {
    'ordered/.remarkrc.json': JSON.stringify({plugins: [['remark-lint-postmortem-required-sections', {order: true}]]}),
    // `"off"`, not `false`: the engine drops `false` entries (README).
    'off/.remarkrc.json': JSON.stringify({plugins: [['remark-lint-postmortem-timeline-order', 'off']]})
  })
  copyFileSync(path.join(fixtures, 'out-of-order.md'), path.join(project, 'ordered/out-of-order.md'))
  // The first entry of the timeline comes last in time.
  const lateStart = readFileSync(path.join(fixtures, 'out-of-order.md'), 'utf8').replace('- 09:10 ', '- 09:59 ')
  writeFiles(project, {'off/late-start.md': lateStart, 'no-config/late-start.md': lateStart})
})

const lint = async (folder: string) => {
  const outcome = await runCli(['--format', 'json', folder], project)
  const files: Array<{messages: Array<{ruleId: string; line: number; column: number; reason: string}>}> = JSON.parse(
    outcome.stdout
  )
  const messages = files.flatMap((file) =>
    file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)
  )
  return {code: outcome.code, stderr: outcome.stderr, messages}
}

afterAll(() => removeTempDir(project))

describe('a config that lists a postmortem rule without the preset', {timeout: 60_000}, () => {
  it('runs that rule alone with its options, and nothing is added', async () => {
    const outcome = await runCli(['--no-color', 'ordered'], project)
    expect(outcome.stderr).toBe('')
    expect(squeeze(outcome.stdout)).toBe(
      [
        'ordered/out-of-order.md',
        '29:1-29:14 warning Unexpected section `Root Cause` after `Resolution`, expected it before, as in the `generic` profile postmortem-required-sections remark-lint',
        ' [cause]:',
        ' 25:1-25:14 info `Resolution` is here remark-lint',
        '',
        '⚠ 1 warning',
        ''
      ].join('\n')
    )
    expect(outcome.code).toBe(1)
  })

  it('gets the preset added when the rule it lists is turned off, and the rule stays off', async () => {
    // Without a config, the preset reports the timeline.
    expect(await lint('no-config')).toEqual({
      code: 1,
      stderr: '',
      messages: [
        '19:3 postmortem-timeline-order Unexpected `09:12` after `09:59` on 2024-05-14, expected entries in time order'
      ]
    })
    expect(await lint('off')).toEqual({
      code: 0,
      stderr:
        'postmortem-lint: no postmortem rule in `off/.remarkrc.json`: added remark-preset-lint-postmortem (profile `generic`)\n',
      messages: []
    })
  })
})
