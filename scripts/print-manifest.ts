// The Slack CLI's `get-manifest` hook (.slack/hooks.json): prints manifest.yml as JSON, so
// `slack manifest` and `slack run` use the same manifest a person pastes into Slack. One source:
// manifest.yml; this only changes its notation.

import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const MANIFEST = fileURLToPath(new URL("../manifest.yml", import.meta.url));

process.stdout.write(`${JSON.stringify(parse(await readFile(MANIFEST, "utf8")))}\n`);
