import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@state-hub/nest-http';
import { PageOf } from '../common/pagination/page';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { SlugParam } from '../common/http/params';
import { CreateDomainDto, DomainView } from './dto/domain.dto';
import { DomainsService } from './domains.service';

@ApiTags('domains')
@ApiErrors(503)
@Controller('domains')
export class DomainsController {
  constructor(private readonly domains: DomainsService) {}

  @Post()
  @ApiOperation({ operationId: 'createDomain', summary: 'Create a domain' })
  @ApiCreatedResponse({ type: DomainView, description: 'the domain is created' })
  @ApiErrors([409, 'a domain with this slug exists'])
  create(@Body() dto: CreateDomainDto) {
    return this.domains.create(dto);
  }

  @Get()
  @ApiOperation({ operationId: 'listDomains', summary: 'List domains, ordered by slug' })
  @ApiOkResponse({ type: PageOf(DomainView) })
  @ApiErrors(400)
  list(@Query() query: PageQueryDto) {
    return this.domains.list(query);
  }

  @Get(':slug')
  @ApiOperation({ operationId: 'getDomain', summary: 'Get a domain by slug' })
  @ApiOkResponse({ type: DomainView })
  @ApiErrors(400, [404, 'no domain has this slug'])
  get(@SlugParam() slug: string) {
    return this.domains.get(slug);
  }
}
