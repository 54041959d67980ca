// A fake Slack in a process of its own, for load runs: prints {"url": "..."} once listening.
import { FakeSlack } from "../support/fake-slack.js";

const fake = await new FakeSlack().start();
process.stdout.write(`${JSON.stringify({ url: fake.apiUrl.replace(/\/api\/$/, "") })}\n`);
process.on("SIGTERM", () => {
  const responses = fake.calls.filter((call) => call.path.startsWith("/response/")).length;
  process.stderr.write(`${JSON.stringify({ responses })}\n`);
  void fake.stop().then(() => process.exit(0));
});
