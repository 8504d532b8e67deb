/**
 * Iterates the matches of a global regex without `String.prototype.matchAll`, which clones the
 * regex on every call (measurably slow when run per chat line).
 */
export function* eachMatch(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
    if (m[0].length === 0) pattern.lastIndex++;
    const found = m;
    const resumeAt = pattern.lastIndex;
    yield found;
    pattern.lastIndex = resumeAt;
  }
}
