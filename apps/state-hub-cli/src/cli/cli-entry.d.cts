// Types of cli-entry.cjs (bin/state-hub.cjs runs it as JavaScript), for the code and specs that use it.
export interface CliEntry {
  kind: 'build' | 'source';
  script: string;
}
export declare const CLI_BUILD: string;
export declare const CLI_SOURCE: string;
export declare const SOURCES_FILE: string;
export declare function staleness(root: string, build: string): string | undefined;
export declare function chooseCliEntry(root: string, env: Record<string, string | undefined>): CliEntry;
