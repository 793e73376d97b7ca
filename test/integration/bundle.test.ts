import {copyFileSync, mkdirSync, writeFileSync} from 'node:fs'
import * as path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {cliBin, fixtures, makeTempDir, removeTempDir, repoRoot, runProgram} from './support.js'

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

  it('prints its version without the rest of the package', async () => {
    const version = await runProgram(process.execPath, [bin, '--version'], {cwd: root})
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
    expect(version.code).toBe(0)
  })
})
