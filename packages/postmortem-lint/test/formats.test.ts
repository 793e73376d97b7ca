import {mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import * as path from 'node:path'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import remarkLint from 'remark-lint'
import remarkPresetLintPostmortem, {rules} from 'remark-preset-lint-postmortem'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {
  formatGithub,
  formatGitlab,
  formatJson,
  formatJunit,
  formatSummary,
  ruleDocs,
  sarifLog,
  setupProblems,
  useBuiltinPlugins,
  version
} from '../src/index.js'
import {repositoryRoot} from '../src/root.js'

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
            fix: null,
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

/** Two files as a rule set would leave them: warnings of two rules, an error, an info. */
function gradedFiles(): VFile[] {
  const first = fileWith('class/bob.md', (target) => {
    target.message('Missing `Impact`', {place: {line: 8, column: 1}, ruleId: 'postmortem-required-sections'})
    target.message('Missing `Root Cause`', {place: {line: 19, column: 1}, ruleId: 'postmortem-required-sections'})
    const error = target.message('`09:10` after `09:40`', {
      place: {line: 12, column: 3},
      ruleId: 'postmortem-timeline-order'
    })
    error.fatal = true
    target.info('Not counted', {place: {line: 30, column: 1}, ruleId: 'postmortem-timeline-order'})
  })
  const second = fileWith('class/alice.md', () => {})
  return [first, second]
}

describe('formatSummary', () => {
  it('counts the files checked and failing, and lays out files × rules', () => {
    expect(formatSummary(gradedFiles(), '/project')).toBe(
      [
        'Files checked: 2',
        'Files failing: 1',
        '',
        'file            postmortem-required-sections  postmortem-timeline-order  total',
        'class/alice.md                             0                          0      0',
        'class/bob.md                               2                          1      3',
        'total                                      2                          1      3',
        ''
      ].join('\n')
    )
  })

  it('has a file and a total column only when nothing is reported', () => {
    expect(formatSummary([fileWith('a.md', () => {})], '/project')).toBe(
      'Files checked: 1\nFiles failing: 0\n\nfile   total\na.md       0\ntotal      0\n'
    )
  })
})

describe('formatJunit', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => name === 'testcase'
  })

  it('is well-formed JUnit XML: a test case per file, a failure listing the messages of a failing one', () => {
    const xml = formatJunit(gradedFiles(), '/project')
    expect(XMLValidator.validate(xml)).toBe(true)
    const {testsuites} = parser.parse(xml)
    expect(testsuites).toMatchObject({name: 'postmortem-lint', tests: '2', failures: '1', errors: '0'})
    expect(testsuites.testsuite).toMatchObject({name: 'postmortem-lint', tests: '2', failures: '1', errors: '0'})
    expect(testsuites.testsuite.testcase).toEqual([
      {
        name: 'class/bob.md',
        classname: 'class/bob.md',
        file: 'class/bob.md',
        failure: {
          message: '1 error, 2 warnings',
          type: 'error',
          '#text': [
            '8:1 warning Missing `Impact` (postmortem-required-sections)',
            '12:3 error `09:10` after `09:40` (postmortem-timeline-order)',
            '19:1 warning Missing `Root Cause` (postmortem-required-sections)'
          ].join('\n')
        }
      },
      {name: 'class/alice.md', classname: 'class/alice.md', file: 'class/alice.md'}
    ])
  })

  it('escapes markup and leaves out characters XML forbids', () => {
    const file = fileWith('a&b "c".md', (target) => {
      target.message('Unexpected <b> & "x"\u0007', {ruleId: 'postmortem-x'})
    })
    const xml = formatJunit([file], '/project')
    expect(XMLValidator.validate(xml)).toBe(true)
    const [testcase] = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => name === 'testcase',
      processEntities: true
    }).parse(xml).testsuites.testsuite.testcase
    expect(testcase.name).toBe('a&b "c".md')
    expect(testcase.failure['#text']).toBe('1:1 warning Unexpected <b> & "x" (postmortem-x)')
  })
})

