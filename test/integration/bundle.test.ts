import {copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import * as path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {cliBin, fixtures, makeTempDir, removeTempDir, repoRoot, runProgram, writeFiles} from './support.js'

// The published `postmortem-lint` package holds the CLI bundled into one file
// (its `prepack` step), which its bin prefers: built here as `prepack` builds
// it, beside a copy of the bin, it must lint as the CLI compiled by `tsc -b`.
describe('the CLI as published, in one bundled file', () => {
  let root = ''
  let bin = ''
  beforeAll(async () => {
    root = makeTempDir('bundle')
    mkdirSync(path.join(root, 'bin'))
    bin = path.join(root, 'bin/postmortem-lint.js')
    copyFileSync(path.join(repoRoot, 'packages/postmortem-lint/bin/postmortem-lint.js'), bin)
    writeFileSync(path.join(root, 'package.json'), '{"type": "module"}\n')
    const built = await runProgram(
      process.execPath,
      [path.join(repoRoot, 'packages/postmortem-lint/scripts/bundle.js'), path.join(root, 'dist/postmortem-lint.js')],
      {cwd: repoRoot}
    )
    expect(built.stderr).toBe('')
    expect(built.code).toBe(0)
  }, 120_000)
  afterAll(() => removeTempDir(root))

  it('reports what the compiled CLI reports, with the same exit code', async () => {
    const args = ['--format', 'json', '--no-color', 'missing-sections.md', 'good.md', 'out-of-order.md']
    const compiled = await runProgram(process.execPath, [cliBin, ...args], {cwd: fixtures})
    const bundled = await runProgram(process.execPath, [bin, ...args], {cwd: fixtures})
    expect(bundled.stderr).toBe('')
    expect(JSON.parse(bundled.stdout)).toEqual(JSON.parse(compiled.stdout))
    expect(JSON.parse(bundled.stdout).length).toBe(3)
    expect(bundled.code).toBe(1)
    expect(compiled.code).toBe(1)
  })

  it('reads a YAML config that names a plugin by path, as the compiled CLI does', async () => {
    // `yaml` and the plugin loader are read only when a config asks for them.
    const project = path.join(root, 'project')
    writeFiles(project, {
      '.remarkrc.yml': 'plugins:\n  - ./shout.js\n  - remark-preset-lint-postmortem\n',
      'shout.js':
        "export default function shout() {\n  return (tree, file) => {\n    file.message('Unexpected file, expected none', {place: {line: 1, column: 1}, ruleId: 'shout', source: 'test'})\n  }\n}\n",
      'package.json': '{"type": "module"}\n',
      'incident.md': readFileSync(path.join(fixtures, 'good.md'), 'utf8')
    })
    const compiled = await runProgram(process.execPath, [cliBin, '--no-color', 'incident.md'], {cwd: project})
    const bundled = await runProgram(process.execPath, [bin, '--no-color', 'incident.md'], {cwd: project})
    expect(bundled).toEqual(compiled)
    expect(bundled.code).toBe(1)
    expect(bundled.stdout).toMatch(/^incident\.md\n1:1 +warning +Unexpected file, expected none +shout +test\n/)
  })

  it('starts from a code cache, and works the same when the cache is from elsewhere', async () => {
    const cache = path.join(root, 'dist/postmortem-lint.cache')
    expect(existsSync(cache)).toBe(true)
    const args = ['--format', 'json', 'missing-sections.md', 'good.md']
    const withCache = await runProgram(process.execPath, [bin, ...args], {cwd: fixtures})
    const kept = readFileSync(cache)
    try {
      // V8 rejects data that is not a cache of this script, and compiles it.
      writeFileSync(cache, 'not a code cache')
      const rejected = await runProgram(process.execPath, [bin, ...args], {cwd: fixtures})
      expect(rejected).toEqual(withCache)
    } finally {
      writeFileSync(cache, kept)
    }
    expect(withCache.code).toBe(1)
    expect(JSON.parse(withCache.stdout)).toHaveLength(2)
  })

  it('prints its version without the rest of the package', async () => {
    const version = await runProgram(process.execPath, [bin, '--version'], {cwd: root})
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
    expect(version.code).toBe(0)
  })
})
