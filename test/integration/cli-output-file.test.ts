import {readFileSync} from 'node:fs'
import * as path from 'node:path'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {fixtures, makeTempDir, removeTempDir, runCli, writeFiles} from './support.js'

// A run that stops before linting (exit 2) still leaves the tool that reads
// `--output-file` a valid report of its format, with no results: a CI step
// that uploads it gets neither a missing file nor the one of the last run.
let project = ''

beforeAll(() => {
  project = makeTempDir('cli-output-file')
  writeFiles(project, {
    'empty/notes.txt': 'No postmortem here.\n',
    'misspelled/.remarkrc.json': JSON.stringify({plugin: ['remark-preset-lint-postmortem']}),
    'misspelled/2024-05-15.md': readFileSync(path.join(fixtures, 'missing-sections.md'), 'utf8')
  })
})

afterAll(() => removeTempDir(project))

const stops = [
  {name: 'no Markdown file is found', folder: 'empty', problem: 'No Markdown files to lint in `empty`'},
  {
    name: 'the config does not load',
    folder: 'misspelled',
    problem:
      "Cannot parse file `misspelled/.remarkrc.json`: Unexpected field `plugin`, expected `'plugins'`, or `'settings'`"
  }
]

/** Run the CLI with `-o`, over a report left by an earlier run; give back the file written. */
async function reportOf(format: string, folder: string, problem: string): Promise<string> {
  const target = path.join(project, 'reports', `${folder}.${format}`)
  writeFiles(project, {[path.relative(project, target)]: 'the report of an earlier run'})
  const outcome = await runCli(['--format', format, '--output-file', target, folder], project)
  expect(outcome).toEqual({code: 2, signal: null, stdout: '', stderr: `postmortem-lint: ${problem}\n`})
  return readFileSync(target, 'utf8')
}

describe.each(stops)('--output-file when $name', {timeout: 60_000}, ({folder, problem}) => {
  it('json: an empty list', async () => {
    expect(JSON.parse(await reportOf('json', folder, problem))).toEqual([])
  })

  it('gitlab: an empty list of Code Quality issues', async () => {
    expect(JSON.parse(await reportOf('gitlab', folder, problem))).toEqual([])
  })

  it('junit: well-formed XML with zero tests', async () => {
    const text = await reportOf('junit', folder, problem)
    expect(XMLValidator.validate(text)).toBe(true)
    const xml = new XMLParser({ignoreAttributes: false, attributeNamePrefix: ''}).parse(text)
    expect(xml.testsuites).toMatchObject({name: 'postmortem-lint', tests: '0', failures: '0', errors: '0'})
    expect(xml.testsuites.testsuite).toMatchObject({tests: '0', failures: '0', errors: '0'})
    expect(xml.testsuites.testsuite.testcase).toBeUndefined()
  })

  it('sarif: one run with no results, whose invocation tells the problem', async () => {
    const log = JSON.parse(await reportOf('sarif', folder, problem))
    expect(log.version).toBe('2.1.0')
    expect(log.runs).toHaveLength(1)
    const [run] = log.runs
    expect(run.tool.driver.name).toBe('postmortem-lint')
    expect(run.results).toEqual([])
    expect(run.invocations).toEqual([
      {executionSuccessful: false, toolConfigurationNotifications: [{level: 'error', message: {text: problem}}]}
    ])
  })
})

describe('--output-file after a run that linted', {timeout: 60_000}, () => {
  it('is overwritten by the next run that stops', async () => {
    const target = path.join(project, 'reports/again.json')
    const linted = await runCli(['-f', 'json', '-o', target, '--no-config', 'misspelled'], project)
    expect(linted.code).toBe(1)
    expect(JSON.parse(readFileSync(target, 'utf8'))).toHaveLength(1)
    expect((await runCli(['-f', 'json', '-o', target, 'empty'], project)).code).toBe(2)
    expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual([])
  })
})
