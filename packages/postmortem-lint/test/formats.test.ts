import {readFileSync} from 'node:fs'
import remarkLint from 'remark-lint'
import remarkPresetLintPostmortem, {rules} from 'remark-preset-lint-postmortem'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {formatGithub, formatJson, sarifLog, setupProblems, useBuiltinPlugins, version} from '../src/index.js'

function fileWith(path: string, build: (file: VFile) => void): VFile {
  const file = new VFile({path, cwd: '/project'})
  build(file)
  return file
}

describe('formatGithub', () => {
  it('escapes the message and the properties as workflow commands require', () => {
    const file = fileWith('docs/a, b:c.md', (target) => {
      const message = target.message('100% wrong\r\nsecond line', {
        place: {start: {line: 2, column: 3}, end: {line: 2, column: 9}},
        ruleId: 'postmortem-x',
        source: 'remark-lint'
      })
      message.fatal = true
    })
    expect(formatGithub([file], '/project')).toBe(
      '::error file=docs/a%2C b%3Ac.md,line=2,col=3,endLine=2,endColumn=9,title=postmortem-x::100%25 wrong%0D%0Asecond line\n'
    )
  })

  it('leaves out the place of a message without one, and tells info as a notice', () => {
    const file = fileWith('a.md', (target) => {
      target.info('Just so you know')
    })
    expect(formatGithub([file], '/project')).toBe('::notice file=a.md::Just so you know\n')
  })
})

describe('formatJson', () => {
  it('gives nulls for what a message does not have', () => {
    const file = fileWith('a.md', (target) => {
      target.message('Odd', {place: {line: 1, column: 1}})
    })
    expect(JSON.parse(formatJson([file], '/project'))).toEqual([
      {
        path: 'a.md',
        errorCount: 0,
        warningCount: 1,
        messages: [
          {
            ruleId: null,
            source: null,
            severity: 'warning',
            reason: 'Odd',
            line: 1,
            column: 1,
            url: null,
            expected: null,
            section: null,
            cause: null
          }
        ]
      }
    ])
  })
})

describe('sarifLog', () => {
  it('lists a rule once, gives results without a place only the file, and encodes the URI', () => {
    const file = fileWith('post mortems/a.md', (target) => {
      target.message('One', {ruleId: 'postmortem-x', source: 'remark-lint'})
      target.info('Two', {ruleId: 'postmortem-x', source: 'remark-lint'})
    })
    const run = sarifLog([file], '/project').runs[0]
    expect(run?.tool.driver.rules).toEqual([{id: 'postmortem-x'}])
    expect(run?.results).toEqual([
      {
        level: 'warning',
        message: {text: 'One'},
        locations: [{physicalLocation: {artifactLocation: {uri: 'post%20mortems/a.md', uriBaseId: '%SRCROOT%'}}}],
        ruleId: 'postmortem-x',
        ruleIndex: 0
      },
      {
        level: 'note',
        message: {text: 'Two'},
        locations: [{physicalLocation: {artifactLocation: {uri: 'post%20mortems/a.md', uriBaseId: '%SRCROOT%'}}}],
        ruleId: 'postmortem-x',
        ruleIndex: 0
      }
    ])
  })
})

describe('setupProblems', () => {
  it('tells each config problem once, with its cause, and leaves rule messages alone', () => {
    const files = ['a.md', 'b.md'].map((path) =>
      fileWith(path, (target) => {
        const problem = target.message('Cannot process file', {
          cause: new Error('remark-preset-lint-postmortem: Unexpected value `1` for `profile`\n    at stack')
        })
        problem.fatal = true
        const finding = target.message('Unexpected missing section', {ruleId: 'postmortem-required-sections'})
        finding.fatal = true
      })
    )
    expect(setupProblems(files)).toEqual(['remark-preset-lint-postmortem: Unexpected value `1` for `profile`'])
  })
})

describe('useBuiltinPlugins', () => {
  it('swaps the names of built-in plugins, in lists and in maps, with or without the remark- prefix', () => {
    const order = rules.find((rule) => rule.ruleId === 'postmortem-required-sections')
    expect(
      useBuiltinPlugins({
        settings: {bullet: '-'},
        plugins: [
          'remark-lint',
          ['preset-lint-postmortem', {profile: 'holberton'}],
          ['remark-lint-postmortem-required-sections', {order: true}],
          ['remark-gfm']
        ]
      })
    ).toEqual({
      settings: {bullet: '-'},
      plugins: [
        remarkLint,
        [remarkPresetLintPostmortem, {profile: 'holberton'}],
        [order, {order: true}],
        ['remark-gfm']
      ]
    })
    expect(useBuiltinPlugins({plugins: {'remark-preset-lint-postmortem': {}, 'remark-toc': true}})).toEqual({
      plugins: [
        [remarkPresetLintPostmortem, {}],
        ['remark-toc', true]
      ]
    })
  })
})

describe('version', () => {
  it('is the version in package.json', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    expect(version).toBe(manifest.version)
  })
})
