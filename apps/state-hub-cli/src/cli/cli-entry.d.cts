// Types of cli-entry.cjs (bin/state-hub.cjs runs it as JavaScript), for the specs that check it.
export interface CliEntry {
  kind: 'build' | 'source';
  script: string;
}
export declare const CLI_BUILD: string;
export declare const CLI_SOURCE: string;
export declare function chooseCliEntry(root: string, env: Record<string, string | undefined>): CliEntry;
