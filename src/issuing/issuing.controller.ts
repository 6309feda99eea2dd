import { Body as Payload, Controller, Delete, Get, HttpCode, Post, Put, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Permission } from '../auth/permissions';
import { UuidParam } from '../common/uuid-param';
import { loadConfig } from '../config/app-config';
import { AnnexesService, type UploadedPdf } from './annexes.service';
import { AnnexDto, RectifyDto, SignDto } from './dto/issuing.dto';
import { IssuedActsService } from './issued-acts.service';
import { IssuingService } from './issuing.service';
import { RectificationsService } from './rectifications.service';
import { SealedChainService } from './sealed-chain.service';

const ANNEX_LIMITS = { limits: { fileSize: loadConfig().ANNEX_MAX_BYTES, files: 1, fields: 5 } };

@ApiTags('issuing')
@Controller('api/collectivities/:cid')
export class IssuingController {
  constructor(
    private readonly issuing: IssuingService,
    private readonly acts: IssuedActsService,
    private readonly annexes: AnnexesService,
    private readonly chains: SealedChainService,
    private readonly rectifications: RectificationsService,
  ) {}

  @Get('items/:iid/act') @Permission('draft.read')
  @ApiOperation({ summary: 'Signing and enforceability of an act: who must sign, who signed, the issued PDF, its status (adopted … exécutoire)' })
  act(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string) { return this.issuing.state(cid, iid); }

  @Post('items/:iid/signatures') @HttpCode(200) @Permission('act.sign')
  @ApiOperation({ summary: 'Sign an act (from 1 July 2022: the member presiding it and each secrétaire de séance, L2121-23), password entered again; the last signature issues it' })
  sign(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string, @Payload() dto: SignDto) { return this.issuing.sign(cid, iid, dto.password); }

  @Post('items/:iid/issue') @HttpCode(200) @Permission('act.facts')
  @ApiOperation({ summary: 'Issue and seal an act of before 1 July 2022, signed on the paper register by the members present' })
  issue(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string) { return this.issuing.issueFromPaperRegister(cid, iid); }

  @Get('items/:iid/issued.pdf') @ApiProduces('application/pdf') @Permission('draft.read')
  @ApiOperation({ summary: 'The issued act: the PDF/A stored when it was issued, byte for byte' })
  issued(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string) { return this.acts.pdfFile(cid, iid); }

  @Post('items/:iid/annexes') @Permission('session.record') @ApiConsumes('multipart/form-data') @UseInterceptors(FileInterceptor('file', ANNEX_LIMITS))
  @ApiOperation({ summary: 'Annex a PDF to a deliberation (multipart field "file", optional "title"), until the act is issued' })
  addAnnex(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string, @UploadedFile() file: UploadedPdf | undefined, @Payload() dto: AnnexDto) { return this.annexes.add(cid, iid, file, dto.title); }

  @Get('items/:iid/annexes') @Permission('draft.read')
  annexList(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string) { return this.annexes.list(cid, iid); }

  @Get('items/:iid/annexes/:aid') @ApiProduces('application/pdf') @Permission('draft.read')
  annexFile(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string, @UuidParam('aid') aid: string) { return this.annexes.file(cid, iid, aid); }

  @Delete('items/:iid/annexes/:aid') @HttpCode(204) @Permission('session.record')
  removeAnnex(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string, @UuidParam('aid') aid: string) { return this.annexes.remove(cid, iid, aid); }

  @Put('items/:iid/rectification') @Permission('session.prepare')
  @ApiOperation({ summary: 'This draft item rectifies an issued act of its body (an erreur matérielle, or withdrawn and replaced): its extract and sealed record say so; the original stays as it was' })
  rectify(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string, @Payload() dto: RectifyDto) { return this.rectifications.record(cid, iid, dto); }

  @Delete('items/:iid/rectification') @HttpCode(204) @Permission('session.prepare')
  @ApiOperation({ summary: 'This draft item no longer rectifies an act' })
  unrectify(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string) { return this.rectifications.remove(cid, iid); }

  @Get('sealed-chain/verification') @Permission('register.read')
  @ApiOperation({ summary: "Recompute the collectivity's sealed chain: every link, every record, every issued PDF's digest; names each act that does not match" })
  verify(@UuidParam('cid') cid: string) { return this.chains.verifyChains(cid); }
}
