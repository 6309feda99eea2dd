import { Module } from '@nestjs/common';
import { loadConfig } from '../config/app-config';
import { RenderPool } from './render-pool';

/** One render pool per app, sized and budgeted by the configuration; closed with the app. */
@Module({
  providers: [
    {
      provide: RenderPool,
      useFactory: () => {
        const config = loadConfig();
        return new RenderPool({ templateDir: config.TEMPLATES_DIR, limits: config.renderLimits, threads: config.RENDER_THREADS });
      },
    },
  ],
  exports: [RenderPool],
})
export class RenderingModule {}
