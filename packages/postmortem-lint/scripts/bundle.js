/**
 * Bundle the CLI and everything it imports (the model, the rules, the preset,
 * unified-engine, ...) from the TypeScript sources into one ES module file:
 * the `postmortem-lint` bin of the repository's root package. pre-commit
 * installs a hook repository with `npm install`, `npm pack` and
 * `npm install -g` of the packed root package; npm knows nothing of the pnpm
 * workspace, so the workspace packages are read from their sources here and
 * their third-party dependencies come from the root's devDependencies.
 *
 * Usage: node packages/postmortem-lint/scripts/bundle.js [outfile]
 */
import {readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const root = new URL('../../../', import.meta.url)
const packages = new URL('packages/', root)
const outfile = process.argv[2] ?? fileURLToPath(new URL('dist/postmortem-lint.js', root))

/** Each workspace package name points at its TypeScript entry. */
const alias = {}
for (const folder of readdirSync(packages, {withFileTypes: true})) {
  if (!folder.isDirectory()) continue
  const manifest = JSON.parse(readFileSync(new URL(`${folder.name}/package.json`, packages), 'utf8'))
  alias[manifest.name] = fileURLToPath(new URL(`${folder.name}/src/index.ts`, packages))
}

await build({
  entryPoints: [fileURLToPath(new URL('postmortem-lint/src/bin.ts', packages))],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  alias,
  // CommonJS dependencies call `require` for Node built-ins.
  banner: {
    js: "import {createRequire as __createRequire} from 'node:module'\nconst require = __createRequire(import.meta.url)"
  },
  logLevel: 'warning'
})
