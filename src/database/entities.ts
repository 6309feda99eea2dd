import { AuditEntry } from '../audit/audit-entry.entity';
import { AUTH_ENTITIES } from '../auth/account.entity';
import { Body } from '../collectivities/body.entity';
import { Collectivity } from '../collectivities/collectivity.entity';
import { Attendance, AttendanceChangeRow } from '../attendance/attendance.entity';
import { ExecutoireCorrection, Item, ItemRecusal, NumberSequence } from '../deliberations/item.entity';
import { Member } from '../members/member.entity';
import { Membership } from '../members/membership.entity';
import { Minutes, MinutesDebate } from '../minutes/minutes.entity';
import { Proxy, ProxySession } from '../proxies/proxy.entity';
import { Session, SessionSecretary, SessionTransition } from '../sessions/session.entity';
import { RenderedDocument, TemplateOverride } from '../extracts/template-override.entity';
import { Ballot, ElectionCandidate, ElectionRound, Vote } from '../votes/vote.entity';
import { VoteRequest } from '../votes/vote-request.entity';
import { ProjectorLink } from '../live/projector-link.entity';
import { SessionChange } from '../register/session-change.entity';
import { ActRectification, ActSignature, Annex, IssuedAct, SealedRecord, SigningCertificate } from '../issuing/issuing.entities';

export const ENTITIES = [
  Collectivity, Body, Member, Membership, Session, SessionSecretary, SessionTransition, Item, NumberSequence,
  ItemRecusal, Attendance, AttendanceChangeRow, Proxy, ProxySession, Vote, Ballot, ElectionCandidate, ElectionRound,
  TemplateOverride, RenderedDocument, Minutes, MinutesDebate, VoteRequest, ProjectorLink, SessionChange, AuditEntry, ExecutoireCorrection, ...AUTH_ENTITIES,
  Annex, ActSignature, IssuedAct, SealedRecord, SigningCertificate, ActRectification,
];
