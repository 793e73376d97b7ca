import {type ChildProcessWithoutNullStreams, spawn} from 'node:child_process'
import {readFileSync} from 'node:fs'
import * as path from 'node:path'
import {pathToFileURL} from 'node:url'
import {lint as markdownlint} from 'markdownlint/sync'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {
  type CodeAction,
  CodeActionRequest,
  createProtocolConnection,
  type Diagnostic,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter
} from 'vscode-languageserver-protocol/node'
import {fixtures, linkPackages, makeTempDir, removeTempDir, repoRoot, writeFiles} from './support.js'

// The real language server over stdio, as an editor drives it: a workspace
// with a `.remarkrc.json` that uses the preset, a postmortem opened in it.
const server = path.join(repoRoot, 'test/integration/remark-language-server.js')
const missingSections = readFileSync(path.join(fixtures, 'missing-sections.md'), 'utf8')
const docs = 'https://github.com/postmortem-lint/postmortem-lint/blob/main/docs/rules/required-sections.md'

let workspace = ''
let child: ChildProcessWithoutNullStreams | undefined
let connection: ProtocolConnection | undefined
let stderr = ''
const published: PublishDiagnosticsParams[] = []
const waiting: Array<() => void> = []

/** The diagnostics the server publishes next for `uri`. */
function nextDiagnostics(uri: string, since: number, timeout = 150_000): Promise<PublishDiagnosticsParams> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`No diagnostics for ${uri} within ${timeout} ms; server said: ${stderr}`)),
      timeout
    )
    const check = () => {
      const found = published.slice(since).find((item) => item.uri === uri)
      if (!found) return false
      clearTimeout(timer)
      resolve(found)
      return true
    }
    if (!check()) waiting.push(() => void check())
  })
}

describe('the remark language server with the preset', {timeout: 180_000}, () => {
  beforeAll(async () => {
    workspace = makeTempDir('language-server')
    linkPackages(workspace, ['remark', 'remark-preset-lint-postmortem'])
    writeFiles(workspace, {
      '.remarkrc.json': JSON.stringify({plugins: [['remark-preset-lint-postmortem', {profile: 'generic'}]]}),
      'docs/postmortems/2024-05-15-search.md': missingSections
    })
    child = spawn(process.execPath, [server, '--stdio'], {cwd: workspace, stdio: 'pipe'})
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
    // A server that dies rejects what is waiting for it instead of leaving it hanging.
    child.on('exit', (code) => {
      if (code !== 0) connection?.dispose()
    })
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      published.push(params)
      for (const wake of waiting.splice(0)) wake()
    })
    connection.listen()
    const uri = pathToFileURL(workspace).href
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{uri, name: 'postmortems'}],
      capabilities: {}
    })
    await connection.sendNotification(InitializedNotification.type, {})
  })

  afterAll(async () => {
    try {
      if (connection && child?.exitCode === null) {
        await Promise.race([
          connection.sendRequest(ShutdownRequest.type),
          new Promise((resolve) => setTimeout(resolve, 5000))
        ])
        await connection.sendNotification(ExitNotification.type)
      }
    } finally {
      connection?.dispose()
      if (child && child.exitCode === null) child.kill()
      removeTempDir(workspace)
    }
  })

  const fileUri = () => pathToFileURL(path.join(workspace, 'docs/postmortems/2024-05-15-search.md')).href
  let diagnostics: Diagnostic[] = []

  it('publishes our messages as diagnostics (rule id, message, range)', async () => {
    const since = published.length
    await connection!.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {uri: fileUri(), languageId: 'markdown', version: 1, text: missingSections}
    })
    const result = await nextDiagnostics(fileUri(), since)
    diagnostics = result.diagnostics
    expect(result.version).toBe(1)
    expect(diagnostics).toEqual([
      {
        range: {start: {line: 7, character: 0}, end: {line: 7, character: 0}},
        message: 'Unexpected missing section `Impact`, expected a heading such as `## Impact`',
        severity: 2,
        code: 'postmortem-required-sections',
        source: 'remark-lint',
        codeDescription: {href: docs},
        data: {expected: ['## Impact']}
      },
      {
        range: {start: {line: 18, character: 0}, end: {line: 18, character: 0}},
        message: 'Unexpected missing section `Root Cause`, expected a heading such as `## Root Cause`',
        severity: 2,
        code: 'postmortem-required-sections',
        source: 'remark-lint',
        codeDescription: {href: docs},
        data: {expected: ['## Root Cause']}
      }
    ])
  })

  it('offers the missing heading as a quick fix that puts it on a line of its own', async () => {
    const impact = diagnostics[0]
    expect(impact).toBeDefined()
    const actions = await codeActions(fileUri(), impact!)
    expect(actions).toEqual([
      {
        title: 'Insert `## Impact`',
        kind: 'quickfix',
        isPreferred: true,
        edit: {changes: {[fileUri()]: [{range: impact!.range, newText: '## Impact'}]}}
      }
    ])
    // `expected` is the heading itself (what tools read), so the editor puts it on the
    // blank line before the next section: a heading of its own, the rest unchanged.
    const fixed = applyEdits(missingSections, actions)
    const at = impact!.range.start.line
    expect(fixed.split('\n').slice(at - 1, at + 2)).toEqual(['index.', '## Impact', '## Timeline'])
    expect(fixed.replace('\n## Impact\n', '\n\n')).toBe(missingSections)
    expect(headingsOf(fixed)).toEqual(headingsOf(missingSections).toSpliced(2, 0, '## Impact'))
  })

  it('inserts a missing last section after a last line without a line ending, and ends the file with one', async () => {
    const text = missingSections.slice(0, missingSections.indexOf('\n\n## Action items'))
    expect(text.endsWith('six minutes.')).toBe(true)
    const uri = pathToFileURL(path.join(workspace, 'docs/postmortems/2024-05-16-search.md')).href
    const since = published.length
    await connection!.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {uri, languageId: 'markdown', version: 1, text}
    })
    const last = (await nextDiagnostics(uri, since)).diagnostics.find((item) =>
      item.message.startsWith('Unexpected missing section `Action Items`')
    )
    expect(last?.range).toEqual({start: {line: 21, character: 72}, end: {line: 21, character: 72}})
    const fixed = applyEdits(text, await codeActions(uri, last!))
    expect(fixed).toBe(`${text}\n\n## Action Items\n`)
    expect(headingProblems(fixed)).toEqual([])
  })
})

/** The code actions the server offers for one diagnostic. */
async function codeActions(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  const actions = await connection!.sendRequest(CodeActionRequest.type, {
    textDocument: {uri},
    range: diagnostic.range,
    context: {diagnostics: [diagnostic]}
  })
  return (actions ?? []) as CodeAction[]
}

/** Apply the edits of the first action to `text`, as an editor does. */
function applyEdits(text: string, actions: readonly CodeAction[]): string {
  const edits = Object.values(actions[0]?.edit?.changes ?? {}).flat()
  const starts = [0]
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1)
  const offset = (point: {line: number; character: number}) => (starts[point.line] ?? text.length) + point.character
  let result = text
  for (const edit of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end))
  }
  return result
}

/** markdownlint's blank lines around headings (MD022) and one final line ending (MD047). */
/** The ATX heading lines of a text. */
function headingsOf(text: string): string[] {
  return text.split('\n').filter((line) => /^#{1,6} /.test(line))
}

function headingProblems(text: string): string[] {
  const results = markdownlint({strings: {text}, config: {default: false, MD022: true, MD047: true}})
  return (results.text ?? []).map((item) => `${item.lineNumber}: ${item.ruleNames.join('/')}`)
}
