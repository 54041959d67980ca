import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  InstallationCipher,
  InstallationCipherError,
} from "../../src/install/installation-cipher.js";

const cipher = new InstallationCipher(randomBytes(32));

describe("InstallationCipher", () => {
  it("opens what it sealed, for any text, and never shows the text in the sealed form", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8 }), (plain) => {
        const sealed = cipher.seal(plain, "team-T1");
        expect(cipher.open(sealed, "team-T1")).toBe(plain);
        expect(sealed.includes(plain)).toBe(false);
      }),
    );
  });

  it("seals the same text differently each time (a fresh IV)", () => {
    expect(cipher.seal("xoxb-1", "k")).not.toBe(cipher.seal("xoxb-1", "k"));
  });

  it("refuses a record altered, moved to another key, or sealed with another key", () => {
    const sealed = cipher.seal('{"token":"xoxb-1"}', "team-T1");
    const last = sealed.at(-2) === "A" ? "B" : "A";
    const altered = `${sealed.slice(0, -2)}${last}${sealed.at(-1)}`;
    expect(() => cipher.open(altered, "team-T1")).toThrow(InstallationCipherError);
    expect(() => cipher.open(sealed, "team-T2")).toThrow(InstallationCipherError);
    expect(() => new InstallationCipher(randomBytes(32)).open(sealed, "team-T1")).toThrow(
      /INSTALLATION_KEY/,
    );
    expect(() => cipher.open("not sealed", "team-T1")).toThrow(InstallationCipherError);
  });

  it("takes only a 32-byte key", () => {
    expect(() => new InstallationCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});
