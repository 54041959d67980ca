// Words of the asker's own work in a newsroom chat ("need the verbatim line for a caption", "for
// context in my piece", "editor keeps asking"). They are not stop words: "which source told
// TASS" or "the wire report" may mean them. They count lightly, so they neither pull a passage up
// nor sink a question's coverage. General newsroom English, not about any one story.
export const NEWSROOM_CHAT_WORDS: readonly string[] =
  `quote quotes quoted line lines caption captions
  piece story stories wire wires verbatim spelling spelled explainer headline headlines wording
  context editor editors desk draft copy snippet lede graf background recap summary details detail
  info sourcing source sources record`
    .split(/\s+/)
    .filter((word) => word !== "");
