import { Body as Payload, Controller, Get, Header, HttpCode, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/permissions';
import { CheckCopyDto } from './dto/issuing.dto';
import { VerificationPages } from './verification-pages.service';
import { VerificationService } from './verification.service';

// A copy to check is at most the size of an act with its signatures; nothing is stored.
const COPY_LIMITS = { limits: { fileSize: 50 * 1024 * 1024, files: 1, fields: 2 } };

/** Public: anyone holding a copy of an act checks it against the act as issued (no account). */
@ApiTags('verification')
@Controller()
export class VerificationController {
  constructor(private readonly verification: VerificationService, private readonly pages: VerificationPages) {}

  @Get('api/verification/:code') @Public('anyone holding a copy of an act checks it (the code printed on the act)')
  @ApiOperation({ summary: 'Public: the issued act behind a verification code (who signed it and when, its status, its SHA-256)' })
  act(@Param('code') code: string) { return this.verification.publicAct(code); }

  @Post('api/verification/:code') @Public('anyone holding a copy of an act checks it (the code printed on the act)') @HttpCode(200) @ApiConsumes('multipart/form-data', 'application/json') @UseInterceptors(FileInterceptor('file', COPY_LIMITS))
  @ApiOperation({ summary: 'Public: is this PDF (multipart "file") or this SHA-256 the act as issued? { conforme }' })
  check(@Param('code') code: string, @UploadedFile() file: { buffer: Buffer } | undefined, @Payload() dto: CheckCopyDto) { return this.verification.check(code, { pdf: file?.buffer, sha256: dto.sha256 }); }

  @Get('verification/:code') @Public('anyone holding a copy of an act checks it (the code printed on the act)') @Header('Content-Type', 'text/html; charset=utf-8') @ApiExcludeEndpoint()
  page(@Param('code') code: string, @Res({ passthrough: true }) res: Response) { return this.pages.page(code, null, res); }

  @Post('verification/:code') @Public('anyone holding a copy of an act checks it (the code printed on the act)') @HttpCode(200) @Header('Content-Type', 'text/html; charset=utf-8') @ApiExcludeEndpoint() @UseInterceptors(FileInterceptor('file', COPY_LIMITS))
  submit(@Param('code') code: string, @UploadedFile() file: { buffer: Buffer } | undefined, @Payload() dto: CheckCopyDto, @Res({ passthrough: true }) res: Response) {
    return this.pages.page(code, { pdf: file?.buffer, sha256: dto.sha256 }, res);
  }
}
