/** What one pass over a text tells the finders, so that each can skip patterns that cannot match. */
export interface TextFacts {
  /** ASCII digits in the text. */
  digits: number;
  /** Longest run of digits. */
  longestDigitRun: number;
  /** Longest run of digits allowing single spaces or hyphens between them ("4111 1111-1111"). */
  longestLooseDigitRun: number;
  /** Runs of digits. */
  digitRuns: number;
  /** A digit, one space, a digit ("95 199"). */
  spacedDigitPair: boolean;
  /** Two ASCII letters then two digits, as every IBAN opens. */
  ibanHead: boolean;
  /** The text is its own lower-case form. */
  lowerCase: boolean;
  dots: number;
  colons: number;
  ats: number;
  hashes: number;
  newlines: number;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

// On this runtime one loop over a chat line costs about as much as one regex pass, so every
// character fact the finders need is gathered here once instead of in a loop or regex each.
/** Gathers {@link TextFacts} in one pass over `text`. */
export function textFacts(text: string): TextFacts {
  const n = text.length;
  let digits = 0;
  let longestDigitRun = 0;
  let longestLooseDigitRun = 0;
  let digitRuns = 0;
  let spacedDigitPair = false;
  let ibanHead = false;
  let upperAscii = false;
  let nonAscii = false;
  let dots = 0;
  let colons = 0;
  let ats = 0;
  let hashes = 0;
  let newlines = 0;
  let run = 0;
  let loose = 0;
  let letters = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (run === 0) {
        digitRuns++;
        // An IBAN head ends its letters before this digit, has a second digit and a character after.
        if (letters >= 2 && i + 2 < n && isDigit(text.charCodeAt(i + 1))) ibanHead = true;
      }
      if (++run > longestDigitRun) longestDigitRun = run;
      if (++loose > longestLooseDigitRun) longestLooseDigitRun = loose;
      letters = 0;
      continue;
    }
    if (loose > 0) {
      // One space or hyphen between digits keeps a loose run going ("4111 1111-1111").
      if ((c === 32 || c === 45) && isDigit(text.charCodeAt(i + 1))) {
        if (c === 32 && run > 0) spacedDigitPair = true;
      } else loose = 0;
    }
    run = 0;
    if (((c | 32) - 97) >>> 0 < 26) {
      if (c <= 90) upperAscii = true;
      letters++;
      continue;
    }
    letters = 0;
    if (c < 64) {
      if (c === 46) dots++;
      else if (c === 58) colons++;
      else if (c === 35) hashes++;
      else if (c === 10) newlines++;
    } else if (c === 64) ats++;
    else if (c >= 128) nonAscii = true;
  }
  const lowerCase = !upperAscii && (!nonAscii || text === text.toLowerCase());
  return {
    digits,
    longestDigitRun,
    longestLooseDigitRun,
    digitRuns,
    spacedDigitPair,
    ibanHead,
    lowerCase,
    dots,
    colons,
    ats,
    hashes,
    newlines,
  };
}
