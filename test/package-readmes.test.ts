import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import * as path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

// Every package is published as it stands: a README that says what it is and
// how to use it (its code examples run), the license, and the metadata a
// registry shows.
const root = path.resolve(import.meta.dirname, '..')
const folders = readdirSync(path.join(root, 'packages')).sort()
// Examples run from a folder inside the checkout, so that they resolve the
// packages as an installed project does.
const scratch = mkdtempSync(path.join(root, 'node_modules', '.readme-examples-'))
afterAll(() => rmSync(scratch, {recursive: true, force: true}))

function codeBlocks(markdown: string, lang: string): string[] {
  const blocks: string[] = []
  const pattern = new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, 'gm')
  for (const match of markdown.matchAll(pattern)) blocks.push(match[1] as string)
  return blocks
}

describe.each(folders)('packages/%s', (folder) => {
  const dir = path.join(root, 'packages', folder)
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))
  const readme = existsSync(path.join(dir, 'README.md')) ? readFileSync(path.join(dir, 'README.md'), 'utf8') : ''

  it('has a README that names it, says how to install it, and a license', () => {
    expect(readme.startsWith(`# ${manifest.name}\n`)).toBe(true)
    expect(readme).toContain(`npm install`)
    expect(readme).toContain(manifest.name)
    expect(readFileSync(path.join(dir, 'LICENSE'), 'utf8')).toContain('MIT License')
    expect(manifest.license).toBe('MIT')
  })

  it('has the metadata a registry shows', () => {
    expect(manifest.repository).toEqual({
      type: 'git',
      url: 'git+https://github.com/postmortem-lint/postmortem-lint.git',
      directory: `packages/${folder}`
    })
    expect(manifest.keywords).toContain('postmortem')
    if (folder.startsWith('remark-lint-')) expect(manifest.keywords).toContain('remark-lint-rule')
    expect(manifest.files).toEqual(expect.arrayContaining(['dist', 'README.md', 'LICENSE']))
    expect(manifest.exports['.'].types).toBe('./dist/index.d.ts')
    expect(manifest.engines.node).toBe('>=20')
  })

  const examples = codeBlocks(readme, 'js')
  if (examples.length > 0) {
    it('runs the code examples of its README', () => {
      examples.forEach((code, at) => {
        const file = path.join(scratch, `${folder}-${at}.mjs`)
        writeFileSync(file, code)
        const result = spawnSync(process.execPath, [file], {encoding: 'utf8'})
        expect(result.stderr).toBe('')
        expect(result.status).toBe(0)
        // A rule's example shows the rule's own message.
        const rule = folder.startsWith('remark-lint-') ? folder.replace('remark-lint-', '') : undefined
        expect(result.stdout).toContain(rule ? `(${rule})` : '')
        expect(result.stdout.trim()).not.toBe('')
      })
    })
  }

  if (folder.startsWith('remark-')) {
    it('shows a remark config that names the package', () => {
      const configs = codeBlocks(readme, 'json').map((text) => JSON.parse(text))
      expect(configs.length).toBeGreaterThan(0)
      for (const config of configs) expect(JSON.stringify(config.plugins)).toContain(manifest.name)
    })
  }
})
