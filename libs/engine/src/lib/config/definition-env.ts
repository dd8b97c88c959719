/** Injection token: the variables `${VAR}` in definition files is substituted from. */
export const DEFINITION_ENV = Symbol('DEFINITION_ENV');
