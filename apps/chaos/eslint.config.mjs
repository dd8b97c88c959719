import baseConfig from '../../eslint.config.mjs';

// Chaos specs are tests like *.e2e-spec.ts: they may use type:testing libs (libs/testing).
const testFiles = baseConfig.find((entry) => entry.files?.includes('**/*.e2e-spec.ts'));
if (!testFiles) throw new Error('eslint.config.mjs: the workspace config has no entry for **/*.e2e-spec.ts');

export default [...baseConfig, { files: ['**/*.chaos-spec.ts'], rules: testFiles.rules }];
