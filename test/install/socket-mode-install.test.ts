import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import type { InstallServer } from "../../src/install/install-server.js";
import { createApp } from "../../src/slack/create-app.js";
import { oauthEnv, redirect, startInstall } from "../support/oauth-install.js";
import { recordingBoltLogger } from "../support/recording-bolt-logger.js";

// Socket Mode needs no public port for Slack, but a browser needs one to install the app: in
// OAuth mode the install routes are served on PORT, and nothing else is.

let dir: string;
let server: InstallServer;
let base: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "installations-"));
  const config = loadConfig({
    ...oauthEnv(dir),
    SLACK_APP_TOKEN: "xapp-1-test",
    SLACK_API_URL: "http://127.0.0.1:9/api/",
  });
  const { installServer, receiver } = createApp({
    config,
    passageCount: () => 0,
    ask: () => {
      throw new Error("no request reaches the listeners in this test");
    },
    logger: recordingBoltLogger().logger,
  });
  expect(receiver).toBeNull();
  if (installServer === null) throw new Error("no install server in Socket Mode with OAuth");
  server = installServer;
  base = `http://127.0.0.1:${await server.start(0, "127.0.0.1")}`;
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

it("serves /slack/install and /slack/oauth_redirect on PORT, and 404 for anything else", async () => {
  const { page, state } = await startInstall({ base });
  expect(page.status).toBe(200);
  expect(await page.text()).toContain("Add to Slack");
  const cancelled = await redirect({ base }, { error: "access_denied", state });
  expect(cancelled.status).toBe(400);
  expect((await fetch(`${base}/slack/events`, { method: "POST" })).status).toBe(404);
  expect((await fetch(`${base}/`)).status).toBe(404);
});
