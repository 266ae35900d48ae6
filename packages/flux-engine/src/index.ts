/**
 * Flux semantics on top of `@flux-portal/kustomize`: sources, Flux
 * Kustomizations and HelmReleases read from a tree, kustomize-controller's
 * generator and post-build substitution, and the monorepo model.
 *
 * @packageDocumentation
 */

export * from './flux';
export * from './model';
export * from './diff';
