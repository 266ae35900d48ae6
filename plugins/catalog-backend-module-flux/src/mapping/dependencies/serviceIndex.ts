/**
 * Resolves in-cluster DNS names to the units that serve them: a Service object
 * rendered from the unit, else a Helm release of the unit in that namespace
 * whose name the Service's starts with (charts name their Services
 * `<release>` or `<release>-<suffix>`: `redis-master`), else the namespace
 * the unit owns alone (Helm charts' Services are not rendered, but each
 * component installs into its namespace).
 *
 * Accepted forms: `svc.ns.svc.cluster.local`, `svc.ns.svc`, `svc.ns` (only when
 * `ns` is a known namespace), `pod.svc.ns.svc…` (headless), and `svc` alone
 * within the caller's own namespace.
 */
import type { Unit } from '../units/types';

export interface ServiceIndex {
  resolve(host: string, fromNamespace: string | undefined): Unit | undefined;
}

function installNamespaces(unit: Unit): Set<string> {
  const out = new Set<string>();
  for (const o of unit.objects) {
    if (o.object.kind === 'Namespace' && o.object.metadata?.name)
      out.add(o.object.metadata.name);
    else if (o.object.metadata?.namespace && o.object.kind !== 'HelmRelease')
      out.add(o.object.metadata.namespace);
  }
  for (const hr of unit.helmReleases)
    out.add(hr.targetNamespace ?? hr.namespace);
  return out;
}

export function buildServiceIndex(units: Unit[]): ServiceIndex {
  const services = new Map<string, Unit>();
  const byNamespace = new Map<string, Set<Unit>>();
  // Helm releases by namespace: a chart names its Services `<release>` or `<release>-<suffix>`
  const releases = new Map<string, Array<{ release: string; unit: Unit }>>();
  for (const unit of units) {
    for (const hr of unit.helmReleases) {
      const ns = hr.targetNamespace ?? hr.namespace;
      const list = releases.get(ns) ?? [];
      releases.set(ns, list);
      list.push({ release: hr.name, unit });
    }
    const ns = installNamespaces(unit);
    for (const n of ns) {
      if (!byNamespace.has(n)) byNamespace.set(n, new Set());
      byNamespace.get(n)!.add(unit);
    }
    for (const o of unit.objects) {
      if (o.object.kind === 'Service' && o.object.apiVersion === 'v1') {
        services.set(
          `${o.object.metadata?.namespace ?? 'default'}/${
            o.object.metadata?.name
          }`,
          unit,
        );
      }
    }
  }

  const lookup = (svc: string, ns: string): Unit | undefined => {
    const direct = services.get(`${ns}/${svc}`);
    if (direct) return direct;
    const release = (releases.get(ns) ?? [])
      .filter(r => svc === r.release || svc.startsWith(`${r.release}-`))
      .sort((a, b) => b.release.length - a.release.length)[0];
    if (release) return release.unit;
    const owners = byNamespace.get(ns);
    return owners?.size === 1 ? [...owners][0] : undefined;
  };

  return {
    resolve(host, fromNamespace) {
      const labels = host.toLowerCase().replace(/\.$/, '').split('.');
      const svcAt = labels.indexOf('svc');
      if (svcAt >= 2) {
        const rest = labels.slice(svcAt + 1).join('.');
        if (rest !== '' && rest !== 'cluster.local') return undefined;
        return lookup(labels[svcAt - 2], labels[svcAt - 1]);
      }
      if (svcAt !== -1) return undefined;
      if (labels.length === 2) {
        // `svc.ns` only when ns is a namespace we know: `bim.processed` is a topic, not a host.
        return byNamespace.has(labels[1])
          ? lookup(labels[0], labels[1])
          : undefined;
      }
      if (labels.length === 1 && fromNamespace) {
        return services.get(`${fromNamespace}/${labels[0]}`);
      }
      return undefined;
    },
  };
}
