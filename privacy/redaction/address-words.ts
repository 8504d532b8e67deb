/** Street-type words (any case) of Singapore and the countries most seen in shop chat. */
export const STREET_WORDS = new Set(
  (
    'street st st. road rd rd. avenue ave ave. av av. drive dr. lane ln way boulevard blvd court ct place pl square sq terrace tce ' +
    'crescent cres close cl walk link ring central circle cir highway hwy parkway pkwy alley row hill heights rise grove vale view ' +
    'jalan jln lorong lor bukit kampong kg taman persiaran lebuh blk block blok apt apt. apartment suite ste unit flat room rm ' +
    'floor fl level lvl tower building bldg estate industrial condo residences ' +
    'rue allée allee chemin place impasse quai cours via viale piazza corso vicolo largo calle avenida av. paseo plaza camino ' +
    'camiño carrera rua travessa praça praca estrada rodovia ul ul. ulica aleja al. os. osiedle út utca u. tér köz tie katu ' +
    'trg ulitsa prospekt straße strasse str str. gasse weg platz allee ring laan straat plein gracht steenweg dreef kade ' +
    'vej gade vägen vagen gatan gata gate veien vegen vei stræde torv gränd backe stig p.o. box po postbus postfach'
  ).split(' '),
);

/** Endings that mark a street name written as one word (Vibyvej, Västerviksgatan, Machelsesteenweg). */
export const STREET_SUFFIX =
  /(?:straße|strasse|str\.|gasse|weg|platz|laan|straat|plein|gracht|steenweg|dreef|kade|vej|gade|vägen|vagen|gatan|gata|veien|vegen|vei|katu|tie|utca|út|ulica|stræde|torv|gränd|allee|dijk|singel|markt|hof|berg|bakken|brekka|stígur|braut)$/i;

/** Unit, box and block anchors that open an address. */
export const UNIT_ANCHOR =
  /\b(?:(?:apt|apartment|suite|ste|unit|flat|room|rm|fl|floor|level|lvl)\.?\s*#?\d{1,5}[A-Za-z]?\b|#\d{1,3}-\d{1,5}[A-Za-z]?\b|p\.?\s?o\.?\s*box\s*\d{1,6}\b|(?:blk|block|blok)\.?\s*\d{1,4}[A-Za-z]?\b)/gi;

/** Singapore postal codes ("Singapore 560123", "S(560123)", "S560123"). */
export const SG_POSTAL = /\b(?:singapore|spore|sg|s)\s*\(?\d{6}\)?(?!\d)/gi;

/** A postal or zip code announced by a cue ("zip code is 35649", "postal code: 560123"). */
export const POSTAL_CUE =
  /\b(?:zip|zipcode|postal|postcode|post code|pin code)(?:\s+code)?\s*(?:is|:|=)?\s*(\d{4,6}(?:-\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})\b/gi;

/** Phrases after which the next number-led stretch is an address. */
export const ADDRESS_CUE =
  /\b(?:address(?:\s+(?:is|to|at|as))?|addr|lives? at|living at|located at|staying at|stay at|deliver(?:ed)? to|ship(?:ped)? to|send (?:it )?to|moved to|move to|residing at|reside at|meet .{0,40}? at|at)\s*:?\s*(?=\d)/gi;

/** US military addresses ("USNS Márquez\nFPO AP 08653", "PSC 1234, Box 567\nAPO AE 09012"). */
export const MILITARY =
  /\b(?:(?:USNS|USNV|USS|USCGC)\s+[\p{L}\p{M}'’-]+|(?:PSC|Unit)\s+\d{1,5},?\s+Box\s+\d{1,5})\s*\n?\s*[AFD]PO\s+A[AEP]\s+\d{5}\b/giu;

/** Named streets without a house number ("Hansen Street", "Orchard Road"). */
export const NAMED_STREET =
  /(?<![\p{L}\p{M}])(?:\p{Lu}[\p{L}\p{M}'’-]+[ \t]+){1,3}(?:Street|Road|Avenue|Lane|Drive|Boulevard|Crescent|Terrace|Close|Way|Place|Square)\b/gu;

/** "the corner of Koepoortwal 115 and Hansen Street". */
export const CORNER_OF =
  /\bcorner of\s+[^\n,;!?]{2,60}?\s(?:and|&)\s[^\n,;!?]{2,60}?\b(?:Street|St|Road|Rd|Avenue|Ave|Lane|Drive)\b/gi;

/** House number, street words, number ("56 Canelones 2266", "65 Alt Reinickendorf 86"). */
export const NUMBER_WORDS_NUMBER =
  /\b\d{1,5}[ \t]+(?:\p{Lu}[\p{L}\p{M}'’.-]*[ \t]+|[\p{Ll}\p{M}]{1,4}\.?[ \t]+){1,4}\d{1,5}(?![\d\p{L}])/gu;

/** Two numbers before a capitalised word ("52 58 Machiton Scholis", "95 199 Beach Road"). */
export const TWO_NUMBERS_WORD = /(?<![\d.,:/-])\d{1,4} \d{1,5}[ \t]+\p{Lu}\p{Ll}/gu;

/** Street words then a number ("Sorlaskeid 32"), used only when the text speaks of an address. */
export const WORDS_NUMBER =
  /(?<![\p{L}\p{M}\d])(?:\p{Lu}[\p{L}\p{M}'’.-]+[ \t]+){1,3}\d{1,5}(?=$|[\s,;!?)]|\.(?:\s|$))/gu;
/** Words that show a text speaks of an address; tested on lower-cased text. */
export const ADDRESS_TOPIC =
  /address|return to|lives? at|located|ship|deliver|send|meet|moved|stay|corner|post|mail|office is|here they are/;
