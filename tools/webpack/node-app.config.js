// The webpack config every Node app of the workspace uses: bundle src/main.ts
// with tsc, keep node_modules external, write a pruned package.json for images,
// and sources.json: what the bundle was made from.
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { createHash } = require('crypto');
const { readFileSync, statSync } = require('fs');
const { join, relative, sep } = require('path');

/**
 * Writes sources.json next to the bundle: every workspace file the build read (TypeScript, JSON, tsconfig …) with a
 * hash of its content, so a launcher can tell whether the build is still current (apps/state-hub-cli/src/cli/
 * cli-entry.cjs: `state-hub` itself and `state-hub serve`).
 */
class SourcesManifestPlugin {
  constructor(root) {
    this.root = root;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('SourcesManifest', (compilation) => {
      const stage = Compilation.PROCESS_ASSETS_STAGE_REPORT;
      compilation.hooks.processAssets.tap({ name: 'SourcesManifest', stage }, () => {
        // each module's file, and whatever else its loaders read for it (compilation.fileDependencies is only
        // gathered after the assets are made)
        const read = new Set();
        for (const module of compilation.modules) {
          if (module.resource) read.add(module.resource.split('?')[0]);
          for (const file of module.buildInfo?.fileDependencies ?? []) read.add(file);
        }
        const files = {};
        for (const file of [...read].sort()) {
          const path = relative(this.root, file);
          if (path.startsWith('..') || path.split(sep).includes('node_modules')) continue;
          if (!statSync(file, { throwIfNoEntry: false })?.isFile()) continue; // a folder webpack watched
          files[path.split(sep).join('/')] = createHash('sha256').update(readFileSync(file)).digest('hex');
        }
        compilation.emitAsset('sources.json', new sources.RawSource(`${JSON.stringify({ files }, null, 1)}\n`));
      });
    });
  }
}

/** @param {string} appDir the app's folder (its webpack.config.js `__dirname`) @param {string} name the app's name */
function nodeAppConfig(appDir, name) {
  return {
    output: {
      path: join(appDir, '../../dist/apps', name),
      clean: true,
      ...(process.env.NODE_ENV !== 'production' && {
        devtoolModuleFilenameTemplate: '[absolute-resource-path]',
      }),
    },
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        tsConfig: './tsconfig.app.json',
        optimization: false,
        outputHashing: 'none',
        generatePackageJson: true,
        sourceMap: true,
      }),
      new SourcesManifestPlugin(join(appDir, '../..')),
    ],
  };
}

module.exports = { nodeAppConfig };
