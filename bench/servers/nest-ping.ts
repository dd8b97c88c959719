// Baseline "trivial Nest route": one controller, GET /ping -> {ok:true}, on the Fastify platform the API runs on,
// no logging per request.
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';

@Controller()
class PingController {
  @Get('ping')
  ping(): { ok: boolean } {
    return { ok: true };
  }
}

@Module({ controllers: [PingController] })
class PingModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(PingModule, new FastifyAdapter(), {
    logger: ['error', 'warn'],
  });
  await app.listen(Number(process.env.PORT), '127.0.0.1');
  console.log(`nest-ping listening on ${process.env.PORT}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
