import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsString, IsUUID, Length, MaxLength, Min } from 'class-validator';
import { MAX_DEBATES_LENGTH } from '../../domain/minutes';

class Versioned {
  @ApiProperty({ description: 'The version of the procès-verbal you read (GET .../minutes): a concurrent change is refused, not overwritten' })
  @IsInt() @Min(1)
  version: number;
}

export class WriteDebatesDto extends Versioned {
  @ApiProperty({ description: 'Substance of the debates on this item (L2121-15), Markdown; empty to clear', maxLength: MAX_DEBATES_LENGTH })
  @IsString() @MaxLength(MAX_DEBATES_LENGTH)
  textMd: string;
}

export class AdoptMinutesDto extends Versioned {
  @ApiProperty({ description: 'The later session of the same body, open, where the procès-verbal is adopted' })
  @IsUUID()
  adoptedAtSessionId: string;
}

export class PublishMinutesDto extends Versioned {
  @ApiProperty({ example: '2019-10-18', description: 'Publication date (L2121-15: within the week after adoption)' })
  @IsISO8601({ strict: true }) @Length(10, 10)
  publishedOn: string;
}
