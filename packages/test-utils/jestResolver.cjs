/*
 * The kubernetes-models packages publish ESM only, with an `import`-only
 * `exports` map. Jest resolves with CommonJS conditions, so for those
 * packages (and only those, jest's own ESM deps must stay untouched) this
 * resolver asks for the `import` entry; the Backstage swc transform then
 * turns the ESM files into CommonJS.
 *
 * A package using it must also give its jest config an `id` of its own:
 * Backstage derives the id from the transform alone, and jest workers keep
 * one resolver per id, so in a repository-wide run a project could otherwise
 * get another project's resolver (and "cannot find module" for these).
 */
const ESM_ONLY = /^(kubernetes-models|@kubernetes-models\/)/;

module.exports = (request, options) =>
  options.defaultResolver(
    request,
    ESM_ONLY.test(request)
      ? { ...options, conditions: ['import', 'default'] }
      : options,
  );
