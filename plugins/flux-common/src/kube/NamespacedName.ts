/** A reference to a namespaced object by namespace and name. @public */
export interface NamespacedName {
  namespace: string;
  name: string;
}
