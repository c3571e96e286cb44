/** "did you mean": the closest known name to a mistyped one, by edit distance (js-levenshtein, as Redocly uses). */
import levenshtein from 'js-levenshtein';

/** The candidate nearest to `given`, when it is close enough to be a typo (two edits, or a third of its letters when longer). */
export function closest(given: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = candidate.startsWith(given) && given.replace(/^-+/, '').length >= 2 ? 0.5 : levenshtein(given, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.replace(/^-+/, '').length / 3)) ? best : undefined;
}
