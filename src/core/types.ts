/**
 * Wire entities and the client contract of ACSR API 2.0 (see WIRE.md).
 *
 * Every entity field is optional: a real server may leave any of them out, and the client keeps
 * unknown fields it receives at runtime (they are simply not described here).
 */

/** Who may see a program. */
export type AccessMode = 'PRIVATE' | 'USER_LIST' | 'ALL_USERS' | 'PUBLIC';

/** How long deleted programs are kept in the recycle bin. */
export type RetentionPolicy = 'FOREVER' | 'N_DAYS' | 'DO_NOT_RETAIN';

/** A recording or a live broadcast. Dates are kept as the ISO-8601 text the server sent. */
export interface Program {
  self?: string;
  id?: string;
  name?: string;
  description?: string;
  tenantId?: string;
  owner?: string;
  ownerDisplayName?: string;
  participantUsers?: string[];
  /** Display name of the category. */
  category?: string;
  categoryId?: string;
  templateId?: string;
  accessMode?: AccessMode;
  accessUsers?: string[];
  public?: boolean;
  passwordProtected?: boolean;
  authorizeUrl?: string;
  accessDenied?: boolean;
  live?: boolean;
  started?: boolean;
  startDate?: string;
  creationDate?: string;
  expirationDate?: string;
  deleted?: boolean;
  deletedDate?: string;
  /** Seconds. */
  duration?: number;
  /** Kilobytes. */
  size?: number;
  width?: number;
  height?: number;
  bitrate?: number;
  /** Bitmask: ASF 1, MP4 2, HLS 4, RTMP 8, HDS 16. */
  mediaType?: number;
  md5Hash?: string;
  allowMediaDownload?: boolean;
  available?: boolean;
  canEdit?: boolean;
  viewCount?: number;
  currentViewerCount?: number;
  /** Relative URL of the thumbnail image. */
  thumbnail?: string;
  statusUrl?: string;
  reportUrl?: string;
  chatEnabled?: boolean;
  moderatorPinProtected?: boolean;
  dnAddress?: string;
  conferenceAddress?: string;
  programStatus?: ProgramState;
}

/** One page of programs. */
export interface PagedList<T = Program> {
  items: T[];
  /** Total number of items on the server for this query. */
  totalItemCount: number;
}

export interface Category {
  self?: string;
  id?: string;
  name?: string;
  programsUrl?: string;
  tenants?: string[];
}

export interface Template {
  self?: string;
  id?: string;
  name?: string;
  description?: string;
  callBitrate?: number;
  callWidth?: number;
  callHeight?: number;
  tenants?: string[];
}

export interface ProgramStreams {
  primaryMediaUrl?: string;
  primaryMediaHlsUrl?: string;
  primaryMediaMp4Url?: string;
  primaryMediaRtmpUrl?: string;
  primaryMediaHdsUrl?: string;
  secondaryMediaUrl?: string;
}

/** Where and how a program plays. */
export interface ProgramAddress {
  available?: boolean;
  downloadUrl?: string;
  /** Carries the delivery-node id as a query parameter. */
  reportUrl?: string;
  playerPreference?: string[];
  streams?: ProgramStreams;
}

export type ProgramState =
  'FAILED' | 'COMPLETE' | 'PENDING' | 'STARTED' | 'STOPPED' | 'PENDING_STOP' | 'PENDING_START' | 'SCHEDULED';

export type RecordingState = 'STOPPED' | 'STARTED' | 'PAUSED';

export interface ProgramStatus {
  programId?: string;
  state?: ProgramState;
  stateDetails?: string;
  programCreationStage?: string;
  programCreationMessage?: string;
  recordingState?: RecordingState;
}

export type ChatMessageType = 'QUESTION' | 'RESPONSE';

export interface ChatMessage {
  sessionId?: string;
  /** At most 1024 characters. */
  message?: string;
  senderDisplayName?: string;
  senderId?: string;
  /** Epoch milliseconds. */
  timestamp?: number;
  authenticated?: boolean;
  type?: ChatMessageType;
}

export interface ChatSession {
  sessionId?: string;
  initiatorName?: string;
  /** Epoch milliseconds. */
  lastMessageTime?: number;
  initiatorAuthenticated?: boolean;
  unansweredCount?: number;
  messages?: ChatMessage[];
}

