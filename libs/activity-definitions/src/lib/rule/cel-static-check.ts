// Load-time checks the CEL parser does not make: references to variables that
// will never be bound, and calls to functions that do not exist. Both would
// otherwise only show up as a failed run, long after the file was saved.
import type { CelEnv, parse } from '@bufbuild/cel';

type ExprNode = ReturnType<typeof parse>['expr'];

export interface StaticFindings {
  freeVariables: Set<string>;
  unknownFunctions: Set<string>;
}

// Operators (`_+_`, `@in`, `_[_]`) are planned specially; only named calls are checked.
const NAMED_FUNCTION = /^[A-Za-z][A-Za-z0-9_.]*$/;

export function staticFindings(root: ExprNode, env: CelEnv): StaticFindings {
  const findings: StaticFindings = { freeVariables: new Set(), unknownFunctions: new Set() };
  visit(root, new Set(), env, findings);
  return findings;
}

function visit(node: ExprNode | undefined, scope: ReadonlySet<string>, env: CelEnv, out: StaticFindings): void {
  if (!node) return;
  const kind = node.exprKind;
  switch (kind.case) {
    case 'identExpr':
      if (!scope.has(kind.value.name)) out.freeVariables.add(kind.value.name);
      return;
    case 'selectExpr':
      return visit(kind.value.operand, scope, env, out);
    case 'callExpr':
      if (NAMED_FUNCTION.test(kind.value.function) && !env.funcs.find(kind.value.function)) {
        out.unknownFunctions.add(kind.value.function);
      }
      visit(kind.value.target, scope, env, out);
      return kind.value.args.forEach((arg) => visit(arg, scope, env, out));
    case 'listExpr':
      return kind.value.elements.forEach((element) => visit(element, scope, env, out));
    case 'structExpr':
      return kind.value.entries.forEach((entry) => {
        if (entry.keyKind.case === 'mapKey') visit(entry.keyKind.value, scope, env, out);
        visit(entry.value, scope, env, out);
      });
    case 'comprehensionExpr': {
      const c = kind.value;
      visit(c.iterRange, scope, env, out);
      visit(c.accuInit, scope, env, out);
      const inner = new Set([...scope, c.iterVar, c.iterVar2, c.accuVar].filter(Boolean));
      for (const part of [c.loopCondition, c.loopStep]) visit(part, inner, env, out);
      return visit(c.result, new Set([...scope, c.accuVar]), env, out);
    }
    default:
      return;
  }
}
