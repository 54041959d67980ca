// The two wink packages the eval's peer engines use ship no types: what the eval calls of them.
declare module "wink-bm25-text-search" {
  type PrepTask = (input: never) => unknown;
  interface Engine {
    defineConfig(config: {
      fldWeights: Record<string, number>;
      bm25Params?: { k1?: number; b?: number; k?: number };
    }): boolean;
    definePrepTasks(tasks: PrepTask[], field?: string): number;
    addDoc(doc: Record<string, string>, id: number): number;
    consolidate(fp?: number): boolean;
    search(text: string, limit?: number): [id: number, score: number][];
  }
  export default function bm25(): Engine;
}

declare module "wink-nlp-utils" {
  const nlp: {
    string: { lowerCase: (s: string) => string; tokenize0: (s: string) => string[] };
    tokens: {
      removeWords: (t: string[]) => string[];
      stem: (t: string[]) => string[];
      propagateNegations: (t: string[]) => string[];
    };
  };
  export default nlp;
}
