/*
 * The kubernetes-models packages publish ESM only, with an `import`-only
 * `exports` map. Jest resolves with CommonJS conditions, so for those
 * packages (and only those, jest's own ESM deps must stay untouched) this
 * resolver asks for the `import` entry; the Backstage swc transform then
 * turns the ESM files into CommonJS.
 */
const ESM_ONLY = /^(kubernetes-models|@kubernetes-models\/)/;

module.exports = (request, options) =>
  options.defaultResolver(
    request,
    ESM_ONLY.test(request)
      ? { ...options, conditions: ['import', 'default'] }
      : options,
  );
