// The one CEL environment rules run in: the standard library plus the string
// extensions (lowerAscii, split, replace, …). Created once; plans share it.
import { celEnv, type CelEnv } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';

export const RULE_ENVIRONMENT: CelEnv = celEnv({ funcs: strings });
