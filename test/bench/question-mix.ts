// The fixed mix of questions every benchmark runs, in the shapes people type in Slack: short plain
// questions (most of them), full sentences with a question word, misspelled ones that need fuzzy
// matching, questions of stop words only, off-topic ones, and a long pasted one.
export const QUESTION_MIX = [
  "who granted asylum",
  "why did russia give assad asylum",
  "what did peskov say about the bases",
  "future of the hmeimim airbase",
  "when did rebels enter damascus",
  "russian envoy in vienna",
  "which cities did the opposition capture",
  "how long did assad rule",
  "is assad in moscow?",
  "what happened to the syrian army",
  "what did the united states say",
  "UN security council closed-door meeting",
  "polyanskiy telegram",
  "grantd asylm",
  "khmeymim tartous",
  "humanitarain considerations",
  "ulianov frends",
  "who what when where why",
  "the and of to",
  "banana bread recipe",
  "how do I reset my password",
  "russia syria assad moscow kremlin putin peskov asylum decision bases rebels damascus",
  "Peskov said Russia is working to establish contact with those capable of ensuring the security of Russian military bases in Syria while the military takes all necessary precautions",
] as const;