export interface SystemSettings {
  multiTenant?: boolean;
  allowGuestAccess?: boolean;
  systemTime?: string | number;
  systemTimeISO8601?: string;
  recordingRetentionPolicy?: RetentionPolicy;
  daysToRetainDeletedRecordings?: number;
  encryptionSupport?: boolean;
  uptime?: string | number;
}

export interface Tenant {
  id?: string;
  name?: string;
  enabled?: boolean;
  allowGuestAccess?: boolean;
  recordingRetentionPolicy?: RetentionPolicy;
  daysToRetainDeletedRecordings?: number;
}

export type ProgramType = 'LIVE' | 'VOD';

export interface AccessReport {
  programId?: string;
  programName?: string;
  ownerName?: string;
  categoryName?: string;
  programType?: ProgramType;
  /** `null` for guests. */
  username?: string | null;
  guest?: boolean;
  clientIpAddr?: string;
  userAgent?: string;
  startDate?: string;
  duration?: number;
  dnName?: string;
  dnAddress?: string;
  location?: string;
}

export interface ViewerReportView {
  username?: string | null;
  guest?: boolean;
  clientIpAddr?: string;
  location?: string;
}

export interface ViewerReport {
  programId?: string;
  programName?: string;
  ownerName?: string;
  categoryName?: string;
  programType?: ProgramType;
  registeredUserViews?: number;
  guestUserViews?: number;
  totalViews?: number;
  views?: ViewerReportView[];
}

export type ReportRange =
  'LAST_DAY' | 'LAST_WEEK' | 'LAST_MONTH' | 'LAST_THREE_MONTHS' | 'LAST_SIX_MONTHS' | 'LAST_YEAR' | 'ALL';

/** Offset paging shared by every list. */
export interface PageParams {
  /** First item, 0-based. Defaults to 0 on the server. */
  offset?: number;
  /** Page size. Defaults to 20 on the server. */
  count?: number;
}

/** Parameters of `programs.list`. */
export interface RecordingListParams extends PageParams {
  /** Free text over name and description. */
  query?: string;
  orderBy?: string;
  /** Needs `orderBy`. */
  orderBy2?: string;
  category?: string;
  ownerId?: string;
  onlyDeleted?: boolean;
}

/** Parameters of `programs.listByCategory`. */
export type CategoryListParams = PageParams;

/** Parameters of `programs.listByPublisher`. */
export interface PublisherListParams extends PageParams {
  onlyDeleted?: boolean;
}

/** Which live broadcasts to list. */
export type BroadcastWhen = 'all' | 'future' | 'today' | 'now';

/** Parameters of `programs.broadcasts`. */
export interface BroadcastParams extends PageParams {
  /** Minutes, as `Date#getTimezoneOffset`. Defaults to the caller's own offset. */
  timezoneOffset?: number;
  query?: string;
  orderBy?: string;
  orderBy2?: string;
  category?: string;
  ownerId?: string;
}

/** Parameters of the report operations. */
export interface ReportParams extends PageParams {
  /** Only for the all-programs access report. */
  ownerName?: string;
  /** Only for the all-programs access report. */
  category?: string;
  /** Only for the all-programs access report. */
  programName?: string;
  range?: ReportRange;
  startDate?: string;
  endDate?: string;
  userAgent?: string;
  dnName?: string;
  dnAddress?: string;
}

/** The writable fields of a program; send only those that changed. */
export interface ProgramChanges {
  name?: string;
  description?: string;
  categoryId?: string;
  accessMode?: AccessMode;
  accessUsers?: string[];
  public?: boolean;
  allowMediaDownload?: boolean;
  password?: string;
  participantUsers?: string[];
  /** Base64 image data; needs `thumbnailMimeType`. */
  thumbnailData?: string;
  thumbnailMimeType?: 'image/jpeg' | 'image/png' | 'image/gif';
}

/** What `reportViewStart` answers: the report id, plus the raw receipt body. */
export interface ViewReportReceipt {
  reportId: string;
  raw: unknown;
}

/** The signed-in state. Tokens never leave the client except as query parameters. */
export type SessionStatus = 'guest' | 'signing-in' | 'user' | 'expired';

/** A snapshot of the session, as `session.current()` returns it. */
export interface Session {
  status: SessionStatus;
  /** The portal login id every call carries as `user`. */
  user?: string;
  /** Epoch ms when the content-server token was obtained. */
  signedInAt?: number;
}

