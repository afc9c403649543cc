/**
 * Comment sentiment with a small English word list. Good enough to sort praise from complaints in a
 * shop's feedback box; comments in other languages are detected by their common words and left
 * "not analysed" rather than guessed.
 */

/** Lower-case word tokens (letters incl. accents, inner apostrophes kept: "wasn't"). */
export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((t) => t.replace(/^'+|'+$/g, ''))
    .filter((t) => t.length > 0);
}

const POSITIVE = new Set(
  (
    'good great excellent amazing lovely love loved loves friendly delicious tasty fresh nice perfect best wonderful fantastic ' +
    'awesome helpful clean quick fast happy recommend recommended beautiful kind pleasant cosy cozy welcoming attentive ' +
    'professional yummy superb brilliant enjoyed enjoy polite reasonable affordable tidy relaxing relaxed comfortable ' +
    'gorgeous outstanding thanks thank glad impressed favourite favorite warm crispy generous smiling patient'
  ).split(' '),
);

const NEGATIVE = new Set(
  (
    'bad terrible awful horrible rude slow dirty stale expensive overpriced disappointing disappointed poor worst wrong late ' +
    'unfriendly noisy burnt burned bland waited waiting hate hated mediocre unhelpful messy broken problem complaint sour ' +
    'undercooked overcooked greasy soggy cold lukewarm rushed ignored forgot forgotten mistake crowded smelly sticky ' +
    'uncomfortable annoyed annoying never'
  ).split(' '),
);

const NEGATORS = new Set(
  "not no never isn't wasn't aren't weren't don't didn't doesn't won't can't cannot couldn't hardly nothing nor without".split(' '),
);

/** Words that commonly sit between a negator and the word it negates ("not very good"). */
const INTENSIFIERS = new Set('very so too really that quite particularly exactly at all'.split(' '));

/** True when the word carries sentiment in the lexicon (used to keep such words out of themes). */
export function isSentimentWord(word: string): boolean {
  return POSITIVE.has(word) || NEGATIVE.has(word) || NEGATORS.has(word);
}

const STOPWORDS: Record<string, ReadonlySet<string>> = {
  en: new Set('the and is was it a an to of in for with this that very my we our you i are were but they at on have had be so'.split(' ')),
  de: new Set('der die das und ist nicht sehr ein eine ich wir war mit auf für den dem zu es sie auch aber wie'.split(' ')),
  fr: new Set('le la les et est pas très un une je nous était avec pour des du au ce il elle mais que qui sur'.split(' ')),
  es: new Set('el la los las y es no muy un una yo fue con para del que por pero su al lo estaba'.split(' ')),
  it: new Set('il lo la gli le e è non molto un una io era con per del della che ma sono al'.split(' ')),
  nl: new Set('de het een en is niet zeer heel ik wij was met voor van dat maar zijn op ook te'.split(' ')),
};

/** Best guess of a comment's language by counting common words: 'en', 'de', 'fr', 'es', 'it', 'nl' or 'unknown'. */
export function detectLanguage(tokens: readonly string[]): string {
  let best = 'unknown';
  let bestCount = 0;
  let english = 0;
  for (const [lang, words] of Object.entries(STOPWORDS)) {
    let count = 0;
    for (const t of tokens) if (words.has(t)) count++;
    if (lang === 'en') english = count;
    if (count > bestCount) {
      best = lang;
      bestCount = count;
    }
  }
  // English wins ties: shared words ("a", "is", "no") should not flip a short English comment.
  if (english > 0 && english >= bestCount) return 'en';
  // Short comments without any common word ("Delicious!") are treated as English.
  return bestCount >= 2 ? best : 'en';
}

export type Sentiment = 'positive' | 'negative' | 'neutral' | 'not-analysed';

/** Sentiment of one comment with the evidence: net score (+1 per positive word, −1 per negative). */
export interface SentimentResult {
  sentiment: Sentiment;
  score: number;
  language: string;
}

/**
 * Lexicon sentiment: positive words +1, negative −1; a negator within the three words before flips
 * the sign ("not good" → −1, "never disappointed" → +1). Net > 0 positive, < 0 negative, else
 * neutral. Non-English comments: "not-analysed".
 */
export function commentSentiment(comment: string): SentimentResult {
  const tokens = tokenize(comment);
  const language = detectLanguage(tokens);
  if (language !== 'en') return { sentiment: 'not-analysed', score: 0, language };
  let score = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    const polarity = POSITIVE.has(t) ? 1 : NEGATIVE.has(t) ? -1 : 0;
    if (polarity === 0) continue;
    let negated = false;
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
      const w = tokens[j] as string;
      if (NEGATORS.has(w)) {
        negated = true;
        break;
      }
      if (!INTENSIFIERS.has(w)) break;
    }
    // "never" as a sentiment word only counts when it is not itself the negator of the next word.
    if (t === 'never' && i + 1 < tokens.length && (POSITIVE.has(tokens[i + 1] as string) || NEGATIVE.has(tokens[i + 1] as string))) continue;
    score += negated ? -polarity : polarity;
  }
  return { sentiment: score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral', score, language };
}

/** English stop words removed before counting themes. */
export const THEME_STOPWORDS: ReadonlySet<string> = new Set(
  (
    'the and is was it a an to of in for with this that very my we our you i are were but they at on have had be so me ' +
    'it\'s i\'m we\'re they\'re there their them his her he she its as by from or if then than too also just really ' +
    'will would could should can do does did done been being am get got go went come came here again always ' +
    'what which who when where how all any some more most much many one two lot lots bit little time today ' +
    'us your yours mine ours us about after before over under up down out into off only even still well'
  ).split(' '),
);
