import { describe, expect, it } from "vitest";
import { detectAnswerType } from "../../src/answer/answer-type.js";

describe("detectAnswerType", () => {
  it.each([
    ["who granted asylum", "person"],
    ["whose decision was it", "person"],
    ["who is mikhail ulyanov", "definition"],
    ["what is the astana format", "definition"],
    ["when did the rebels enter damascus", "time"],
    ["what day did it happen", "time"],
    ["where is assad now", "place"],
    ["which cities did the rebels take", "place"],
    ["how long did assad rule", "quantity"],
    ["how many cities fell", "quantity"],
    ["why did russia grant asylum", "reason"],
    ["on what grounds was asylum given", "reason"],
    ["Khmeimim airbase", null],
    ["what did peskov say", null],
  ])("%s → %s", (question, type) => {
    expect(detectAnswerType(question)).toBe(type);
  });
});
