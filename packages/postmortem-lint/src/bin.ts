#!/usr/bin/env node
import {run} from './cli.js'
import {isLintWorker} from './workers.js'

// In the bundle, lint workers run this file too: only the CLI's own thread
// runs the CLI.
if (!isLintWorker()) {
  // A reader that stops early (`postmortem-lint ... | head -1`) closes the
  // pipe: the rest of the report has nowhere to go, which is no error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return
    process.stderr.write(`postmortem-lint: Cannot write the report: ${error.code ?? error.message}\n`)
    process.exitCode = 2
  })
  // No top-level `await`: the bundle of this file is a script (see
  // scripts/bundle.js), which cannot have one.
  void run(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin
  }).then((code) => {
    process.exitCode = code
  })
}
