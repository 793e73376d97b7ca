import {readdirSync, readFileSync} from 'node:fs'
import * as path from 'node:path'
import {fileURLToPath} from 'node:url'
import ts from 'typescript'

export const repoRoot = path.resolve(fileURLToPath(import.meta.url), '../../..')

/** A regular expression written in the source. */
export interface SourceRegex {
  /** `packages/x/src/y.ts:12:5` */
  readonly where: string
  /** The pattern, or undefined when it is built from values known only at run time. */
  readonly source: string | undefined
  readonly flags: string
  /** The code that makes it, for messages. */
  readonly code: string
}

/** Every `.ts` file under `packages/<name>/src/`. */
export function sourceFiles(): string[] {
  const packages = path.join(repoRoot, 'packages')
  const files: string[] = []
  for (const name of readdirSync(packages).sort()) {
    const walk = (dir: string) => {
      let entries: import('node:fs').Dirent[]
      try {
        entries = readdirSync(dir, {withFileTypes: true})
      } catch {
        return
      }
      for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        const full = path.join(dir, entry.name)
        if (entry.isDirectory()) walk(full)
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(full)
      }
    }
    walk(path.join(packages, name, 'src'))
  }
  return files
}

/**
 * Every regular expression literal, and every `RegExp(...)` / `new
 * RegExp(...)`, of a TypeScript file. A pattern made of string literals,
 * constants of the same file holding them, `+` and templates of those, and
 * the `.source` of a literal is read; any other is returned without a source.
 */
export function regexesOf(file: string): SourceRegex[] {
  const text = readFileSync(file, 'utf8')
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const constants = new Map<string, ts.Expression>()
  const found: SourceRegex[] = []
  const where = (node: ts.Node) => {
    const {line, character} = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile))
    return `${path.relative(repoRoot, file).split(path.sep).join('/')}:${line + 1}:${character + 1}`
  }
  const collectConstants = (node: ts.Node) => {
    if (ts.isVariableDeclarationList(node) && node.flags & ts.NodeFlags.Const) {
      for (const declaration of node.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.initializer) {
          constants.set(declaration.name.text, declaration.initializer)
        }
      }
    }
    ts.forEachChild(node, collectConstants)
  }
  collectConstants(sourceFile)

  const evaluate = (node: ts.Expression, depth = 0): string | undefined => {
    if (depth > 20) return undefined
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text
    if (ts.isParenthesizedExpression(node)) return evaluate(node.expression, depth + 1)
    if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return evaluate(node.expression, depth + 1)
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const left = evaluate(node.left, depth + 1)
      const right = evaluate(node.right, depth + 1)
      return left === undefined || right === undefined ? undefined : left + right
    }
    if (ts.isTemplateExpression(node)) {
      let value = node.head.text
      for (const span of node.templateSpans) {
        const part = evaluate(span.expression, depth + 1)
        if (part === undefined) return undefined
        value += part + span.literal.text
      }
      return value
    }
    if (ts.isIdentifier(node)) {
      const initializer = constants.get(node.text)
      return initializer ? evaluate(initializer, depth + 1) : undefined
    }
    // `words.join('|')` over a constant array of strings.
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'join'
    ) {
      const items = evaluateList(node.expression.expression, depth + 1)
      const [separatorNode] = node.arguments
      const separator = separatorNode ? evaluate(separatorNode, depth + 1) : ','
      return items === undefined || separator === undefined ? undefined : items.join(separator)
    }
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'source') {
      const target = ts.isIdentifier(node.expression) ? constants.get(node.expression.text) : node.expression
      if (target && ts.isRegularExpressionLiteral(target)) return splitLiteral(target.text).source
    }
    return undefined
  }

  const evaluateList = (node: ts.Expression, depth: number): string[] | undefined => {
    let target: ts.Expression | undefined = node
    while (target && (ts.isAsExpression(target) || ts.isSatisfiesExpression(target) || ts.isIdentifier(target))) {
      target = ts.isIdentifier(target) ? constants.get(target.text) : target.expression
    }
    if (!target || !ts.isArrayLiteralExpression(target)) return undefined
    const items: string[] = []
    for (const element of target.elements) {
      const value = evaluate(element, depth + 1)
      if (value === undefined) return undefined
      items.push(value)
    }
    return items
  }

  const visit = (node: ts.Node) => {
    if (ts.isRegularExpressionLiteral(node)) {
      const {source, flags} = splitLiteral(node.text)
      found.push({where: where(node), source, flags, code: node.text})
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp'
    ) {
      const [pattern, flagsArgument] = node.arguments ?? []
      const source = pattern ? evaluate(pattern) : ''
      const flags = flagsArgument ? evaluate(flagsArgument) : ''
      found.push({
        where: where(node),
        source: flags === undefined ? undefined : source,
        flags: flags ?? '',
        code: node.getText(sourceFile).slice(0, 200)
      })
    }
    ts.forEachChild(node, visit)
  }
  visit(sourceFile)
  return found
}

function splitLiteral(literal: string): {source: string; flags: string} {
  const end = literal.lastIndexOf('/')
  return {source: literal.slice(1, end), flags: literal.slice(end + 1)}
}
