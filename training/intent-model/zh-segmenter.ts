import { readFileSync } from 'node:fs';
import type { NlpPipelineClass, NlpPipelineTool } from '@nlpjs/core';

/**
 * NLP.js's Chinese segmentation (forward longest match, up to 8 characters, over CC-CEDICT's simplified and
 * traditional headwords) with only the headwords kept. NLP.js's own dictionary keeps every entry's pinyin and
 * English definitions as objects, about 210 MB once compiled, where segmenting needs a set of words.
 */
let words: Set<string> | undefined;

/**
 * CC-CEDICT as shipped by NLP.js: a module exporting one template literal. Read as text rather than required,
 * so the 9 MB script is never compiled nor kept; required only if the file no longer has that plain shape.
 */
function dictionaryText(): string {
  const path = require.resolve('@nlpjs/lang-zh/src/cedict_ts.u8');
  const source = readFileSync(path, 'utf8');
  const start = source.indexOf('`');
  const end = source.lastIndexOf('`');
  const text = source.slice(start + 1, end);
  if (start < 0 || end <= start || text.includes('\\') || text.includes('${')) {
    return require(path) as string; // eslint-disable-line @typescript-eslint/no-require-imports
  }
  return text;
}

function headwords(): Set<string> {
  if (words) return words;
  const cedict = dictionaryText();
  const found = new Set<string>();
  for (const line of cedict.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    const [traditional, simplified] = line.split(' ', 2);
    // Flattened copies, so the set does not keep slices of the 9 MB dictionary text alive.
    if (traditional) found.add(Buffer.from(traditional).toString());
    if (simplified) found.add(Buffer.from(simplified).toString());
  }
  words = found;
  return found;
}

/** Splits Chinese text into words as NLP.js's `tokenizer-zh` does. */
export function segmentChinese(text: string): string[] {
  const known = headwords();
  const result: string[] = [];
  let rest = text;
  while (rest) {
    let segment = rest.slice(0, 1);
    for (let length = Math.min(8, rest.length); length > 0; length--) {
      const slice = rest.substr(0, length);
      if (known.has(slice)) {
        segment = slice;
        break;
      }
    }
    result.push(segment);
    rest = rest.slice(segment.length);
  }
  return result;
}

/** NLP.js's `tokenizer-zh` class (normalising as it does), segmenting with {@link segmentChinese}. */
export function chineseTokenizerClass(): NlpPipelineClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const TokenizerZh = require('@nlpjs/lang-zh/src/tokenizer-zh') as new (settings: unknown) => NlpPipelineTool;
  return class ChineseTokenizer extends TokenizerZh {
    override innerTokenize(text: string): string[] {
      return segmentChinese(text);
    }
  };
}
