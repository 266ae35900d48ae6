/**
 * Kubernetes' `metav1.LabelSelector` (matchLabels and matchExpressions with
 * In, NotIn, Exists, DoesNotExist) against an object's labels, as an
 * ImageUpdateAutomation's `spec.policySelector` picks ImagePolicies. An
 * absent selector selects everything; an empty one too, as in Kubernetes.
 * An expression with an unknown operator selects nothing.
 */

/** @public */
export interface LabelSelectorSpec {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: Array<{
    key?: string;
    operator?: string;
    values?: string[] | null;
  }> | null;
}

/** @public */
export function labelSelectorMatches(
  selector: LabelSelectorSpec | null | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (!selector) return true;
  const have = labels ?? {};
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (have[key] !== value) return false;
  }
  for (const expr of selector.matchExpressions ?? []) {
    const key = expr?.key ?? '';
    const values = expr?.values ?? [];
    const present = Object.prototype.hasOwnProperty.call(have, key);
    switch (expr?.operator) {
      case 'In':
        if (!present || !values.includes(have[key])) return false;
        break;
      case 'NotIn':
        if (present && values.includes(have[key])) return false;
        break;
      case 'Exists':
        if (!present) return false;
        break;
      case 'DoesNotExist':
        if (present) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
