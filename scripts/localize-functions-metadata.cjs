// After custom-functions-metadata-plugin has written functions.json from the JSDoc (en-US), type each result and
// write functions.zh-CN.json from src/functions/metadata.json: the same functions and parameters (ids, names in
// formulas, types, optional), with Chinese descriptions and parameter names. Descriptions lose JSDoc line breaks.
// A function or parameter without its zh-CN text fails the build, so the two files cannot drift apart.
'use strict';
const fs = require('fs');
const path = require('path');

const NAME = 'LocalizeFunctionsMetadata';
const oneLine = (s) => String(s ?? '').replace(/\s*\n\s*/g, ' ').trim();

function localize(metadata, extra) {
  const zh = extra['zh-CN'];
  const errors = [];
  const en = {
    ...metadata,
    functions: metadata.functions.map((f) => ({
      ...f,
      description: oneLine(f.description),
      parameters: f.parameters.map((p) => ({ ...p, description: oneLine(p.description) })),
      result: { ...f.result, type: extra.results[f.id] ?? (errors.push(`no result type for ${f.id}`), 'any') },
    })),
  };
  const cn = {
    ...en,
    functions: en.functions.map((f) => {
      const text = zh[f.id];
      if (!text) {
        errors.push(`no zh-CN text for ${f.id}`);
        return f;
      }
      return {
        ...f,
        description: oneLine(text.description),
        parameters: f.parameters.map((p) => {
          const [name, description] = text.parameters[p.name] ?? [];
          if (!name || !description) errors.push(`no zh-CN text for ${f.id}(${p.name})`);
          return { ...p, name: name ?? p.name, description: oneLine(description ?? p.description) };
        }),
      };
    }),
  };
  return { en, cn, errors };
}

class LocalizeFunctionsMetadataPlugin {
  constructor(options) {
    this.options = { input: 'functions.json', output: 'functions.zh-CN.json', ...options };
  }
  apply(compiler) {
    const { webpack } = compiler;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const asset = compilation.getAsset(this.options.input);
        if (!asset) return;
        const extra = JSON.parse(fs.readFileSync(path.resolve(this.options.extra), 'utf8'));
        const { en, cn, errors } = localize(JSON.parse(asset.source.source().toString()), extra);
        for (const e of errors) compilation.errors.push(new webpack.WebpackError(`${NAME}: ${e}`));
        compilation.updateAsset(this.options.input, new webpack.sources.RawSource(JSON.stringify(en, null, 2)));
        compilation.emitAsset(this.options.output, new webpack.sources.RawSource(JSON.stringify(cn, null, 2)));
      });
    });
  }
}

module.exports = { LocalizeFunctionsMetadataPlugin, localize };
