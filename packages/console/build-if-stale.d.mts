// Types of build-if-stale.mjs, for the TypeScript that imports it (the server's browser test).
export declare const distIndex: string;
export declare function staleReason(): string | null;
export declare function ensureConsoleBuilt(options?: {
  force?: boolean;
  log?: (line: string) => void;
}): Promise<boolean>;
