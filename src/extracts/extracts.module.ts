import { Module } from '@nestjs/common';
import { loadConfig } from '../config/app-config';
import { TemplateEngine } from '../documents/template-engine';
import { IssuedActsService } from '../issuing/issued-acts.service';
import { RenderingModule } from '../rendering/rendering.module';
import { ConvocationController } from './convocation.controller';
import { ConvocationService } from './convocation.service';
import { ExtractsController } from './extracts.controller';
import { ExtractsService } from './extracts.service';
import { TemplatesService } from './templates.service';

@Module({
  imports: [RenderingModule],
  controllers: [ExtractsController, ConvocationController],
  providers: [
    // One engine per app: default templates compiled once, from the folder the config names.
    { provide: TemplateEngine, useFactory: () => new TemplateEngine({ templateDir: loadConfig().TEMPLATES_DIR }) },
    ExtractsService,
    TemplatesService,
    IssuedActsService,
    ConvocationService,
  ],
  exports: [ExtractsService, TemplatesService, TemplateEngine, IssuedActsService],
})
export class ExtractsModule {}
