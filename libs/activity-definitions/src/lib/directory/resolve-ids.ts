// Definition ids are unique across files. The file that already runs an id
// keeps it; otherwise the first file by name wins. A file that loses keeps
// its previous version running when that version's id is still free.
import type { LoadedDefinition } from '../parse/loaded-definition';

export interface IdCandidate {
  sourcePath: string;
  /** The file's current content, when it parsed. */
  latest?: LoadedDefinition;
  /** What ran for this file before this reload. */
  previous?: LoadedDefinition;
}

export interface IdDecision {
  active?: LoadedDefinition;
  /** The file that holds the id the current content asks for. */
  duplicateOf?: string;
}

/** Candidates in file-name order; one decision per candidate, by source path. */
export function resolveIds(candidates: readonly IdCandidate[]): Map<string, IdDecision> {
  const owners = new Map<string, IdCandidate>();
  for (const candidate of candidates) {
    const wanted = candidate.latest ?? candidate.previous;
    if (!wanted) continue;
    const owner = owners.get(wanted.id);
    const incumbent = candidate.previous?.id === wanted.id;
    if (!owner || (incumbent && owner.previous?.id !== wanted.id)) owners.set(wanted.id, candidate);
  }
  const decisions = new Map<string, IdDecision>();
  const losers: IdCandidate[] = [];
  for (const candidate of candidates) {
    const wanted = candidate.latest ?? candidate.previous;
    if (!wanted) decisions.set(candidate.sourcePath, {});
    else if (owners.get(wanted.id) === candidate) decisions.set(candidate.sourcePath, { active: wanted });
    else losers.push(candidate);
  }
  for (const loser of losers) {
    const wanted = (loser.latest ?? loser.previous) as LoadedDefinition;
    const duplicateOf = owners.get(wanted.id)?.sourcePath;
    const fallback = loser.previous && !owners.has(loser.previous.id) ? loser.previous : undefined;
    if (fallback) owners.set(fallback.id, loser);
    decisions.set(loser.sourcePath, { ...(fallback ? { active: fallback } : {}), duplicateOf });
  }
  return decisions;
}
