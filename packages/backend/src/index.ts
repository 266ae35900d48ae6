/*
 * The Flux Portal backend (new backend system).
 *
 * Flux Portal plugins are added here as they land: the catalog module that
 * ingests the Flux monorepo, the scaffolder actions and the Flux status backend.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Guest sign-in for local use; production config configures real providers.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Flux Portal: the example Flux monorepo (and any configured one) as entities.
backend.add(import('@flux-portal/plugin-catalog-backend-module-flux'));

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
// Flux Portal: flux:monorepo:add-app / add-infra / add-cluster actions.
backend.add(import('@flux-portal/plugin-scaffolder-backend-module-flux'));

backend.add(import('@backstage/plugin-permission-backend'));
// Flux Portal's policy: Flux status readable by everyone signed in, Flux
// actions for owners and flux.adminGroups; everything else allowed, as the
// allow-all policy it replaces did (add createFluxPermissionPolicyModule({
// otherwise }) from the same package instead to tighten that).
backend.add(import('@flux-portal/plugin-permission-backend-module-flux'));

backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

backend.add(import('@backstage/plugin-kubernetes-backend'));
// Flux Portal: live Flux status of every entity, with reconcile/suspend/resume.
backend.add(import('@flux-portal/plugin-flux-backend'));
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.start();
