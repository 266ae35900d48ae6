/**
 * Post-build variable substitution as kustomize-controller does it (the
 * fluxcd/pkg/envsubst fork of drone/envsubst): only the braced `${var}` form
 * is expanded, `$$` is an escape for a literal `$` (so `$${var}` stays
 * `${var}`), `${var:=default}`, `${var:-default}`, `${var=default}` and
 * `${var-default}` supply defaults, and an unset variable without a default
 * becomes the empty string (Flux's non-strict mode). The bash string
 * functions (`${var^^}`, `${var/a/b}`, ...) are rare in repositories and are
 * left untouched and reported, rather than guessed.
 */

/** @public */
export interface EnvsubstResult {
  output: string;
  /** variables used without a value and without a default */
  missing: string[];
  /** expressions left as they were because they use unsupported functions */
  unsupported: string[];
  /** malformed expressions, e.g. `${}` or an unclosed `${` */
  invalid: string[];
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/** Index of the `}` closing the `${` whose body starts at `start`, or -1. */
function findClose(text: string, start: number): number {
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** @public */
export function envsubst(
  text: string,
  lookup: (name: string) => string | undefined,
): EnvsubstResult {
  const result: EnvsubstResult = {
    output: '',
    missing: [],
    unsupported: [],
    invalid: [],
  };
  result.output = expand(text, lookup, result);
  return result;
}

function expand(
  text: string,
  lookup: (name: string) => string | undefined,
  result: EnvsubstResult,
): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, dollar);
    const next = text[dollar + 1];
    if (next === '$') {
      // escape: one literal '$', and whatever follows is plain text
      out += '$';
      i = dollar + 2;
      continue;
    }
    if (next !== '{') {
      out += '$';
      i = dollar + 1;
      continue;
    }
    const close = findClose(text, dollar + 2);
    if (close < 0) {
      result.invalid.push(text.slice(dollar, dollar + 40));
      out += text.slice(dollar);
      break;
    }
    const body = text.slice(dollar + 2, close);
    const raw = text.slice(dollar, close + 1);
    out += evaluate(body, raw, lookup, result);
    i = close + 1;
  }
  return out;
}

function evaluate(
  body: string,
  raw: string,
  lookup: (name: string) => string | undefined,
  result: EnvsubstResult,
): string {
  if (!NAME_START.test(body[0] ?? '')) {
    result.invalid.push(raw);
    return raw;
  }
  let end = 1;
  while (end < body.length && NAME_CHAR.test(body[end])) end++;
  const name = body.slice(0, end);
  const rest = body.slice(end);
  const value = lookup(name);
  if (rest === '') {
    if (value === undefined) result.missing.push(name);
    return value ?? '';
  }
  const op = /^(:=|:-|=|-)/.exec(rest);
  if (!op) {
    result.unsupported.push(raw);
    return raw;
  }
  const useDefault = op[1].startsWith(':')
    ? value === undefined || value === ''
    : value === undefined;
  if (!useDefault) return value!;
  return expand(rest.slice(op[1].length), lookup, result);
}

/** Variable names Flux accepts in postBuild.substitute and substituteFrom. @public */
export const VARIABLE_NAME = /^[_a-zA-Z][_a-zA-Z0-9]*$/;
