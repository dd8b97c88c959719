// Every answer of the hub is checked on arrival against its schema in the hub's
// OpenAPI document (an unexpected shape is an error, not a guess), with the
// validator MCP clients use for the tools' output schemas, which are the same
// JSON Schemas. Objects stay open: fields the hub adds later pass through.
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { JsonSchemaType, JsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';
import { hubJsonSchema, type HubSchemaName } from '@state-hub/hub-client';
import { HubError } from './hub-error';

export class HubAnswerCheck {
  private readonly ajv = new AjvJsonSchemaValidator();
  private readonly validators = new Map<HubSchemaName, JsonSchemaValidator<unknown>>();

  /** `data` when it matches the component schema `name`; a bad_answer HubError naming what is wrong otherwise. */
  check<T>(name: HubSchemaName, data: T): T {
    const result = this.validator(name)(data);
    if (!result.valid) {
      throw new HubError('bad_answer', `the hub's answer (${name}) has an unexpected shape: ${result.errorMessage}`);
    }
    return data;
  }

  private validator(name: HubSchemaName): JsonSchemaValidator<unknown> {
    let validator = this.validators.get(name);
    if (!validator) {
      validator = this.ajv.getValidator(hubJsonSchema(name) as JsonSchemaType);
      this.validators.set(name, validator);
    }
    return validator;
  }
}
