import { InitialSchema1795467572364 } from './1795467572364-initial-schema';

/** Every migration in order, as a class array (the apps are bundled, so no globs). */
export const MIGRATIONS = [InitialSchema1795467572364];
