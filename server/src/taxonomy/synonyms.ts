import { normalizeForMatch, TermMatcher, wordsOnly } from './match.js';

/** websearch_to_tsquery's operators: a query written with them is taken as written. */
const OPERATORS = /"|(?:^|\s)-\S|(?:^|\s)or(?:\s|$)/i;

/**
 * One term as to_tsquery text: a phrase as all its words. Neither phrase operators nor prefixes
 * (`:*`): with a phrase, every entry the index finds is checked again in its own vector (for
 * "stem van de doelgroep" at 100,000 entries, reading them took 15 ms instead of 6 ms), and the
 * planner cannot estimate a prefix (it then counted the sample entry by entry, 35 ms instead of
 * 3 ms). Plurals are the stemmers' work; compounds are listed in the groups.
 */
const termQuery = (words: string) => (words.includes(' ') ? `(${words.split(' ').join(' & ')})` : words);

/** A term as the groups compare it: accents and case aside, words only. */
export const synonymTerm = (term: string) => normalizeForMatch(term).trim();

/**
 * Words that mean the same thing in Dutch, French and English (the `synonym_group` table, which
 * coordinators edit; `synonyms.json` was its starting set): most reports are written in Dutch,
 * and a CPAS social worker who searches "bénévolat" wants the practice titled "Vrijwilligerswerk
 * werkt motiverend" first, not among every practice that happens to be tagged with its theme.
 */
export class SynonymMatcher {
  private readonly matcher: TermMatcher;
  private readonly groupQueries: string[];

  constructor(groups: readonly (readonly string[])[]) {
    // One pattern per term, the longest first, so that a phrase is taken out of a query before a
    // word of it that another group holds: "sociale kaart" before "kaart".
    const terms = groups.flatMap((group, index) => group.map((term) => ({ key: String(index), terms: [term], length: synonymTerm(term).length })));
    this.matcher = new TermMatcher(terms.sort((a, b) => b.length - a.length));
    // Each term without accents, as the index holds words, and as written: snippets mark the
    // words of a text as written, so "bénévole" in a French passage is marked too.
    this.groupQueries = groups.map((terms) => {
      const forms = new Set(terms.flatMap((term) => [termQuery(synonymTerm(term)), termQuery(wordsOnly(term))]));
      return `(${[...forms].join(' | ')})`;
    });
  }

  /**
   * The query with each synonym it names widened to its whole group, as to_tsquery text: every
   * group named, and every other word, must match; null when the query names none or uses search
   * operators. Made only of normalized letters, digits and our own operators, so to_tsquery reads
   * it whatever the person typed.
   */
  query(query: string): string | null {
    if (OPERATORS.test(query)) return null;
    const { keys, rest } = this.matcher.takeOut(query);
    if (!keys.length) return null;
    const named = [...new Set(keys.map(Number))].sort((a, b) => a - b);
    return [...named.map((group) => this.groupQueries[group]), ...(rest ? rest.split(' ') : [])].join(' & ');
  }
}
