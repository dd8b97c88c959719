import nx from '@nx/eslint-plugin';
import baseConfig from '../../eslint.config.mjs';

// Features never import each other: the app (router) composes them; shared pieces live in components/ and lib/.
const FEATURES = ['overview', 'repos', 'workstreams', 'decisions', 'engine', 'sweeps'];

export default [
  ...nx.configs['flat/react'],
  ...baseConfig,
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: FEATURES.filter((other) => other !== feature).map((other) => ({
            group: [`**/features/${other}/**`, `../${other}/**`, `../../${other}/**`, `../../../${other}/**`],
            message: `features never import each other (${feature} → ${other}): move what both need to components/ or lib/`,
          })),
        },
      ],
    },
  })),
];
