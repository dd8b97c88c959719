import { InitialSchema1795467572364 } from './1795467572364-initial-schema';
import { OutboxAndCommits1795469042099 } from './1795469042099-outbox-and-commits';

/** Every migration in order, as a class array (the apps are bundled, so no globs). */
export const MIGRATIONS = [InitialSchema1795467572364, OutboxAndCommits1795469042099];
