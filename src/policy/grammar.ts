/**
 * The IAM policy grammar, as IAM enforces it when a document is uploaded: elements, their types,
 * Effect, Action/Resource/Principal rules per policy kind, condition operators and Sids.
 */
import { closest } from './action-table.js';
import { findingAt, type Draft, type PolicyUnderCheck } from './finding.js';
import { isObject, statements } from './statements.js';

const TOP_KEYS = ['Version', 'Id', 'Statement'];
const STATEMENT_KEYS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
const PRINCIPAL_KEYS = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

const OPERATORS = [
  'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
  'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
  'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
  'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike',
];
const OPERATOR_SET = new Set(OPERATORS.map((o) => o.toLowerCase()));

/** Condition operators are matched case-insensitively (as IAM does); Null takes no IfExists. */
export function isConditionOperator(op: string): boolean {
  let rest = op.toLowerCase();
  if (rest.startsWith('forallvalues:')) rest = rest.slice('forallvalues:'.length);
  else if (rest.startsWith('foranyvalue:')) rest = rest.slice('foranyvalue:'.length);
  if (rest === 'null') return true;
  if (rest.endsWith('ifexists')) rest = rest.slice(0, -'ifexists'.length);
  return OPERATOR_SET.has(rest);
}

function isStringOrStrings(v: unknown): boolean {
  return typeof v === 'string' || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'));
}

function unknownKey(doc: PolicyUnderCheck, path: (string | number)[], key: string, known: string[], where: string): Draft {
  const near = closest(key, known)[0];
  return findingAt(doc, 'policy/unknown-key', [...path, key], `"${key}" is not a valid ${where} element${near ? `; did you mean "${near}"?` : ''}`, {
    key: true,
    fix: near ? `Rename "${key}" to "${near}" (element names are case-sensitive).` : `Remove "${key}"; valid elements are ${known.join(', ')}.`,
  });
}

