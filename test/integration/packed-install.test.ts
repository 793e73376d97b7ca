import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {builtinModules} from 'node:module'
import * as path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {fixtures, makeTempDir, removeTempDir, repoRoot, runProgram, squeeze} from './support.js'

// What a user gets after a release: every package packed as `pnpm publish`
// packs it (`workspace:` versions rewritten, the CLI's `prepack` bundle),
// then installed from those tarballs, all at once, with npm, into a project
// of its own away from the checkout, beside remark-cli. Slow (network
// installs): `pnpm test:pack` runs it, and CI (`.ci/run`) after the suite.
interface Manifest {
  name: string
  version: string
  main?: string
  types?: string
  bin?: Record<string, string>
  exports?: Record<string, string | Record<string, string>>
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  packageManager?: string
}

const readJson = (file: string): Manifest => JSON.parse(readFileSync(file, 'utf8'))
const root = readJson(path.join(repoRoot, 'package.json'))
const folders = readdirSync(path.join(repoRoot, 'packages')).sort()
const manifests = folders.map((folder) => readJson(path.join(repoRoot, 'packages', folder, 'package.json')))
const version = manifests[0]?.version ?? ''
const pnpm = `pnpm@${root.packageManager?.replace(/^pnpm@/, '')}`
/** The same major version of a tool the checkout uses (`^12.0.1`). */
const rangeOf = (name: string): string => root.devDependencies?.[name] ?? 'latest'

/**
 * The environment of a user's shell: `pnpm test` passes its own settings to
 * what it runs as `npm_config_*` variables, which npm warns about.
 */
const userEnv: Record<string, string | undefined> = Object.fromEntries(
  Object.keys(process.env)
    .filter((key) => /^npm_config_/i.test(key) && !/^npm_config_(?:registry|cache|userconfig)$/i.test(key))
    .map((key) => [key, undefined])
)

let work = ''
let tarballs = ''
let extracted = ''
let project = ''
const timings: string[] = []

async function step(name: string, command: string, args: string[], cwd: string) {
  const start = performance.now()
  const outcome = await runProgram(command, args, {cwd, timeout: 300_000, env: userEnv})
  timings.push(`${name} ${((performance.now() - start) / 1000).toFixed(1)} s`)
  if (outcome.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${outcome.code}:\n${outcome.stderr}`)
  return outcome
}

beforeAll(async () => {
  work = makeTempDir('packed')
  tarballs = path.join(work, 'tarballs')
  extracted = path.join(work, 'extracted')
  // Away from the checkout, so that nothing resolves from its node_modules.
  project = path.join(work, 'project')
  for (const dir of [tarballs, extracted, project]) mkdirSync(dir)
  await step(
    'pack',
    'npx',
    ['-y', pnpm, '-r', '--filter', './packages/*', 'pack', '--pack-destination', tarballs],
    repoRoot
  )
  for (const manifest of manifests) {
    const into = path.join(extracted, manifest.name)
    mkdirSync(into)
    await step(`untar ${manifest.name}`, 'tar', ['-xzf', path.join(tarballs, tarballName(manifest)), '-C', into], work)
  }
  writeFileSync(path.join(project, 'package.json'), '{"name": "scratch", "private": true, "type": "module"}\n')
  await step(
    'npm install',
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...manifests.map((manifest) => path.join(tarballs, tarballName(manifest))),
      ...['remark-cli', 'unified', 'remark-parse', 'remark-stringify'].map((name) => `${name}@${rangeOf(name)}`)
    ],
    project
  )
  writeFileSync(path.join(project, 'bad.md'), readFileSync(path.join(fixtures, 'missing-sections.md')))
}, 600_000)

afterAll(() => {
  if (timings.length > 0)
    console.log(`packed install: ${timings.filter((line) => !line.startsWith('untar')).join(', ')}`)
  removeTempDir(work)
})

function tarballName(manifest: Manifest): string {
  return `${manifest.name}-${manifest.version}.tgz`
}

function filesOf(dir: string, prefix = ''): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) =>
    entry.isDirectory() ? filesOf(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]
  )
}

/** The packages a built file imports (`from 'x'`, `import('x')`, a created `require('x')`). */
function importedPackages(text: string): string[] {
  const names = new Set<string>()
  const name = String.raw`(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/[\w./-]*)?`
  const pattern = new RegExp(
    String.raw`\bfrom\s*['"](${name})['"]|\bimport\s*\(\s*['"](${name})['"]\s*\)|\bimport\s+['"](${name})['"]|createRequire\(import\.meta\.url\)\(\s*['"](${name})['"]`,
    'g'
  )
  for (const match of text.matchAll(pattern)) {
    const specifier = match[1] ?? match[2] ?? match[3] ?? match[4] ?? ''
    if (specifier.startsWith('node:') || builtinModules.includes(specifier)) continue
    const parts = specifier.split('/')
    names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier))
  }
  return [...names]
}

