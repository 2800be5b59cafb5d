/**
 * A jest transformer for ESM-only packages in node_modules (jose 6): esbuild turns each file into
 * CommonJS, as jest 30 on Node 20 cannot require ES modules. Node itself loads them natively at run time.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS jest transformer
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const out = transformSync(source, {
      loader: 'js',
      format: 'cjs',
      target: 'node20',
      sourcefile: filename,
    });
    return { code: out.code };
  },
};
