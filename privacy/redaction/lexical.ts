import { LIST } from './name-gazetteer';
import type { NameGazetteer } from './name-gazetteer';

const TITLES = new Set('mr mrs ms miss mdm madam dr prof sir mister dame lady'.split(' '));
const LINKS = new Set(
  'van der den de da di del la le von bin binte binti bte s/o d/o a/l a/p al el'.split(' '),
);
// Words after which the next word is taken for a name: "my name is", "this is", "I'm", "regards,".
const CUE_AFTER_ONE = new Set([
  'user',
  "i'm",
  'im',
  "name's",
  'names',
  "it's",
  'regards',
  'thanks',
  'cheers',
  'sincerely',
  'dear',
  'hi',
  'hello',
  'hey',
  'contact',
  'signed',
  'name',
]);
/** Two-word cues ("my name is", "this is") checked when the last word is a cue tail. */
export const CUE_AFTER_TWO = new Set([
  'name is',
  'this is',
  'i am',
  'call me',
  'speak to',
  'ask for',
  'talk to',
]);
const CUE_TAILS = new Set(['is', 'am', 'me', 'to', 'for']);
/** Gazetteer facts about a lower-cased word. */
export interface Lexical {
  gaz: boolean;
  common: boolean;
  place: boolean;
  title: boolean;
  link: boolean;
  stop: boolean;
  cue: boolean;
  cueTail: boolean;
}

/** Gazetteer facts about a lower-cased word (callers memoise it: see `lexiconEntry`). */
export function lexical(lower: string, g: NameGazetteer): Lexical {
  const lists = g.lists.get(lower) ?? 0;
  const gaz = (lists & (LIST.firstName | LIST.surname)) !== 0;
  const plural =
    !gaz &&
    lower.endsWith('s') &&
    (g.commonWords.has(lower.slice(0, -1)) || g.commonWords.has(lower.replace(/ies$/, 'y')));
  return {
    gaz,
    common: (lists & LIST.common) !== 0 || plural,
    place: (lists & LIST.place) !== 0,
    title: TITLES.has(lower),
    link: LINKS.has(lower),
    stop: STOP.has(lower),
    cue: CUE_AFTER_ONE.has(lower),
    cueTail: CUE_TAILS.has(lower),
  };
}

const STOP = new Set(
  (
    'a an the and or but is are was were be to of in on at for with from by not no yes so very here there this that these those ' +
    'he she it we they you i me my your our their his her its can could would should will shall may might must do does did ' +
    'name bot user agent customer fax office phone mobile email address hi hello hey dear thanks so just also really sorry ' +
    'looking going trying ok okay fine good back glad happy sure not'
  ).split(' '),
);
