/**
 * User text is plain text. Fristvakt stores what a person wrote exactly as given (trimmed) and never
 * interprets markup in it; each renderer escapes it for its medium. Adaptive Cards' `TextBlock`
 * renders a Markdown subset (bold, italic, lists, links) and expands `{{DATE(…)}}`/`{{TIME(…)}}`
 * functions, so text shown there goes through `plainTextForCard` first. React escapes by itself.
 */

/** The longest comment (and other free text on a case) accepted, in UTF-16 code units. */
export const MAX_COMMENT_LENGTH = 4000;

/** Characters that start or end Markdown formatting (or an HTML entity) anywhere in a line. */
const INLINE = /[\\`*_[\]<>~|{}&]/g;

/**
 * Text none of the rules below changes (most names and titles): one line, no Markdown punctuation,
 * and no space, marker or number with `.`/`)` at its start. Returned as it is, without the work.
 */
const UNCHANGED = /^(?![\s#+\-=]|\d+[.)])[^\\`*_[\]<>~|{}&\r\n]*$/;

/**
 * `text` escaped so that an Adaptive Card `TextBlock` shows it literally: Markdown punctuation gets a
 * backslash (CommonMark escapes; the backslash itself is not shown), a line that would start a heading,
 * list, quote or numbered list gets its marker escaped, and `{{` can no longer open a date function.
 * Leading spaces become no-break spaces (four spaces would start a code block). Line breaks are kept
 * (Markdown needs a blank line or two spaces for a break: each single break becomes a paragraph break
 * so the lines the user wrote stay lines). This is the one escaping function for every user-typed or
 * stored string (titles, names, service and desk names, labels a desk may edit) that a card's
 * `TextBlock` or `FactSet` shows; a card's own words stay Markdown.
 */
export function plainTextForCard(text: string): string {
  if (UNCHANGED.test(text)) return text;
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .replace(/^[ \t]+/, (ws) => '\u00a0'.repeat(ws.length))
        .replace(INLINE, (ch) => `\\${ch}`)
        .replace(/^(\s*)([#+\-=])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
    )
    .join('\n\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** Words that open a greeting before the addressee: "Hei UKE, …", "Til Sopra Steria: …". */
const GREETING = /^\s*(?:hei|hallo|heisann|hei hei|god morgen|god dag|til|hi|hello|dear)\s+/i;
const MAX_ADDRESSEE = 60;

/**
 * Who a comment is addressed to when it starts with a greeting (seed 002 §5.1: "Hei UKE", "Hei Sopra
 * Steria,"). With `known` names (the desk, the supplier, the forvalter, the reporter, the assignee),
 * the longest known name right after the greeting wins, case-insensitively, and is returned as
 * spelt in `known`. Without a match, the words after the greeting up to the first `,` `:` `!` `.`
 * or line break are taken, when that is a short name (at most four words, 60 characters). Otherwise
 * undefined: "Hei, jeg har fortsatt feil" names nobody.
 */
export function detectAddressee(text: string, known: readonly string[] = []): string | undefined {
  const g = GREETING.exec(text);
  if (!g) return undefined;
  const rest = text.slice(g[0].length);
  const lower = rest.toLowerCase();
  const match = [...known]
    .filter((k) => k.trim() !== '')
    .sort((a, b) => b.length - a.length)
    .find((k) => {
      const name = k.trim().toLowerCase();
      if (!lower.startsWith(name)) return false;
      const next = rest.charAt(name.length);
      return next === '' || !/[\p{L}\p{N}]/u.test(next);
    });
  if (match) return match.trim();
  const m = /^([^,:!.\n]+)[,:!.\n]/.exec(rest);
  if (!m) return undefined;
  const name = m[1].trim();
  if (name === '' || name.length > MAX_ADDRESSEE || name.split(/\s+/).length > 4) return undefined;
  if (!/^[\p{Lu}\p{N}]/u.test(name)) return undefined;
  return name;
}
