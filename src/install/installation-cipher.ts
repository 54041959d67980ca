import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// Installations hold bot tokens: they are kept encrypted (AES-256-GCM, a fresh 96-bit IV per
// write), so a copied store file or a Redis dump gives no token without INSTALLATION_KEY. GCM's
// tag also refuses a record edited or written with another key, instead of reading garbage.

const VERSION = "v1";
const IV_BYTES = 12;
/** `v1.<iv>.<tag>.<ciphertext>`, each part base64url: no separator can occur inside a part. */
const SEALED = /^v1\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]*)$/;

/** A sealed record could not be opened: another key, or the record was altered. */
export class InstallationCipherError extends Error {
  readonly code = "INSTALLATION_UNREADABLE";
  constructor(detail: string) {
    super(
      `Installation store: cannot decrypt a record (${detail}); is INSTALLATION_KEY the one it was written with?`,
    );
    this.name = "InstallationCipherError";
  }
}

/** Encrypts and decrypts installation records with one 32-byte key. */
export class InstallationCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error("InstallationCipher: the key must be 32 bytes");
  }

  /** The text of `plain`, encrypted and authenticated; `context` (the record's key) is bound in. */
  seal(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url"));
    return [VERSION, ...parts].join(".");
  }

  /** The text sealed under `context`; throws InstallationCipherError for anything else. */
  open(sealed: string, context: string): string {
    const match = SEALED.exec(sealed.trim());
    if (match === null) throw new InstallationCipherError("not a sealed record");
    const [iv, tag, body] = [match[1], match[2], match[3]].map((part) =>
      Buffer.from(part ?? "", "base64url"),
    ) as [Buffer, Buffer, Buffer];
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.key, iv);
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
    } catch {
      throw new InstallationCipherError("authentication failed");
    }
  }
}
