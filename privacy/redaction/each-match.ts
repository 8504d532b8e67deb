/**
 * Calls `visit` for each match of a global regex. Faster than `String.prototype.matchAll`
 * (which clones the regex) or a generator when run once per chat line.
 */
export function eachMatch(pattern: RegExp, text: string, visit: (m: RegExpExecArray) => void): void {
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
    if (m[0].length === 0) pattern.lastIndex++;
    const resumeAt = pattern.lastIndex;
    visit(m);
    pattern.lastIndex = resumeAt;
  }
}
