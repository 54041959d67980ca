import { describe, expect, it } from "vitest";
import { minePeople, personForRole } from "../../src/news/people.js";
import { findPerson } from "../../src/news/who.js";

const people = minePeople([
  {
    articleId: "a",
    sentences: [
      "Harbour master Ada Quist said the port was closed.",
      "Quist added that ships were waiting.",
      "Ms. Quist declined to give a date.",
    ],
  },
  {
    articleId: "b",
    sentences: [
      "Tomas Venn, the port authority's chief engineer, said the cranes were safe.",
      "Mayor Ilse Brandt said the city would help.",
    ],
  },
]);

describe("minePeople", () => {
  it("finds people with the roles the text gives them", () => {
    const byName = Object.fromEntries(people.map((p) => [p.name, p.role]));
    expect(byName).toMatchObject({
      "Ada Quist": "Harbour master",
      "Tomas Venn": "the port authority's chief engineer",
      "Ilse Brandt": "Mayor",
    });
  });

  it("resolves surname, full name, case and honorific to one person", () => {
    for (const typed of ["Quist", "ada quist", "QUIST", "Ms. Quist", "ada"]) {
      expect(findPerson(people, typed)?.name).toBe("Ada Quist");
    }
    expect(findPerson(people, "nobody")).toBeNull();
  });

  it("resolves a role phrase to its one holder, and refuses when none holds it", () => {
    expect(personForRole(people, "the city's mayor", "a")?.name).toBe("Ilse Brandt");
    expect(personForRole(people, "the chief engineer", "a")?.name).toBe("Tomas Venn");
    expect(personForRole(people, "the spokesman", "a")).toBeNull();
  });
});
