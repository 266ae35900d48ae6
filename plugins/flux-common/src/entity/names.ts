/**
 * What a valid name looks like inside an annotation value. Kubernetes names
 * and namespaces: DNS-1123 subdomain characters; kinds are identifiers.
 * Anything else in an annotation is treated as malformed.
 */
export { DNS_1123_SUBDOMAIN as NAME } from '../kube/names';
export const KIND = /^[A-Za-z][A-Za-z0-9]*$/;
