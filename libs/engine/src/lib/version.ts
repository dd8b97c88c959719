// The workspace package.json is the one place the release version lives; the
// bundler inlines it, so reaching outside the project here is deliberate.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { version } from '../../../../package.json';

/** The engine's release version, from the workspace package.json. */
export const APP_VERSION: string = version;
