import { CoreRegister1763900000000 } from './1763900000000-CoreRegister';
import { DocumentTemplates1763900100000 } from './1763900100000-DocumentTemplates';
import { SealVoteInserts1763900200000 } from './1763900200000-SealVoteInserts';
import { SealVotedSessionFacts1763900300000 } from './1763900300000-SealVotedSessionFacts';
import { Minutes1763900500000 } from './1763900500000-Minutes';
import { VoteRequests1763900700000 } from './1763900700000-VoteRequests';
import { SecondConvocationLink1763900800000 } from './1763900800000-SecondConvocationLink';
import { SealAdoptingSession1763900900000 } from './1763900900000-SealAdoptingSession';
import { CarriedOverItems1763901000000 } from './1763901000000-CarriedOverItems';
import { TenantIsolation1764000000000 } from './1764000000000-TenantIsolation';
import { ExecutoireFacts1764000100000 } from './1764000100000-ExecutoireFacts';
import { WordingSettings1764002000000 } from './1764002000000-WordingSettings';
import { CollectivityTimeZone1764003000000 } from './1764003000000-CollectivityTimeZone';
import { PublishedItemNumbers1764003100000 } from './1764003100000-PublishedItemNumbers';
import { IssuedActs1764006000000 } from './1764006000000-IssuedActs';
import { SessionNotify1764007000000 } from './1764007000000-SessionNotify';
import { Accounts1764001000000 } from './1764001000000-Accounts';
import { ProjectorLinks1764007100000 } from './1764007100000-ProjectorLinks';
import { ConvocationNotice1764007200000 } from './1764007200000-ConvocationNotice';
import { RecordClock1764008000000 } from './1764008000000-RecordClock';
import { AnnounceAfterCommit1764008100000 } from './1764008100000-AnnounceAfterCommit';
import { ActRectifications1764011000000 } from './1764011000000-ActRectifications';
import { RectificationClock1764012000000 } from './1764012000000-RectificationClock';
import { AuthChanges1764013000000 } from './1764013000000-AuthChanges';

/** Every migration, in order: listed explicitly so the app, the CLI and the tests run the same set. */
export const MIGRATIONS = [
  CoreRegister1763900000000,
  DocumentTemplates1763900100000,
  SealVoteInserts1763900200000,
  SealVotedSessionFacts1763900300000,
  Minutes1763900500000,
  VoteRequests1763900700000,
  SecondConvocationLink1763900800000,
  SealAdoptingSession1763900900000,
  CarriedOverItems1763901000000,
  TenantIsolation1764000000000,
  ExecutoireFacts1764000100000,
  Accounts1764001000000,
  WordingSettings1764002000000,
  CollectivityTimeZone1764003000000,
  PublishedItemNumbers1764003100000,
  IssuedActs1764006000000,
  SessionNotify1764007000000,
  ProjectorLinks1764007100000,
  ConvocationNotice1764007200000,
  RecordClock1764008000000,
  AnnounceAfterCommit1764008100000,
  ActRectifications1764011000000,
  RectificationClock1764012000000,
  AuthChanges1764013000000,
];
