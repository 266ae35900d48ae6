/**
 * metrics.k8s.io/v1beta1 PodMetrics (what metrics-server serves), which the
 * kubernetes-models packages do not include: checked by hand against
 * k8s.io/metrics' types — timestamp, window, containers with a name and
 * resource usage quantities — and strict about unknown fields.
 */
const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+|[numkMGTPE]i?|Ki|)$/;
const DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
const TOP_FIELDS = [
  'apiVersion',
  'kind',
  'metadata',
  'timestamp',
  'window',
  'containers',
];

export class PodMetrics {
  static readonly apiVersion = 'metrics.k8s.io/v1beta1';
  static readonly kind = 'PodMetrics';

  constructor(private readonly data: any) {}

  validate(): void {
    const d = this.data;
    const extra = Object.keys(d).filter(k => !TOP_FIELDS.includes(k));
    if (extra.length) throw new Error(`unknown field(s) ${extra.join(', ')}`);
    if (
      typeof d.timestamp !== 'string' ||
      Number.isNaN(Date.parse(d.timestamp))
    )
      throw new Error('timestamp must be an RFC 3339 time');
    if (typeof d.window !== 'string' || !DURATION.test(d.window))
      throw new Error('window must be a duration');
    if (!Array.isArray(d.containers))
      throw new Error('containers must be a list');
    for (const c of d.containers) {
      if (typeof c?.name !== 'string' || !c.name)
        throw new Error('a container needs a name');
      for (const [resource, quantity] of Object.entries(c.usage ?? {})) {
        if (typeof quantity !== 'string' || !QUANTITY.test(quantity))
          throw new Error(
            `container ${c.name}: usage.${resource} must be a quantity`,
          );
      }
    }
  }
}
