// An item is on the story when its title or text has one of the story's words: whole words, any
// case, so `tartus` matches "Tartus," but not "Tartusian". A word of the list may be a phrase
// (`air base`): its words must follow one another. Text is read word by word, once: linear.

const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Whether a text has one of `words`; built once per list, then called per item. */
export type StoryMatcher = (text: string) => boolean;

export function compileStoryMatcher(words: readonly string[]): StoryMatcher {
  const byFirst = new Map<string, string[][]>();
  for (const entry of words) {
    const phrase = wordsOf(entry);
    const first = phrase[0];
    if (first === undefined) continue;
    const list = byFirst.get(first) ?? [];
    list.push(phrase);
    byFirst.set(first, list);
  }
  return (text) => {
    const tokens = wordsOf(text);
    for (let i = 0; i < tokens.length; i++) {
      const phrases = byFirst.get(tokens[i] as string);
      if (phrases === undefined) continue;
      for (const phrase of phrases) {
        if (phrase.every((word, k) => tokens[i + k] === word)) return true;
      }
    }
    return false;
  };
}