describe('formatGitlab', () => {
  it('gives every field GitLab Code Quality requires, one issue per message', () => {
    const issues = JSON.parse(formatGitlab(gradedFiles(), '/project'))
    expect(issues.map((issue: Record<string, unknown>) => ({...issue, fingerprint: typeof issue.fingerprint}))).toEqual(
      [
        {
          description: 'Missing `Impact`',
          check_name: 'postmortem-required-sections',
          fingerprint: 'string',
          severity: 'minor',
          location: {path: 'class/bob.md', lines: {begin: 8}}
        },
        {
          description: '`09:10` after `09:40`',
          check_name: 'postmortem-timeline-order',
          fingerprint: 'string',
          severity: 'major',
          location: {path: 'class/bob.md', lines: {begin: 12}}
        },
        {
          description: 'Missing `Root Cause`',
          check_name: 'postmortem-required-sections',
          fingerprint: 'string',
          severity: 'minor',
          location: {path: 'class/bob.md', lines: {begin: 19}}
        },
        {
          description: 'Not counted',
          check_name: 'postmortem-timeline-order',
          fingerprint: 'string',
          severity: 'info',
          location: {path: 'class/bob.md', lines: {begin: 30}}
        }
      ]
    )
  })

  it('fingerprints: unique in a report, and kept when lines move', () => {
    const at = (line: number) =>
      fileWith('a.md', (target) => {
        target.message('Vague task', {place: {line, column: 1}, ruleId: 'postmortem-actionable-tasks'})
        target.message('Vague task', {place: {line: line + 1, column: 1}, ruleId: 'postmortem-actionable-tasks'})
      })
    const fingerprints = (line: number) =>
      JSON.parse(formatGitlab([at(line)], '/project')).map((issue: {fingerprint: string}) => issue.fingerprint)
    const [one, two] = fingerprints(3)
    expect(one).toMatch(/^[0-9a-f]{64}$/)
    expect(two).not.toBe(one)
    expect(fingerprints(10)).toEqual([one, two])
  })
})

describe('sarifLog rules', () => {
  it('describes a postmortem rule (short, full, help, helpUri), and another plugin’s rule by id and page only', () => {
    const url = 'https://example.com/timeline-order.md'
    const file = fileWith('a.md', (target) => {
      const message = target.message('Out of order', {
        place: {line: 1, column: 1},
        ruleId: 'postmortem-timeline-order',
        source: 'remark-lint'
      })
      message.url = url
      const other = target.message('Undefined', {
        place: {line: 2, column: 1},
        ruleId: 'no-undefined-references',
        source: 'remark-lint'
      })
      other.url = 'https://example.com/no-undefined-references'
    })
    const full = "Checks that the entries of a postmortem's timeline go forward in time."
    expect(sarifLog([file], '/project').runs[0]?.tool.driver.rules).toEqual([
      {
        id: 'postmortem-timeline-order',
        shortDescription: {text: 'The timeline goes forward in time'},
        fullDescription: {text: full},
        help: {text: `${full} See ${url}`, markdown: `${full}\n\n[\`postmortem-timeline-order\` docs](${url})`},
        helpUri: url
      },
      {id: 'no-undefined-references', helpUri: 'https://example.com/no-undefined-references'}
    ])
  })

  it('has a description for every rule of the preset, the opening paragraph of its docs page', () => {
    expect(Object.keys(ruleDocs).sort()).toEqual(rules.map((rule) => rule.ruleId).sort())
    for (const rule of rules) {
      const page = readFileSync(
        new URL(`../../../docs/rules/${rule.ruleId.slice('postmortem-'.length)}.md`, import.meta.url),
        'utf8'
      )
      const opening = page.split('\n\n')[1]?.replace(/\n/g, ' ')
      expect(ruleDocs[rule.ruleId]?.full).toBe(opening)
    }
  })
})

describe('repositoryRoot', () => {
  it('is the folder holding .git above the folder given, or that folder when there is none', () => {
    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'postmortem-lint-root-')))
    try {
      mkdirSync(path.join(dir, 'repo/.git'), {recursive: true})
      mkdirSync(path.join(dir, 'repo/docs/postmortems'), {recursive: true})
      mkdirSync(path.join(dir, 'loose'), {recursive: true})
      expect(repositoryRoot(path.join(dir, 'repo/docs/postmortems'))).toBe(path.join(dir, 'repo'))
      expect(repositoryRoot(path.join(dir, 'repo'))).toBe(path.join(dir, 'repo'))
      // The temporary folder is in no repository (unless the machine's is).
      expect(repositoryRoot(path.join(dir, 'loose'))).toBe(
        repositoryRoot(tmpdir()) === tmpdir() ? path.join(dir, 'loose') : repositoryRoot(tmpdir())
      )
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})
