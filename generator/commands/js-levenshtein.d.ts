// js-levenshtein ships no types: it exports one function, the edit distance of two strings.
declare module 'js-levenshtein' {
  export default function levenshtein(a: string, b: string): number;
}
