/**
 * Kubernetes object names (apimachinery's validation): most kinds take a
 * DNS-1123 subdomain; namespaces, Services and anything that becomes a folder
 * or a DNS label take a DNS-1123 label.
 */

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const DNS_1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** A DNS-1123 label: lowercase letters, digits and '-', at most 63 characters. @public */
export function isDnsLabel(name: string): boolean {
  return name.length <= 63 && DNS_1123_LABEL.test(name);
}

/** A DNS-1123 subdomain: labels joined by '.', at most 253 characters. @public */
export function isDnsSubdomain(name: string): boolean {
  return name.length <= 253 && DNS_1123_SUBDOMAIN.test(name);
}
