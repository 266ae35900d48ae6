/**
 * Kubernetes' recommended labels (app.kubernetes.io/*): what manifests use to
 * name an application, the larger application it is part of and its role.
 * The catalog mapping reads them, the scaffolder writes them.
 */

/** The name of the application. @public */
export const APP_NAME_LABEL = 'app.kubernetes.io/name';
/** A unique name identifying the instance of an application. @public */
export const APP_INSTANCE_LABEL = 'app.kubernetes.io/instance';
/** The higher-level application this one is part of (the portal's System). @public */
export const APP_PART_OF_LABEL = 'app.kubernetes.io/part-of';
/** The component within the architecture (`backend`, `database`, ...). @public */
export const APP_COMPONENT_LABEL = 'app.kubernetes.io/component';
/** The tool managing the object (`Helm`, ...). @public */
export const APP_MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
