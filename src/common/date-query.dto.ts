import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** `?date=YYYY-MM-DD`: the day a list is read at (members in office, rules in force); default today. */
export class DateQuery {
  @ApiPropertyOptional({ example: '2019-09-30' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  date?: string;
}
