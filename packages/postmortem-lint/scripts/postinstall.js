/**
 * The root package's `postinstall` step. Under pnpm (developers, CI) it
 * compiles every package with `tsc -b`. Under npm, which is how pre-commit
 * installs the hook (`npm install`, then `npm pack` and `npm install -g` of
 * the tarball), the workspace is not linked and `tsc -b` cannot work: it
 * bundles the CLI into `dist/postmortem-lint.js`, the root package's bin,
 * instead.
 *
 * Not `prepare`: `npm pack` would run it and print its banner on stdout,
 * where pre-commit reads the tarball's name. This file is packed too, since
 * `npm install -g` of the tarball runs `postinstall` again.
 */
import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import * as path from 'node:path'
import {fileURLToPath} from 'node:url'

// Installed from the packed tarball (`npm install -g`), which holds the
// bundle and this file only: nothing to build.
if (!existsSync(new URL('../src/', import.meta.url))) process.exit(0)

// The package manager running this script (`npm_config_user_agent` can be
// inherited from an outer pnpm and would lie).
const manager = path.basename(process.env.npm_execpath ?? '')
const [command, args] = manager.startsWith('pnpm')
  ? ['tsc', ['-b']]
  : [process.execPath, [fileURLToPath(new URL('bundle.js', import.meta.url))]]
const result = spawnSync(command, args, {stdio: 'inherit', shell: process.platform === 'win32'})
process.exitCode = result.status ?? 1
