/**
 * webpack loader (used by webpack.config.js for src/functions/excel-bindings.ts only): custom-functions-metadata-plugin
 * appends bare `CustomFunctions.associate("ID", fn);` lines to the functions file. Outside Excel (the playground,
 * a plain browser, tests) there is no CustomFunctions global, and a bare call would throw while the shared page loads.
 * This rewrites each appended call into a guarded one; inside Excel it behaves exactly the same.
 */
module.exports = function guardCustomFunctions(source) {
  return String(source).replace(
    /^CustomFunctions\.associate\(/gm,
    'if (typeof CustomFunctions !== "undefined") CustomFunctions.associate(',
  );
};
