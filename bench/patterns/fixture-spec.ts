/**
 * Hand-picked patterns where Java's regex engine and a naive JavaScript reading part ways, with
 * strings that tell them apart. make-fixture.ts asks Java for the verdicts and writes them to
 * test/patterns/java-verdicts.json, which the unit tests replay without Java.
 *
 * `translates: false` marks patterns the translator must refuse (valid Java with no exact
 * JavaScript form); patterns Java itself rejects are detected by Java, not declared here.
 */

/** One fixture pattern. */
export interface FixtureSpec {
  pattern: string;
  why: string;
  strings: string[];
  translates?: false;
}

const TERMINATOR_TAILS = ["", "\n", "\r\n", "\r", "\u0085", "\u2028", "\u2029", "\n\n", "\n\r", "\r\n\r\n"];

export const FIXTURE: FixtureSpec[] = [
  // Anchors and line terminators
  {
    pattern: "^[a-z]+$",
    why: "$ also matches before one final line terminator (five kinds, \\r\\n as one)",
    strings: TERMINATOR_TAILS.map((t) => `abc${t}`),
  },
  { pattern: "\\r$", why: "$ never matches between \\r and \\n", strings: ["x\r\n", "x\r", "\r\n\n"] },
  { pattern: "^abc\\Z", why: "\\Z is $ without MULTILINE", strings: ["abc", "abc\n", "abc\r\n", "abc\n\n"] },
  { pattern: "^\\Aabc\\z", why: "\\A and \\z are the very start and end", strings: ["abc", "abc\n", "xabc"] },
  { pattern: "\\Gb", why: "\\G is the start for a first find()", strings: ["b", "ab"] },
  {
    pattern: "(?m)^b",
    why: "MULTILINE ^ after any line terminator",
    strings: ["a\nb", "a\rb", "a\r\nb", "a\u0085b", "a\u2028b", "ab"],
  },
  {
    pattern: "(?m)^$",
    why: "MULTILINE ^ never matches at the very end, nor between \\r and \\n",
    strings: ["a\n", "\n", "a\r\n", "a\n\nb", ""],
  },
  { pattern: "(?m)a$", why: "MULTILINE $ before any line terminator", strings: ["a\nb", "a\r\nb", "a\u0085b", "ab"] },
  {
    pattern: "(?d)^a.$",
    why: "UNIX_LINES: . matches \\r, $ only before \\n",
    strings: ["a\r", "ab\r", "ab\n", "ab\r\n", "ab\u0085"],
  },
  { pattern: "^a${2,64}", why: "a quantified $ is $", strings: ["a", "a\n", "ab"] },

  // Dot
  {
    pattern: "^.+$",
    why: ". excludes \\n \\r \\u0085 \\u2028 \\u2029 and nothing else",
    strings: ["a\u0085b", "a\u2028b", "a\rb", "a\u000bb", "a\fb", "a\u001cb", "\u{1F600}", "\ud800"],
  },
  { pattern: "^(?s).+$", why: "DOTALL matches terminators too", strings: ["a\nb", "a\u0085b", "\n"] },
  {
    pattern: "^.{2}$",
    why: "one code point per . (a surrogate pair is one)",
    strings: ["\u{1F600}", "\u{1F600}a", "ab", "\ud800\ud800"],
  },

  // Predefined classes
  {
    pattern: "^\\s+$",
    why: "\\s is ASCII whitespace only",
    strings: [" ", "\t", "\u000b", "\f", "\u00a0", "\u3000", "\u2028", "\u0085", "\u001c", "\ufeff"],
  },
  {
    pattern: "^\\S+$",
    why: "\\S is everything else, Unicode spaces included",
    strings: ["\u00a0", "a b", "é", "\u3000"],
  },
  { pattern: "^\\w+$", why: "\\w is ASCII", strings: ["a_1", "é", "ſ", "\u212a", "٣"] },
  { pattern: "^\\d+$", why: "\\d is ASCII", strings: ["123", "٣", "１"] },
  {
    pattern: "^\\h\\v$",
    why: "\\h horizontal and \\v vertical whitespace (\\v is not just \\x0B)",
    strings: ["\u00a0\u0085", " \n", "\t\u000b", "\u180e\u2028", " v", "\u200b\n"],
  },
  {
    pattern: "^\\R$",
    why: "\\R is \\r\\n or one line-break character",
    strings: ["\r\n", "\n", "\r", "\u000b", "\u0085", "\n\r", "\r\r"],
  },
  { pattern: "^\\R\\n$", why: "a bare \\R backtracks from \\r\\n to \\r", strings: ["\r\n", "\n\n"] },
  {
    pattern: "^\\R{2}$",
    why: "a quantified \\R takes its first match: \\r\\n is one repetition",
    strings: ["\r\n", "\r\n\r\n", "\n\n", "\r\r"],
  },

  // Word boundaries
  {
    pattern: "\\bfoo\\b",
    why: "\\b counts letters and digits of every script as word characters",
    strings: [
      "foo",
      "a foo b",
      "éfoo",
      "fooé",
      "_foo",
      "1foo",
      "foo\u0301",
      "\u{1D400}foo",
      "ａfoo",
      "foo-bar",
      "foo٣",
    ],
  },
  {
    pattern: "e\\B",
    why: "a non-spacing mark after a letter is part of the word",
    strings: ["e\u0301", "e", "ee", "e\u0903", "e!"],
  },
  {
    pattern: "\\b\u0301",
    why: "a mark with no base letter is not a word character",
    strings: ["\u0301", " \u0301", "a\u0301", "\u0301\u0301"],
  },

  // Escapes
  {
    pattern: "^a\\:b\\-c\\_d\\/e\\ f\\#g\\@h\\!i$",
    why: "needless escapes are the plain characters",
    strings: ["a:b-c_d/e f#g@h!i", "a:b-c_d/e f#g@h!j"],
  },
  {
    pattern: "^\\x41\\u0042\\0103\\x{44}\\cE\\e\\a\\t$",
    why: "hex, Unicode, octal, control and named escapes",
    strings: ["ABCD\u0005\u001b\u0007\t", "ABCD"],
  },
  { pattern: "^\\0101\\0400$", why: "octal takes three digits only up to \\0377", strings: ["A 0", "A\u0100"] },
  { pattern: "\\x{1F600}", why: "\\x{...} for a supplementary code point", strings: ["\u{1F600}", "\ud83d", "x"] },
  {
    pattern: "^[\\x{1F600}-\\x{1F64F}]+$",
    why: "a supplementary range",
    strings: ["\u{1F600}\u{1F64F}", "\u{1F650}", "\ud83d\ude00"],
  },
  {
    pattern: "^[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*$",
    why: "a surrogate-pair range written as escapes is U+10000-U+10FFFF",
    strings: ["\u{1F600}x\t", "\ud800", "\udfff", "\uffff", "\u0001", ""],
  },
  { pattern: "\\Qa.b(\\E.+", why: "\\Q...\\E quotes metacharacters", strings: ["a.b(c", "axb(c", "a.b("] },
  { pattern: "^\\Q1+\\E$", why: "\\Q quoting to a digit right after it", strings: ["1+", "11"] },

  // Character classes
  { pattern: "^[\\w-_]+$", why: "a - after a class escape is a literal", strings: ["a-b", "a_b", "a+b", "-"] },
  { pattern: "^[a-z-9]+$", why: "a - after a range is a literal", strings: ["-", "9", "5", "a-9"] },
  { pattern: "^[+--]$", why: "a range ending in -", strings: [",", "-", "+", "."] },
  { pattern: "^[]a]+$", why: "] first in a class is a literal", strings: ["]", "a]", "b"] },
  { pattern: "^[a-z&&[^aeiou]]+$", why: "class intersection", strings: ["bcd", "bad", "b1"] },
  { pattern: "^[^a-z&&[^aeiou]]$", why: "^ negates the whole intersection", strings: ["a", "b", "1", "\u{1F600}"] },
  { pattern: "^[\\p{L}&&[^a-z]]$", why: "intersection with a property", strings: ["a", "é", "A", "1"] },
  { pattern: "^[a-c[x-z]]$", why: "a nested class is a union", strings: ["a", "y", "m"] },
  { pattern: "^[^a[x]]$", why: "^ negates the union", strings: ["a", "x", "m"] },
  {
    pattern: "^[a&&&b]$",
    why: "&&& intersects with nothing, then & and b join the class",
    strings: ["a", "&", "b", "c"],
  },
  { pattern: "^[ab-c&&]$", why: "an empty right side intersects with the last item only", strings: ["a", "b", "c"] },
  { pattern: "^[\\p{XDigit}{2}:?]+$", why: "braces inside a class are literals", strings: ["{2}:?", "ab", "g"] },
  {
    pattern: "^[[:alnum:]]+$",
    why: "POSIX bracket syntax is just a nested class of those characters",
    strings: [":alnum", "x", "b"],
  },
  { pattern: "^[\\p{Print}&&[^|:/]]+$", why: "Print is ASCII, intersected", strings: ["abc ~", "a:b", "é", "\u007f"] },

  // Java property names
  {
    pattern: "^\\p{Alnum}\\p{Alpha}\\p{Digit}$",
    why: "POSIX names are ASCII",
    strings: ["aB1", "éB1", "a\u00aa1", "aB٣"],
  },
  {
    pattern: "^\\p{Punct}+$",
    why: "Punct is ASCII punctuation and symbols",
    strings: ["!$+<@^`|~", "¡", "‘", "\u00bf"],
  },
  { pattern: "^\\p{Graph}\\p{Print}$", why: "Graph and Print are ASCII", strings: ["! ", "é ", "!\u00a0"] },
  {
    pattern: "^\\p{Space}\\p{Blank}\\p{Cntrl}$",
    why: "Space, Blank, Cntrl are ASCII",
    strings: ["\u000b\t\u007f", "\u00a0\t\u0001", " \u3000\u0001", "\n \u0085"],
  },
  {
    pattern: "^\\p{Upper}\\p{Lower}\\p{XDigit}\\p{ASCII}$",
    why: "more ASCII POSIX names",
    strings: ["AbF~", "ÉbF~", "Ab\uff21~", "AbF\u0080"],
  },
  {
    pattern: "^\\p{IsAlphabetic}\\p{IsDigit}\\p{IsPunct}$",
    why: "the Is forms are Unicode",
    strings: ["ⅰ٣¡", "a1!", "_1!"],
  },
  { pattern: "^\\p{IsWhitespace}$", why: "Unicode White_Space", strings: ["\u0085", "\u00a0", "\u200b", "\u001c"] },
  {
    pattern: "^\\p{javaLowerCase}\\p{javaWhitespace}\\p{javaDigit}$",
    why: "java* names follow java.lang.Character",
    strings: ["a\u001c٣", "ª \u0661", "a\u00a01", "a\u20071"],
  },
  {
    pattern: "^\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*$",
    why: "Java identifier characters",
    strings: ["$a1", "_\u0000", "1a", "€x\u200b"],
  },
  {
    pattern: "^\\p{L}\\pL\\p{IsL}\\p{gc=L}$",
    why: "four spellings of the letter category",
    strings: ["abcd", "éÉßſ", "ab1d", "\u{1D400}aaa"],
  },
  { pattern: "^\\p{IsLatin}\\p{sc=Greek}\\p{IsCyrillic}$", why: "scripts", strings: ["aαд", "αaд", "a1д"] },
  {
    pattern: "^\\p{LD}\\p{L1}\\p{all}$",
    why: "Java-only category names",
    strings: ["a\u00ff\u{1F600}", "٣\u0100x", "_ax"],
  },
  {
    pattern: "^[^\\p{C}\\p{IsWhitespace}]+$",
    why: "a negated class of properties",
    strings: ["abc", "a b", "a\u200bb", "a\u00a0b", "\ue000"],
  },
  { pattern: "^\\P{L}+$", why: "\\P negates", strings: ["123", "a", "\u{1F600}"] },

  // Inline flags
  { pattern: "^(?i)abc$", why: "(?i) folds ASCII letters", strings: ["ABC", "aBc", "abd"] },
  { pattern: "(?i)k", why: "(?i) without (?u) does not fold the Kelvin sign", strings: ["\u212a", "K", "k"] },
  { pattern: "(?i)s", why: "nor the long s", strings: ["\u017f", "S"] },
  { pattern: "(?i)é", why: "nor any non-ASCII letter", strings: ["É", "é"] },
  {
    pattern: "^(?i)[a-c]+[^k]$",
    why: "(?i) in classes and negated classes",
    strings: ["ABCd", "abcK", "abck", "abc\u212a"],
  },
  { pattern: "^(?i)[Z-a]$", why: "(?i) on a range that crosses the letters", strings: ["z", "A", "_", "b"] },
  { pattern: "^a(?i)b|c$", why: "a flag stays on after |", strings: ["aB", "C", "Ab"] },
  { pattern: "^(a(?i)b)c$", why: "a flag ends with its group", strings: ["aBc", "aBC", "abc"] },
  { pattern: "^(?i:a)b$", why: "a scoped flag group", strings: ["Ab", "AB"] },
  { pattern: "^(?x) a b # comment\n c$", why: "(?x) ignores spaces and comments", strings: ["abc", "a b c"] },
  { pattern: "^(?x)[a b]$", why: "even inside classes", strings: [" ", "a", "b"] },
  { pattern: "(?s)a.b(?-s)c.d", why: "(?-s) turns DOTALL off again", strings: ["a\nbc\nd", "a\nbcxd"] },

  // Quantifiers
  { pattern: "^a{2}{3}$", why: "a second quantifier applies to nothing", strings: ["aa", "aaaaaa", "a"] },
  {
    pattern: "^[0-9a-zA-Z]{11}{0,1011}$",
    why: "as in a published model",
    strings: ["abcdefghijk", "abcdefghijkl", "abcdefghij"],
  },
  { pattern: "^a*+a$", why: "possessive: no backtracking", strings: ["aaa", "a"] },
  { pattern: "^[0-9A-Z]{2}+$", why: "a possessive exact count", strings: ["A1", "A1B", ""] },
  {
    pattern: "^(?:ab|a)*+b$",
    why: "each possessive repetition takes its first alternative",
    strings: ["abb", "aab", "ab"],
  },
  { pattern: "^a?+a$", why: "possessive optional", strings: ["a", "aa"] },
  { pattern: "^(?>a|ab)c$", why: "an atomic group keeps its first match", strings: ["abc", "ac"] },
  { pattern: "^\\d++\\d$", why: "a possessive plus gives nothing back", strings: ["12", "1"] },
  { pattern: "^x*?y{1,3}?z$", why: "lazy quantifiers", strings: ["xxyz", "yyyz", "yyyyz"] },
  {
    pattern: "^(?:a|){2}b$",
    why: "an empty pass ends a Java loop early; with no assertion inside, the verdicts agree",
    strings: ["ab", "aab", "b", "aaab"],
  },
  {
    pattern: "(?:\\G|x){2}y",
    why: "Java ends a loop at its first empty pass: \\G then x is not two passes",
    strings: ["xy", "y", "xxy"],
    translates: false,
  },

  // Groups and back-references
  {
    pattern: "^(.)\\1$",
    why: "a back-reference to a group that has matched",
    strings: ["aa", "ab", "\u{1F600}\u{1F600}"],
  },
  { pattern: "^(?<n>x)\\k<n>$", why: "named groups and \\k", strings: ["xx", "xy"] },
  {
    pattern: "^(?!.*?(.)\\1{3})[a-z]*$",
    why: "a back-reference inside a lookahead",
    strings: ["aaab", "aaaab", "abcd"],
  },
  {
    pattern: "(a)?\\1b",
    why: "Java fails a reference to a group that did not match; JavaScript matches empty",
    strings: ["b", "aab"],
    translates: false,
  },
  { pattern: "^(?:(a)|b)\\1$", why: "the group may not have matched", strings: ["aa", "b"], translates: false },

  // Lookarounds
  { pattern: "^[0-9a-z.]*(?<!\\.)$", why: "a negative lookbehind before $", strings: ["a.b", "a.", "a.\n"] },
  { pattern: "(?<=é)x", why: "a lookbehind on a BMP letter", strings: ["éx", "ex"] },
  {
    pattern: "(?<=\\p{L})x",
    why: "Java measures this lookbehind in UTF-16 units",
    strings: ["ax", "\u{1D400}x"],
    translates: false,
  },
  { pattern: "(?<=a+)b", why: "unbounded lookbehind", strings: ["aab"], translates: false },

  // Engine choices (engine.ts): rewritten counted pieces, runs shortened at open ends, `$` after a \r on RE2
  {
    pattern: "^([^/][a-z/]+/){1,3}$",
    why: "counted pieces: only those beginning outside [a-z/] count against the bound",
    strings: [
      "a/",
      "aa/",
      "éa/",
      "éa/éa/éa/",
      "éa/éa/éa/éa/",
      "aa/éa/éa/éa/",
      "aa/éa/éa/",
      "éa/a/éa/b//éa/",
      "é/",
      "éa/é",
      "ééa/",
      "éa/\n",
      "éa/éa/éa/éa/\r\n",
    ],
  },
  {
    pattern: "^x([^/][a-z/]+/){0,3}$",
    why: "optional counted pieces",
    strings: ["x", "xa/", "xéa/éa/éa/", "xéa/éa/éa/éa/", "xaa/éa/éa/", "xa", "x\r\n"],
  },
  {
    pattern: "^([^/]([!-~]+/){1,511})?[A-Za-z0-9_+=,.@-]{1,64}$",
    why: "an IAM role path: pieces that all merge into one",
    strings: [
      "role",
      "/role",
      "a/role",
      "ab/role",
      "a//b/c/role",
      "é//role",
      "éa/role",
      "a/b/c/",
      "a/b/c/!",
      "ab/é",
      "ab/role\n",
      "ab/role\r\n",
    ],
  },
  {
    pattern: "^arn:(.+:){2,4}.+$",
    why: "pieces that merge: at least two",
    strings: ["arn:a:b", "arn:a:b:c", "arn:a:b:c:d:e:f:g", "arn::b:c", "arn:a::c", "arn:a:b:\n", "arn:a:b:c\r\n"],
  },
  {
    pattern: "^(ab)|(\\bTST\\b|[0-9a-zA-Z]+)$",
    why: "a run at an unanchored start is shortened (RE2 cannot take the \\b)",
    strings: ["TST", "xTST", "x-TST", "a", "!", "ab!", "a!", "a1\n", "a1\r\n", "-\r\n", "éa", "é", "a\u0301"],
  },
  {
    pattern: "^[\\p{L}\\s*]*\\{##[\\p{L}\\s*]*$",
    why: "a $ that may follow a \\r the pattern read, on RE2",
    strings: [
      "{##",
      "a{##b",
      "{##\r\n",
      "{##a\r\n",
      "{##\r",
      "{##\n",
      "{##\r\r\n",
      "{##\n\r\n",
      "{##\r\n\n",
      "{#",
      "{##1",
    ],
  },

  // No JavaScript equivalent
  { pattern: "\\p{InBasicLatin}", why: "Unicode blocks", strings: ["a", "é"], translates: false },
  { pattern: "\\X", why: "grapheme clusters", strings: ["a"], translates: false },
  { pattern: "(?iu)é", why: "Unicode case folding differs", strings: ["É"], translates: false },
  {
    pattern: "(?i)(a)\\1",
    why: "case-insensitive back-references fold ASCII only in Java",
    strings: ["aA"],
    translates: false,
  },

  // Not Java at all
  { pattern: "a**", why: "Java rejects a quantifier on a quantifier", strings: ["a"] },
  { pattern: "a{,3}", why: "Java has no {,n}", strings: ["a"] },
  { pattern: "{a", why: "a { that is not a quantifier", strings: ["{a"] },
  { pattern: "[]", why: "an unclosed class", strings: ["]"] },
  { pattern: "\\y", why: "an unknown letter escape", strings: ["y"] },
  { pattern: "[a-\\w]", why: "a class escape cannot end a range", strings: ["-"] },
  { pattern: "(?<a>x)(?<a>y)", why: "duplicate group names", strings: ["xy"] },
  { pattern: "\\p{Alnumx}", why: "an unknown property", strings: ["a"] },
];
