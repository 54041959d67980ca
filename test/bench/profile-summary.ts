// Where a question's time goes: reads a V8 CPU profile (`node --cpu-prof`, e.g. of
// `npm run bench`) and prints the self time of each function, counting only the samples taken
// inside one function (default answerQuestion), so index building and warm-up do not drown it.
//   tsx test/bench/profile-summary.ts FILE.cpuprofile [--within answerQuestion] [--top 25]
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
  share: number;
}

/** Self time by function over the samples whose stack passes through `within`. */
export function selfTimes(
  profile: CpuProfile,
  within: string,
): { totalMs: number; rows: SelfTime[] } {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const inside = new Map<number, boolean>();
  const isInside = (id: number): boolean => {
    const known = inside.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const result = node?.callFrame.functionName === within || (up !== undefined && isInside(up));
    inside.set(id, result);
    return result;
  };
  const self = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    if (!isInside(id)) return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = byId.get(id)?.callFrame;
    const file = frame?.url.split("/").slice(-2).join("/") ?? "";
    const name = `${frame?.functionName || "(anonymous)"} ${file}:${(frame?.lineNumber ?? 0) + 1}`;
    self.set(name, (self.get(name) ?? 0) + ms);
    totalMs += ms;
  });
  const rows = [...self]
    .map(([name, ms]) => ({ name, ms, share: ms / totalMs }))
    .sort((a, b) => b.ms - a.ms);
  return { totalMs, rows };
}

async function main(args: string[]): Promise<void> {
  const file = args.find((arg) => !arg.startsWith("--") && arg.endsWith(".cpuprofile"));
  if (!file) {
    console.error(
      "usage: tsx test/bench/profile-summary.ts FILE.cpuprofile [--within NAME] [--top N]",
    );
    process.exitCode = 2;
    return;
  }
  const at = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const within = at("--within") ?? "answerQuestion";
  const top = Number(at("--top") ?? "25");
  const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  const { totalMs, rows } = selfTimes(profile, within);
  console.log(`${totalMs.toFixed(0)} ms sampled inside ${within}\n`);
  console.log("| self ms | share | function |\n|---|---|---|");
  for (const row of rows.slice(0, top)) {
    console.log(`| ${row.ms.toFixed(0)} | ${(row.share * 100).toFixed(1)}% | ${row.name} |`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