describe('the packed tarballs', () => {
  describe.each(manifests.map((manifest) => [manifest.name, manifest] as const))('%s', (name, manifest) => {
    const dir = () => path.join(extracted, name, 'package')
    const packed = () => readJson(path.join(dir(), 'package.json'))

    it('hold the README, the license, the built code with its types, and its sources (the preset also its config schema); no tests or fixtures', () => {
      const files = filesOf(dir())
      expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'dist/index.js']))
      expect(files).toContain('dist/index.d.ts')
      const outside = files.filter(
        (file) =>
          !/^(package\.json|README\.md|LICENSE|remarkrc\.schema\.json|dist\/.+\.(js|d\.ts|map|json)|dist\/postmortem-lint\.(cjs|cache)|src\/.+\.(ts|json)|bin\/[^/]+\.js)$/.test(
            file
          )
      )
      expect(outside).toEqual([])
      expect(files.filter((file) => /(^|\/)(test|tests|fixtures|__tests__)\/|\.test\.|tsbuildinfo/.test(file))).toEqual(
        []
      )
    })

    it('point main, types, exports and bin at files they hold', () => {
      const files = new Set(filesOf(dir()))
      const manifestFile = packed()
      const targets = [manifestFile.main, manifestFile.types, ...Object.values(manifestFile.bin ?? {})]
      for (const entry of Object.values(manifestFile.exports ?? {})) {
        targets.push(...(typeof entry === 'string' ? [entry] : Object.values(entry)))
      }
      const missing = targets.filter((target) => target !== undefined && !files.has(path.posix.normalize(target)))
      expect(missing).toEqual([])
    })

    it('depend on the other packages at the released version, never `workspace:`', () => {
      const dependencies = packed().dependencies ?? {}
      for (const [dependency, range] of Object.entries(dependencies)) {
        expect(range, dependency).not.toMatch(/^workspace:/)
        if (
          folders.some(
            (folder) => readJson(path.join(repoRoot, 'packages', folder, 'package.json')).name === dependency
          )
        ) {
          expect(range, dependency).toBe(version)
        }
      }
      expect(Object.keys(dependencies).sort()).toEqual(Object.keys(manifest.dependencies ?? {}).sort())
    })

    it('declare every package their built code imports', () => {
      const declared = new Set([name, ...Object.keys(packed().dependencies ?? {})])
      const undeclared = new Set<string>()
      for (const file of filesOf(dir()).filter((file) => /^dist\/.*\.(js|d\.ts)$/.test(file))) {
        // The bundled CLI holds its dependencies.
        if (file === 'dist/postmortem-lint.js') continue
        for (const imported of importedPackages(readFileSync(path.join(dir(), file), 'utf8'))) {
          // `mdast`, `unist`, `sarif`: types only, from `@types/*`.
          const types = file.endsWith('.d.ts') && declared.has(`@types/${imported}`)
          if (!declared.has(imported) && !types) undeclared.add(`${imported} (in ${file})`)
        }
      }
      expect([...undeclared]).toEqual([])
    })
  })
})

