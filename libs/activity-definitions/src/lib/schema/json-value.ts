// One shared instance, so the JSON Schema defines "any JSON value" once.
import { z } from 'zod';

export const JsonValueSchema = z.json();
