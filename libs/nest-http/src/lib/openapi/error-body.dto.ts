// The one error body of every HTTP side, as an OpenAPI schema. It implements
// ErrorBody, the shape HttpErrorFilter sends, so the two cannot drift apart.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorBody } from '../http-error.filter';

export class ErrorDetailDto {
  @ApiProperty({
    description: 'the field: dotted for nested ones (`detail.x`), indexed for array items (`tasks[0].title`)',
    example: 'slug',
  })
  field: string;

  @ApiProperty({ example: 'slug must be a lowercase slug such as "state-hub" (a-z, 0-9, single - _ .)' })
  message: string;
}

export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ type: 'integer', description: 'the HTTP status of the answer', example: 400 })
  status_code: number;

  @ApiProperty({
    description:
      'stable code for programs: bad_request, malformed_json, unauthorized, not_found, conflict, ' +
      'invalid_transition, payload_too_large, unsupported_media_type, unprocessable, database_unavailable, …',
    example: 'bad_request',
  })
  error: string;

  @ApiProperty({
    description: 'for people: names the field or the reason (every bad field, for a validation error)',
    example: 'slug must be a lowercase slug such as "state-hub" (a-z, 0-9, single - _ .)',
  })
  message: string;

  @ApiPropertyOptional({ description: 'the (first) request field the error is about', example: 'slug' })
  field?: string;

  @ApiPropertyOptional({ type: [ErrorDetailDto], description: 'one entry per problem (validation errors)' })
  details?: ErrorDetailDto[];

  @ApiProperty({
    description: "the request's id, also in the X-Request-Id header and in the server's log lines",
    example: '8f14e45f-ceea-467f-a0e6-4ec9d5e7c6a1',
  })
  request_id: string;
}
