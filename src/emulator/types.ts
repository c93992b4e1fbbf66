import type {
  AccessReport,
  Category,
  ChatMessage,
  ChatSession,
  Program,
  ProgramState,
  RetentionPolicy,
  Template,
} from '../core/types';

/** What a user may do. `admin` sees and edits everything; `tenantAdmin` everything in its tenant. */
export type EmulatorRole = 'admin' | 'tenantAdmin' | 'publisher' | 'user';

/** A portal user known to the emulator. */
export interface EmulatorUser {
  /** The portal login id: the `user` query parameter and the programs' `owner`. */
  login: string;
  displayName: string;
  role: EmulatorRole;
  /** The portal token exchanged at the authorization path (`Authorization: UPToken <portalToken>`). */
  portalToken: string;
  tenantId: string;
}

/** A tenant and its policies. In single-tenant mode there is one, `default`. */
export interface EmulatorTenant {
  id: string;
  name: string;
  enabled: boolean;
  allowGuestAccess: boolean;
  recordingRetentionPolicy: RetentionPolicy;
  daysToRetainDeletedRecordings: number;
}

/**
 * A program as the emulator stores it: the wire fields plus secrets and bookkeeping that never go out
 * as such. Dates are ISO-8601 text (zone-less text is the server's wall clock); answers write them as
 * WIRE.md says, `YYYY-MM-DDTHH:MM:SS` on the server's wall clock.
 */
export interface EmulatorProgram extends Program {
  id: string;
  tenantId: string;
  owner: string;
  name: string;
  accessMode: NonNullable<Program['accessMode']>;
  /** PIN of a protected program; never sent. */
  password?: string;
  /** Q&A moderator PIN; never sent. */
  moderatorPin?: string;
  /**
   * States `GET P/{id}/status` walks through, one per call, staying on the last (e.g. a recording
   * still processing: `['PENDING', 'STARTED', 'COMPLETE']`).
   */
  statusSequence?: ProgramState[];
  /** Uploaded thumbnail, replacing the default image. */
  thumbnailUpload?: { bytes: Uint8Array; mimeType: string };
}

/** A Q&A session with its messages, kept per program. */
export interface EmulatorChatSession extends ChatSession {
  sessionId: string;
  programId: string;
  messages: ChatMessage[];
}

/** One view, as the access report shows it; `end` fills in the duration. */
export interface EmulatorView extends AccessReport {
  reportId: string;
  programId: string;
  tenantId: string;
  ended: boolean;
}

/** Everything an emulator holds. Tests may read it; change it through the emulator's methods. */
export interface EmulatorState {
  multiTenant: boolean;
  /** System-level guest access and retention (single-tenant mode); tenants carry their own. */
  system: {
    allowGuestAccess: boolean;
    recordingRetentionPolicy: RetentionPolicy;
    daysToRetainDeletedRecordings: number;
    encryptionSupport: boolean;
    startedAt: number;
    /** The server's time zone: its offset from UTC in minutes (east positive), as `systemTimeISO8601` shows it. */
    utcOffsetMinutes: number;
  };
  tenants: Map<string, EmulatorTenant>;
  users: Map<string, EmulatorUser>;
  categories: Map<string, Category & { id: string; name: string; tenantId: string }>;
  templates: Map<string, Template & { id: string; name: string; tenantId: string }>;
  programs: Map<string, EmulatorProgram>;
  chatSessions: Map<string, EmulatorChatSession>;
  views: EmulatorView[];
  /** Content-server tokens issued by the authorization path. */
  tokens: Map<string, { login: string; issuedAt: number; snapshotTimestamp: string }>;
  /** How many times each program's status was asked (drives `statusSequence`). */
  statusCalls: Map<string, number>;
}

/** Seed data given inline instead of a named seed; missing parts come from the `empty` seed. */
export interface EmulatorSeedData {
  users?: EmulatorUser[];
  tenants?: EmulatorTenant[];
  categories?: Array<Category & { id: string; name: string; tenantId?: string }>;
  templates?: Array<Template & { id: string; name: string; tenantId?: string }>;
  /** Only `id` is required; the rest defaults (owner `alice`, ALL_USERS, a 3 s recording). */
  programs?: Array<Partial<EmulatorProgram> & { id: string }>;
  chatSessions?: Array<Omit<EmulatorChatSession, 'messages'> & { messages?: ChatMessage[] }>;
  views?: EmulatorView[];
}

/** The named seeds. */
export type EmulatorSeedName = 'default' | 'many' | 'empty';
