import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PageOf } from '../common/pagination/page';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { SlugParam } from '../common/http/params';
import { CreateDomainDto, DomainView } from './dto/domain.dto';
import { DomainsService } from './domains.service';

@ApiTags('domains')
@Controller('domains')
export class DomainsController {
  constructor(private readonly domains: DomainsService) {}

  @Post()
  @ApiCreatedResponse({ type: DomainView })
  create(@Body() dto: CreateDomainDto) {
    return this.domains.create(dto);
  }

  @Get()
  @ApiOkResponse({ type: PageOf(DomainView) })
  list(@Query() query: PageQueryDto) {
    return this.domains.list(query);
  }

  @Get(':slug')
  @ApiOkResponse({ type: DomainView })
  get(@SlugParam() slug: string) {
    return this.domains.get(slug);
  }
}
