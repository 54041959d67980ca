// Words that carry the asking, not the topic, of a question typed in chat: filler, hedges,
// chat abbreviations and modal verbs. General English, not about any one story.
export const QUESTION_STOP_WORDS: ReadonlySet<string> = new Set(
  `will shall may might must can could would should gonna wanna gotta
  anyone anybody someone somebody everyone guys folks team bot
  exactly actually really basically literally just even ever again already still yet
  rn atm abt tho thx thanks ty pls plz please lol lmao haha ok okay yeah yep yes nah nope hey hi hello
  quick q question asking ask wondering wonder curious idea sense word clue thoughts
  know knows tell seen heard remind reminding
  right correct true
  like kind sort thing stuff something anything
  u ur r ya
  dont doesnt didnt isnt wasnt arent werent cant couldnt wont wouldnt shouldnt hasnt havent hadnt
  whats whos hows wheres whens whys thats theres im ive id youre theyre`
    .split(/\s+/)
    .filter((word) => word !== ""),
);
