import type {Point, Position} from 'unist'
import type {SourceText} from '../lines.js'

/** Offsets of the start of each line of a document, computed once per text. */
const lineStarts = new WeakMap<SourceText, number[]>()

function startsOf(source: SourceText): number[] {
  let starts = lineStarts.get(source)
  if (!starts) {
    starts = [0]
    const value = source.value
    for (let at = 0; at < value.length; at++) {
      const code = value.charCodeAt(at)
      if (code === 10 || (code === 13 && value.charCodeAt(at + 1) !== 10)) starts.push(at + 1)
    }
    lineStarts.set(source, starts)
  }
  return starts
}

/** Offset of a point in the document. */
export function offsetOf(source: SourceText, point: Point): number | undefined {
  if (typeof point.offset === 'number') return point.offset
  const start = startsOf(source)[point.line - 1]
  return start === undefined ? undefined : start + point.column - 1
}

/** The point of an offset in the document. */
export function pointAt(source: SourceText, offset: number): Point {
  const starts = startsOf(source)
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((starts[middle] as number) <= offset) low = middle
    else high = middle - 1
  }
  return {line: low + 1, column: offset - (starts[low] as number) + 1, offset}
}

/**
 * Where `needle` is written between two points of the document: the first
 * match, ignoring case; `word` asks for whole words only.
 */
export function findInSource(
  source: SourceText | undefined,
  within: Position | undefined,
  needle: string,
  word = false
): Position | undefined {
  if (!source || !within || needle === '') return undefined
  const from = offsetOf(source, within.start)
  const to = offsetOf(source, within.end)
  if (from === undefined || to === undefined) return undefined
  const region = source.value.slice(from, to).toLowerCase()
  const wanted = needle.toLowerCase()
  let at = region.indexOf(wanted)
  while (at !== -1 && word && (isWordCharacter(region[at - 1]) || isWordCharacter(region[at + wanted.length]))) {
    at = region.indexOf(wanted, at + 1)
  }
  if (at === -1) return undefined
  return {start: pointAt(source, from + at), end: pointAt(source, from + at + wanted.length)}
}

function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && /[\p{L}\p{N}_]/u.test(character)
}
