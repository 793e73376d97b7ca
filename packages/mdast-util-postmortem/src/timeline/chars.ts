/**
 * Character tests the timeline readers make at every candidate offset,
 * without a regular expression for the ASCII characters most text is made
 * of (the same answers as `/[\p{L}\p{N}]/u` and `/\d/`).
 */

const letterOrNumber = /[\p{L}\p{N}]/u

/** Whether a UTF-16 code unit is an ASCII letter or digit. */
function asciiWord(code: number): boolean {
  return (code >= 48 && code <= 57) || ((code | 0x20) >= 97 && (code | 0x20) <= 122)
}

/**
 * Whether the code unit before `at` is a letter or a number, as
 * `/[\p{L}\p{N}]/u.test(text.charAt(at - 1))` tells.
 */
export function wordCharBefore(text: string, at: number): boolean {
  if (at <= 0) return false
  const code = text.charCodeAt(at - 1)
  if (code < 128) return asciiWord(code)
  return letterOrNumber.test(text.charAt(at - 1))
}

/**
 * Whether the code point before `at` is a letter or a number, as the
 * lookbehind `(?<![\p{L}\p{N}])` of a `u` pattern tells (a surrogate pair
 * counts as its code point).
 */
export function wordPointBefore(text: string, at: number): boolean {
  if (at <= 0) return false
  const code = text.charCodeAt(at - 1)
  if (code < 128) return asciiWord(code)
  if (code >= 0xdc00 && code <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2)
    if (high >= 0xd800 && high <= 0xdbff) return letterOrNumber.test(text.slice(at - 2, at))
  }
  return letterOrNumber.test(text.charAt(at - 1))
}

/** Whether the code unit at `at` is an ASCII digit (`/\d/`). */
export function digitAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  return code >= 48 && code <= 57
}

/** The code unit at `at`, lowercased when it is an ASCII capital; -1 past the end. */
export function lowerCodeAt(text: string, at: number): number {
  const code = text.charCodeAt(at)
  if (Number.isNaN(code)) return -1
  return code >= 65 && code <= 90 ? code | 0x20 : code
}
