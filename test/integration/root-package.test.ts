import {readdirSync, readFileSync} from 'node:fs'
import * as path from 'node:path'
import {describe, expect, it} from 'vitest'
import {repoRoot} from './support.js'

// pre-commit installs the hook with npm from the root package.json alone
// (npm knows nothing of the pnpm workspace), and the postinstall step bundles
// the CLI from the packages' sources: every third-party module they import
// must come from the root's devDependencies.
interface Manifest {
  name: string
  version?: string
  bin?: Record<string, string>
  files?: string[]
  scripts?: Record<string, string>
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}

const read = (file: string): Manifest => JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8'))
const root = read('package.json')
const packages = readdirSync(path.join(repoRoot, 'packages')).map((name) => read(`packages/${name}/package.json`))
const workspaceNames = new Set(packages.map((manifest) => manifest.name))

describe('the root package, as npm installs it for pre-commit', () => {
  it('has every dependency of the packages in its devDependencies, with the same range', () => {
    const missing: string[] = []
    for (const manifest of packages) {
      for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
        if (workspaceNames.has(name) || name.startsWith('@types/')) continue
        if (root.devDependencies?.[name] !== range) missing.push(`${name}@${range} (of ${manifest.name})`)
      }
    }
    expect(missing, 'add these to the root devDependencies: the pre-commit hook bundles them').toEqual([])
  })

  it('uses no workspace: protocol, which npm rejects', () => {
    const all = {...root.dependencies, ...root.devDependencies}
    expect(Object.entries(all).filter(([, range]) => range.startsWith('workspace:'))).toEqual([])
  })

  it('has a name, a version, and a bin packed with its bundle, its code cache and its postinstall step only', () => {
    expect(root.version).toMatch(/^\d+\.\d+\.\d+/)
    expect(root.bin).toEqual({'postmortem-lint': 'dist/postmortem-lint.js'})
    expect(root.files).toEqual([
      'dist/postmortem-lint.js',
      'dist/postmortem-lint.cjs',
      'dist/postmortem-lint.cache',
      'packages/postmortem-lint/scripts/postinstall.js'
    ])
    expect(root.scripts?.postinstall).toBe('node packages/postmortem-lint/scripts/postinstall.js')
    // `npm pack` runs these, and pre-commit reads the tarball's name from its stdout.
    expect(Object.keys(root.scripts ?? {}).filter((name) => /^(pre|post)?pack$|^prepare$/.test(name))).toEqual([])
  })

  it('names the bin in .pre-commit-hooks.yaml', () => {
    const hooks = readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')
    expect(hooks).toContain('\n- id: postmortem-lint\n')
    expect(hooks).toContain('\n  entry: postmortem-lint\n')
    expect(hooks).toContain('\n  language: node\n')
  })
})