/**
 * Per-call options, accepted as the last argument of every client method. Where a method's params
 * object is its last documented argument, `signal` may also be given inside it.
 */
export interface RequestOptions {
  signal?: AbortSignal;
}

export interface ProgramsApi {
  list(params?: RecordingListParams & RequestOptions, options?: RequestOptions): Promise<PagedList>;
  listByCategory(
    categoryId: string,
    params?: CategoryListParams & RequestOptions,
    options?: RequestOptions,
  ): Promise<PagedList>;
  listByPublisher(
    ownerId: string,
    params?: PublisherListParams & RequestOptions,
    options?: RequestOptions,
  ): Promise<PagedList>;
  broadcasts(
    when: BroadcastWhen,
    params?: BroadcastParams & RequestOptions,
    options?: RequestOptions,
  ): Promise<PagedList>;
  get(id: string, params?: { dnid?: string } & RequestOptions, options?: RequestOptions): Promise<Program>;
  authorize(id: string, password: string, options?: RequestOptions): Promise<Program>;
  playbackAddress(
    id: string,
    params?: { password?: string; dnid?: string } & RequestOptions,
    options?: RequestOptions,
  ): Promise<ProgramAddress>;
  status(id: string, options?: RequestOptions): Promise<ProgramStatus>;
  reportViewStart(
    id: string,
    params?: { dnId?: string } & RequestOptions,
    options?: RequestOptions,
  ): Promise<ViewReportReceipt>;
  /** With `keepalive: true` the call uses `fetch` keepalive, so it survives page unload. */
  reportViewEnd(
    id: string,
    reportId: string | number,
    params?: { dnId?: string; keepalive?: boolean } & RequestOptions,
    options?: RequestOptions,
  ): Promise<void>;
  update(id: string, changes: ProgramChanges, options?: RequestOptions): Promise<Program>;
  remove(
    id: string,
    params?: { permanent?: boolean; deleteResources?: boolean } & RequestOptions,
    options?: RequestOptions,
  ): Promise<void>;
  restore(id: string, options?: RequestOptions): Promise<Program>;
}

export interface CatalogApi<T> {
  list(options?: RequestOptions): Promise<T[]>;
  get(id: string, options?: RequestOptions): Promise<T>;
}

/** A message to post to a Q&A session. */
export interface NewChatMessage {
  message: string;
  type: ChatMessageType;
  senderDisplayName?: string;
}

export interface ChatApi {
  sessions(
    programId: string,
    params?: { moderatorPin?: string } & RequestOptions,
    options?: RequestOptions,
  ): Promise<ChatSession[]>;
  /** `after`: epoch ms; only messages newer than it are returned (`chatTimestamp`). */
  session(
    programId: string,
    sessionId: string,
    params?: { moderatorPin?: string; after?: number } & RequestOptions,
    options?: RequestOptions,
  ): Promise<ChatSession>;
  openSession(
    programId: string,
    params: { sender: string } & RequestOptions,
    options?: RequestOptions,
  ): Promise<ChatSession>;
  post(
    programId: string,
    sessionId: string,
    message: NewChatMessage,
    params?: { moderatorPin?: string } & RequestOptions,
    options?: RequestOptions,
  ): Promise<void>;
}

export interface SettingsApi {
  system(options?: RequestOptions): Promise<SystemSettings>;
  /** Defaults to the configured tenant. */
  tenant(tenantId?: string, options?: RequestOptions): Promise<Tenant>;
  /** The configured tenant, with request options only: `tenant({ signal })`. */
  tenant(options: RequestOptions): Promise<Tenant>;
}

export interface ReportsApi {
  access(params?: ReportParams & RequestOptions, options?: RequestOptions): Promise<AccessReport[]>;
  accessForProgram(
    programId: string,
    params?: ReportParams & RequestOptions,
    options?: RequestOptions,
  ): Promise<AccessReport[]>;
  viewers(programId: string, params?: ReportParams & RequestOptions, options?: RequestOptions): Promise<ViewerReport[]>;
}

export type SessionListener = (session: Session) => void;

export interface SessionApi {
  /** Exchanges the portal token for a content-server token; `user` is the portal login id. */
  signIn(portalToken: string, user: string, options?: RequestOptions): Promise<Session>;
  /** Local only: nothing is sent to the server. */
  signOut(): void;
  current(): Session;
  /** Returns the unsubscribe function. */
  subscribe(listener: SessionListener): () => void;
}
