/**
 * Where do spec strings land in generated code? Scans a TypeScript file with the compiler's own
 * scanner and reports every marker occurrence that is not wholly inside a string literal, a
 * no-substitution template literal or a comment (JSDoc included). Template heads/middles/tails and
 * anything else count as violations: no template literal may hold a spec value.
 */
import ts from 'typescript';

export interface ScanResult {
  /** markers found inside string literals or comments */
  safe: string[];
  violations: { marker: string; token: string; at: number; context: string }[];
}

const SAFE_TOKENS = new Set([ts.SyntaxKind.StringLiteral, ts.SyntaxKind.NoSubstitutionTemplateLiteral]);
const COMMENTS = new Set([ts.SyntaxKind.SingleLineCommentTrivia, ts.SyntaxKind.MultiLineCommentTrivia]);
/** After these tokens a `/` is division; elsewhere it starts a regular expression. */
const ENDS_EXPRESSION = new Set([
  ts.SyntaxKind.Identifier,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.CloseParenToken,
  ts.SyntaxKind.CloseBracketToken,
  ts.SyntaxKind.CloseBraceToken,
  ts.SyntaxKind.ThisKeyword,
  ts.SyntaxKind.TrueKeyword,
  ts.SyntaxKind.FalseKeyword,
  ts.SyntaxKind.NullKeyword,
  ts.SyntaxKind.RegularExpressionLiteral,
  ts.SyntaxKind.PlusPlusToken,
  ts.SyntaxKind.MinusMinusToken,
]);

export function scanMarkers(text: string, markerRe: RegExp, languageVariant = ts.LanguageVariant.Standard): ScanResult {
  const occurrences = [...text.matchAll(new RegExp(markerRe.source, 'g'))].map((m) => ({
    marker: m[0],
    start: m.index!,
    end: m.index! + m[0].length,
  }));
  const result: ScanResult = { safe: [], violations: [] };
  if (occurrences.length === 0) return result;
  const safeRanges: [number, number][] = [];
  const tokens: { kind: ts.SyntaxKind; start: number; end: number }[] = [];
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, languageVariant, text);
  const stack: ('brace' | 'template')[] = [];
  let previous = ts.SyntaxKind.Unknown;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.CloseBraceToken && stack.pop() === 'template') kind = scanner.reScanTemplateToken(false);
    else if ((kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) && !ENDS_EXPRESSION.has(previous))
      kind = scanner.reScanSlashToken();
    if (kind === ts.SyntaxKind.OpenBraceToken) stack.push('brace');
    if (kind === ts.SyntaxKind.TemplateHead || kind === ts.SyntaxKind.TemplateMiddle) stack.push('template');
    const start = scanner.getTokenStart();
    const end = scanner.getTokenEnd();
    if (SAFE_TOKENS.has(kind) || COMMENTS.has(kind)) safeRanges.push([start, end]);
    tokens.push({ kind, start, end });
    if (kind !== ts.SyntaxKind.WhitespaceTrivia && kind !== ts.SyntaxKind.NewLineTrivia && !COMMENTS.has(kind)) previous = kind;
  }
  for (const o of occurrences) {
    if (safeRanges.some(([s, e]) => s <= o.start && o.end <= e)) {
      result.safe.push(o.marker);
      continue;
    }
    const token = tokens.find((t) => t.start <= o.start && o.start < t.end);
    result.violations.push({
      marker: o.marker,
      token: token ? ts.SyntaxKind[token.kind] : 'unknown',
      at: o.start,
      context: text.slice(Math.max(0, o.start - 60), o.end + 60),
    });
  }
  return result;
}