export function checkGrammar(doc: PolicyUnderCheck): Draft[] {
  const out: Draft[] = [];
  const d = doc.policy.document;
  if (!isObject(d)) {
    out.push(findingAt(doc, 'policy/document-shape', [], 'the policy document is not a JSON object', { fix: 'Write {"Version": "2012-10-17", "Statement": [...]}.' }));
    return out;
  }
  for (const key of Object.keys(d)) if (!TOP_KEYS.includes(key)) out.push(unknownKey(doc, [], key, TOP_KEYS, 'top-level policy'));

  const version = d['Version'];
  if (version === '2008-10-17') {
    out.push(findingAt(doc, 'policy/old-version', ['Version'], 'Version "2008-10-17" is the old policy language, without policy variables', { fix: 'Set "Version": "2012-10-17".' }));
  } else if (version !== '2012-10-17') {
    out.push(
      findingAt(doc, 'policy/version', version === undefined ? [] : ['Version'], version === undefined ? 'the policy has no "Version"' : `Version ${JSON.stringify(version)} is not a policy language version`, {
        fix: 'Set "Version": "2012-10-17".',
      }),
    );
  }

  const st = d['Statement'];
  if (!isObject(st) && !(Array.isArray(st) && st.length > 0 && st.every(isObject))) {
    out.push(
      findingAt(doc, 'policy/document-shape', st === undefined ? [] : ['Statement'], st === undefined ? 'the policy has no "Statement"' : '"Statement" must be a statement object or a non-empty array of statement objects', {
        fix: 'Write "Statement": [{"Effect": "Allow", "Action": [...], "Resource": "*"}].',
      }),
    );
  }

  const sids = new Map<string, number>();
  for (const s of statements(d)) {
    const raw = s.raw;
    for (const key of Object.keys(raw)) if (!STATEMENT_KEYS.includes(key)) out.push(unknownKey(doc, [...s.path], key, STATEMENT_KEYS, 'statement'));

    if (s.effect === undefined) {
      const e = raw['Effect'];
      out.push(
        findingAt(doc, 'policy/effect', e === undefined ? s.path : [...s.path, 'Effect'], e === undefined ? 'the statement has no "Effect"' : `Effect ${JSON.stringify(e)} must be "Allow" or "Deny"`, {
          fix: 'Set "Effect": "Allow" or "Effect": "Deny" (case-sensitive).',
        }),
      );
    }

    for (const el of ['Action', 'NotAction', 'Resource', 'NotResource']) {
      if (raw[el] !== undefined && !isStringOrStrings(raw[el])) {
        out.push(findingAt(doc, 'policy/invalid-value', [...s.path, el], `${el} must be a string or a non-empty array of strings`, { fix: `Write "${el}": ["..."].` }));
      }
    }
    const hasA = raw['Action'] !== undefined;
    const hasNA = raw['NotAction'] !== undefined;
    if (hasA === hasNA) {
      out.push(
        findingAt(doc, 'policy/action-element', hasA ? [...s.path, 'NotAction'] : s.path, hasA ? 'the statement has both "Action" and "NotAction"' : 'the statement has neither "Action" nor "NotAction"', {
          key: hasA,
          fix: hasA ? 'Keep one of them (prefer "Action").' : 'Add "Action": [...] listing what the statement allows or denies.',
        }),
      );
    }

    const hasR = raw['Resource'] !== undefined;
    const hasNR = raw['NotResource'] !== undefined;
    if (doc.kind === 'trust') {
      if (hasR || hasNR) {
        const el = hasR ? 'Resource' : 'NotResource';
        out.push(findingAt(doc, 'policy/resource-element', [...s.path, el], `a trust policy statement must not have "${el}" (the role itself is the resource)`, { key: true, fix: `Remove "${el}".` }));
      }
    } else if (hasR === hasNR) {
      out.push(
        findingAt(doc, 'policy/resource-element', hasR ? [...s.path, 'NotResource'] : s.path, hasR ? 'the statement has both "Resource" and "NotResource"' : 'the statement has neither "Resource" nor "NotResource"', {
          key: hasR,
          fix: hasR ? 'Keep one of them (prefer "Resource").' : 'Add "Resource": "*" or the ARNs the statement applies to.',
        }),
      );
    }

    const hasP = raw['Principal'] !== undefined;
    const hasNP = raw['NotPrincipal'] !== undefined;
    if (doc.kind === 'identity') {
      for (const el of ['Principal', 'NotPrincipal']) {
        if (raw[el] !== undefined) {
          out.push(
            findingAt(doc, 'policy/principal-not-allowed', [...s.path, el], `"${el}" is not allowed in an identity policy (it applies to the user or role it is attached to)`, {
              key: true,
              fix: `Remove "${el}"; to let another account in, declare a role with trust instead.`,
            }),
          );
        }
      }
    } else {
      if (!hasP && !hasNP) {
        out.push(findingAt(doc, 'policy/principal-missing', s.path, `a ${doc.kind} policy statement needs a "Principal"`, { fix: 'Add "Principal": {"AWS": "arn:aws:iam::<account>:root"} naming who the statement applies to.' }));
      }
      for (const el of ['Principal', 'NotPrincipal']) {
        const p = raw[el];
        if (p === undefined || p === '*') continue;
        if (!isObject(p)) {
          out.push(findingAt(doc, 'policy/invalid-principal', [...s.path, el], `${el} must be "*" or an object such as {"AWS": "..."}`, { fix: 'Write {"AWS": "arn:aws:iam::<account>:root"}.' }));
          continue;
        }
        for (const [k, v] of Object.entries(p)) {
          if (!PRINCIPAL_KEYS.includes(k)) {
            out.push(findingAt(doc, 'policy/invalid-principal', [...s.path, el, k], `"${k}" is not a principal type`, { key: true, fix: `Use one of ${PRINCIPAL_KEYS.join(', ')}.` }));
          } else if (!isStringOrStrings(v)) {
            out.push(findingAt(doc, 'policy/invalid-principal', [...s.path, el, k], `${el}.${k} must be a string or a non-empty array of strings`));
          }
        }
      }
    }

    const cond = raw['Condition'];
    if (cond !== undefined) {
      if (!isObject(cond)) {
        out.push(findingAt(doc, 'policy/invalid-value', [...s.path, 'Condition'], 'Condition must be an object of operators, e.g. {"StringEquals": {"sts:ExternalId": "..."}}'));
      } else {
        for (const [op, block] of Object.entries(cond)) {
          if (!isConditionOperator(op)) {
            const near = closest(op, OPERATORS)[0];
            out.push(
              findingAt(doc, 'policy/condition-operator', [...s.path, 'Condition', op], `"${op}" is not a condition operator${near ? `; did you mean "${near}"?` : ''}`, {
                key: true,
                fix: near ? `Rename it to "${near}".` : 'Use an operator such as StringEquals, StringLike, ArnLike, Bool, IpAddress, DateGreaterThan or Null.',
              }),
            );
          } else if (!isObject(block)) {
            out.push(findingAt(doc, 'policy/invalid-value', [...s.path, 'Condition', op], `the "${op}" condition must be an object of condition keys to values`));
          }
        }
      }
    }

    const sid = raw['Sid'];
    if (sid !== undefined) {
      if (typeof sid !== 'string') {
        out.push(findingAt(doc, 'policy/invalid-value', [...s.path, 'Sid'], 'Sid must be a string'));
      } else {
        if (doc.kind !== 'bucket' && !/^[A-Za-z0-9]*$/.test(sid)) {
          out.push(findingAt(doc, 'policy/invalid-sid', [...s.path, 'Sid'], `Sid ${JSON.stringify(sid)} may contain only letters and digits`, { fix: `Use ${JSON.stringify(sid.replace(/[^A-Za-z0-9]/g, '') || 'Stmt1')}.` }));
        }
        const first = sids.get(sid);
        if (first !== undefined) {
          out.push(findingAt(doc, 'policy/duplicate-sid', [...s.path, 'Sid'], `Sid ${JSON.stringify(sid)} is already used by statement ${first + 1}`, { fix: 'Give each statement a unique Sid, or remove it.' }));
        } else {
          sids.set(sid, typeof s.path[1] === 'number' ? s.path[1] : 0);
        }
      }
    }
  }
  return out;
}
