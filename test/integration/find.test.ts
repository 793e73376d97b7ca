import {mkdirSync, symlinkSync} from 'node:fs'
import * as path from 'node:path'
import type {Root} from 'mdast'
import {unified} from 'unified'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {runEngine} from '../../packages/postmortem-lint/src/engine.js'
import {type FoundFile, findFiles} from '../../packages/postmortem-lint/src/find.js'
import {makeTempDir, removeTempDir, writeFiles} from './support.js'

// A large run finds its files without the engine (whose cost per file grows
// with the files of a run), then lets the engine lint them a share at a
// time. What it finds must be what the engine finds: the same files, in
// the same order, the same ones ignored.

/** What the engine itself is given for `files`: it searches, reads, and parses nothing. */
async function engineSearch(files: string[], cwd: string, detectIgnore = true): Promise<FoundFile[]> {
  function emptyParser(this: ReturnType<typeof unified>): void {
    this.parser = (): Root => ({type: 'root', children: []})
  }
  const {given} = await runEngine({
    processor: unified().use(emptyParser),
    files,
    cwd,
    detectConfig: false,
    detectIgnore
  })
  return given.map((file) => ({
    path: file.path,
    ignored: file.messages.some((message) => message.reason.startsWith('Cannot process specified file'))
  }))
}

let project = ''

beforeAll(() => {
  project = makeTempDir('find')
  writeFiles(project, {
    'README.md': '# Read me\n',
    'notes.txt': 'not Markdown\n',
    'CHANGELOG.markdown': '# Changes\n',
    '.remarkignore': 'drafts/\nold-*.md\n!old-keep.md\nnested/deeper/skip.md\n',
    'docs/a.md': '# A\n',
    'docs/b.mdx': '# B\n',
    'docs/c.mkd': '# C\n',
    'docs/old-1.md': '# Old\n',
    'docs/old-keep.md': '# Kept\n',
    'docs/image.png': 'png',
    'docs/no-extension': '# none\n',
    'docs/node_modules/pkg/readme.md': '# a package\n',
    'docs/.hidden/secret.md': '# hidden folder\n',
    'docs/.dotfile.md': '# dot file\n',
    'drafts/draft.md': '# Draft\n',
    'nested/one.md': '# One\n',
    'nested/deeper/skip.md': '# Skipped\n',
    'nested/deeper/keep.md': '# Kept\n',
    // A nearer ignore file replaces the one above it.
    'own/.remarkignore': 'local.md\n',
    'own/local.md': '# Local\n',
    'own/old-2.md': '# Not ignored here\n',
    'node_modules/dep/readme.md': '# dependency\n',
    'with space/file name.md': '# Spaces\n'
  })
  mkdirSync(path.join(project, 'empty'))
  symlinkSync('missing-target.md', path.join(project, 'nested/broken-link.md'))
  symlinkSync('missing-target.txt', path.join(project, 'nested/broken-link.txt'))
})

afterAll(() => removeTempDir(project))

const cases: Array<[string, string[]]> = [
  ['the current folder', ['.']],
  ['a folder', ['docs']],
  ['folders, nested ignore files', ['nested', 'own']],
  ['named files: another extension, ignored, missing', ['notes.txt', 'docs/old-1.md', 'drafts/draft.md', 'nope.md']],
  ['a named ignored folder, a named node_modules', ['drafts', 'node_modules', 'empty']],
  ['globs', ['**/*.md', 'docs/*.mdx', '*.{md,markdown}']],
  ['a glob that matches nothing', ['nothing-*.md']],
  ['a file named twice, and in a folder', ['docs/a.md', 'docs', './docs/a.md']],
  ['paths with .. and spaces', ['docs/../with space', 'own/../README.md']],
  ['a missing folder', ['no-such-folder']]
]

describe('findFiles', () => {
  for (const [name, files] of cases) {
    it(`finds what the engine finds: ${name}`, async () => {
      const expected = await engineSearch(files, project)
      // Every case but the glob that matches nothing finds some files.
      expect(expected.length > 0).toBe(!files[0]?.startsWith('nothing-'))
      expect(await findFiles({files, cwd: project, detectIgnore: true})).toEqual(expected)
    })
  }

  it('finds, in a folder, Markdown files only (not .mdx), no node_modules, no ignored ones, broken links', async () => {
    expect(await findFiles({files: ['.'], cwd: project, detectIgnore: true})).toEqual(
      [
        'CHANGELOG.markdown',
        'README.md',
        'docs/.dotfile.md',
        'docs/.hidden/secret.md',
        'docs/a.md',
        'docs/c.mkd',
        'docs/old-keep.md',
        'nested/broken-link.md',
        'nested/deeper/keep.md',
        'nested/one.md',
        'own/old-2.md',
        'with space/file name.md'
      ].map((file) => ({path: file.split('/').join(path.sep), ignored: false}))
    )
  })

  it('finds what the engine finds without ignore files', async () => {
    const files = ['.', 'drafts/draft.md']
    const expected = await engineSearch(files, project, false)
    expect(expected.map((file) => file.path)).toContain(path.join('drafts', 'draft.md'))
    expect(await findFiles({files, cwd: project, detectIgnore: false})).toEqual(expected)
  })

  it('finds what the engine finds from a folder below', async () => {
    const cwd = path.join(project, 'nested')
    const files = ['.', '../own', '../docs/a.md']
    expect(await findFiles({files, cwd, detectIgnore: true})).toEqual(await engineSearch(files, cwd))
  })

  it('leaves the search to the engine when an ignore file cannot be read', async () => {
    const odd = makeTempDir('find-odd')
    try {
      mkdirSync(path.join(odd, '.remarkignore'))
      writeFiles(odd, {'a.md': '# A\n'})
      expect(await findFiles({files: ['.'], cwd: odd, detectIgnore: true})).toBeUndefined()
    } finally {
      removeTempDir(odd)
    }
  })
})
