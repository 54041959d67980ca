import { foldWord, processTerm, tokenize } from "../text/terms.js";

// Requests that are plainly not about news (weather, travel, films and shows, translation, sports,
// prices, recipes, the time of day, office chores, distances, money and housing, shopping, pastimes,
// pets) reach the articles only through a place or a name
// ("weather in moscow", "book a flight to vienna"). A word that says so, when the articles never
// use it, marks the question as off-topic: the articles are not about the weather if they never
// say "weather". The same word in a corpus that does use it ("prices rose") is left alone.

/** Words that ask for something other than news, by the kind of request. */
const NON_NEWS_WORDS: readonly string[] = [
  // weather
  "weather forecast temperature rain rainy snow sunny umbrella cold hot warm humid",
  // travel and sightseeing
  "flight flights hotel hotels booking itinerary passport visa luggage airbnb tourist tourists tourism sightseeing museum museums beach beaches resort resorts metro",
  // films, shows and music
  "movie movies netflix podcast podcasts documentary documentaries actor actress trailer playlist song songs concert",
  // translation (not spelling: a newsroom asks how the story's names are spelled)
  "translate translation translator",
  // sports
  "score scores match game striker goalkeeper league playoff playoffs tournament football soccer basketball tennis nba nfl",
  // prices and shopping
  "price prices bitcoin crypto stock stocks discount coupon cheapest subscribe subscription paywall",
  // recipes and food
  "recipe recipes cook cooking bake baking ingredients pizza lunch dinner menu restaurant",
  // time of day and calendars
  "timezone clock standup",
  // office chores
  "password login wifi printer vpn expense payroll",
  // distances, maps and geography quizzes
  "distance miles kilometres kilometers map maps",
  // money and housing
  "currency currencies rent apartment apartments internship",
  // shopping and opening hours
  "souvenir souvenirs shopping gift gifts birthday wallpaper",
  // learning, books and pastimes
  "lessons tutorial homework novel novels meme memes joke jokes gif gifs",
  // pets
  "cat cats dog dogs puppy kitten pet pets",
];

const INTENT_WORDS: ReadonlySet<string> = new Set(NON_NEWS_WORDS.join(" ").split(" "));

/** Phrases that ask for the time of day, a distance, a cost or a translation, whatever the corpus says. */
const NON_NEWS_PHRASE =
  /\b(?:what time is it|what(?:'|’)?s the time|time is it in|time zone|time difference|exchange rate|cost of living|opening (?:hours|times)|how far is|how big is|driving directions|language do they speak|how do (?:you|i) say|in (?:english|french|german|spanish|arabic|russian) please)\b/;

/**
 * The word or phrase that marks the question as a request other than news, or null. A word counts
 * only when the articles never use it (`knows` says whether the index holds a term).
 */
export function nonNewsIntent(question: string, knows: (term: string) => boolean): string | null {
  const lower = question.toLowerCase();
  const phrase = NON_NEWS_PHRASE.exec(lower);
  if (phrase) return phrase[0];
  for (const token of tokenize(lower)) {
    const word = foldWord(token);
    if (!INTENT_WORDS.has(word)) continue;
    const term = processTerm(word);
    if (term === null || !knows(term)) return word;
  }
  return null;
}