describe('the packages installed from their tarballs', () => {
  const report = [
    'bad.md',
    '8:1 warning Unexpected missing section `Impact`, expected a heading such as `## Impact` postmortem-required-sections remark-lint',
    '19:1 warning Unexpected missing section `Root Cause`, expected a heading such as `## Root Cause` postmortem-required-sections remark-lint',
    '',
    '⚠ 2 warnings',
    ''
  ].join('\n')

  it('npx postmortem-lint bad.md: the messages, exit 1', async () => {
    const outcome = await runProgram('npx', ['postmortem-lint', 'bad.md'], {cwd: project, env: userEnv})
    expect(outcome.stderr).toBe('')
    expect(squeeze(outcome.stdout)).toBe(report)
    expect(outcome.code).toBe(1)
  })

  it('npx postmortem-lint runs the bundled CLI, and knows its version', async () => {
    const outcome = await runProgram('npx', ['postmortem-lint', '--version'], {cwd: project, env: userEnv})
    expect(outcome).toEqual({code: 0, signal: null, stdout: `${version}\n`, stderr: ''})
    expect(filesOf(path.join(project, 'node_modules/postmortem-lint/dist'))).toEqual(
      expect.arrayContaining(['postmortem-lint.js', 'postmortem-lint.cjs', 'postmortem-lint.cache'])
    )
  })

  it('npx remark --use remark-preset-lint-postmortem bad.md: the messages, exit 1 with --frail', async () => {
    const outcome = await runProgram(
      'npx',
      ['remark', '--use', 'remark-preset-lint-postmortem', '--frail', '--no-stdout', '--no-color', 'bad.md'],
      {cwd: project, env: userEnv}
    )
    expect(outcome.stdout).toBe('')
    expect(squeeze(outcome.stderr)).toBe(report)
    expect(outcome.code).toBe(1)
  })

  it('the preset, imported and used with unified, from the project’s own node_modules', async () => {
    writeFileSync(
      path.join(project, 'api.js'),
      [
        "import {readFileSync} from 'node:fs'",
        "import remarkParse from 'remark-parse'",
        "import remarkPresetLintPostmortem from 'remark-preset-lint-postmortem'",
        "import remarkStringify from 'remark-stringify'",
        "import {unified} from 'unified'",
        "console.log(import.meta.resolve('remark-preset-lint-postmortem'))",
        'const file = await unified()',
        '  .use(remarkParse)',
        "  .use(remarkPresetLintPostmortem, {profile: 'holberton'})",
        '  .use(remarkStringify)',
        "  .process(readFileSync('bad.md', 'utf8'))",
        'for (const message of file.messages) {',
        "  console.log(message.line + ':' + message.column + ' ' + message.ruleId + ' ' + message.reason)",
        '}',
        ''
      ].join('\n')
    )
    const outcome = await runProgram(process.execPath, ['api.js'], {cwd: project, env: userEnv})
    expect(outcome.stderr).toBe('')
    const [resolved, ...messages] = outcome.stdout.trimEnd().split('\n')
    expect(resolved).toBe(`file://${project}/node_modules/remark-preset-lint-postmortem/dist/index.js`)
    expect(messages).toEqual([
      // The holberton profile asks for no impact section.
      '19:1 postmortem-required-sections Unexpected missing section `Root Cause`, expected a heading such as `## Root Cause`'
    ])
    expect(outcome.code).toBe(0)
  })

  it('types: a strict TypeScript project type-checks against the installed packages', async () => {
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          noEmit: true,
          // Our declarations are checked too, with what they import.
          skipLibCheck: false
        },
        files: ['check.ts']
      })
    )
    writeFileSync(
      path.join(project, 'check.ts'),
      [
        "import {getPostmortem, type Postmortem, resolveProfile} from 'mdast-util-postmortem'",
        "import {exitCodes, run} from 'postmortem-lint'",
        "import remarkParse from 'remark-parse'",
        "import requiredSections from 'remark-lint-postmortem-required-sections'",
        "import remarkPresetLintPostmortem, {type Options, rules} from 'remark-preset-lint-postmortem'",
        "import {unified} from 'unified'",
        '',
        "const options: Options = {profile: 'holberton'}",
        'const processor = unified().use(remarkParse).use(remarkPresetLintPostmortem, options).use(requiredSections, {order: true})',
        "const postmortem: Postmortem = getPostmortem(processor.parse('## Timeline\\n'), resolveProfile('generic'))",
        'const ids: string[] = rules.map((rule) => rule.ruleId)',
        'const code: 0 | 1 | 2 = exitCodes.usage',
        'export {code, ids, postmortem, run}',
        '// The types are read: an unknown option of the preset is an error.',
        '// @ts-expect-error',
        "unified().use(remarkPresetLintPostmortem, {profiles: 'generic'})",
        ''
      ].join('\n')
    )
    const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc')
    const outcome = await runProgram(process.execPath, [tsc, '-p', 'tsconfig.json'], {cwd: project, env: userEnv})
    expect(outcome.stdout).toBe('')
    expect(outcome.code).toBe(0)
  })
})
