'use client';

import { createContext } from 'react';
import type { RecordingClient } from '../core/client';
import type { ResolvedRecordingServiceConfig } from '../core/config';
import type { AccessMode, ReportRange, Session } from '../core/types';

/**
 * The labels the components show, in English by default. Give `messages` to `<RecordingServiceProvider>`
 * to translate or reword any of them; the rest keep their defaults.
 */
export interface RecordingServiceMessages {
  loading: string;
  error: string;
  retry: string;
  empty: string;
  search: string;
  category: string;
  allCategories: string;
  owner: string;
  orderBy: string;
  previousPage: string;
  nextPage: string;
  loadMore: string;
  /** "Showing 1-20 of 42". */
  pageSummary: (from: number, to: number, total: number) => string;
  name: string;
  description: string;
  duration: string;
  created: string;
  views: string;
  live: string;
  upcoming: string;
  today: string;
  now: string;
  noBroadcasts: string;
  play: string;
  download: string;
  downloadVerified: string;
  downloadMismatch: string;
  cancel: string;
  edit: string;
  save: string;
  delete: string;
  deletePermanently: string;
  confirmDelete: string;
  restore: string;
  recycleBin: string;
  unlock: string;
  password: string;
  accessMode: string;
  public: string;
  allowDownload: string;
  questions: string;
  askQuestion: string;
  answer: string;
  send: string;
  moderatorPin: string;
  accessReport: string;
  viewers: string;
  guest: string;
  signIn: string;
  signOut: string;
  signedInAs: (user: string) => string;
  sessionExpired: string;
  notFound: string;
  forbidden: string;
  networkError: string;
  /** Shown when a request needs a signed-in user. */
  unauthorized: string;
  timeout: string;
  /** Accessible name of the recordings list. */
  recordings: string;
  /** Accessible name of the filters form. */
  filters: string;
  /** Accessible name of the paging controls. */
  pagination: string;
  orderNewest: string;
  orderOldest: string;
  orderName: string;
  orderMostViewed: string;
  orderLongest: string;
  thumbnailAlt: (name: string) => string;
  untitled: string;
  passwordProtected: string;
  locked: string;
  details: string;
  selectRecording: string;
  notAvailable: string;
  /** Every source of a playable recording failed in this browser. */
  playbackFailed: string;
  player: (name: string) => string;
  downloadProgress: string;
  saveFile: string;
  saved: string;
  noChanges: string;
  newPassword: string;
  editRecording: string;
  accessModes: Record<AccessMode, string>;
  broadcasts: string;
  allBroadcasts: string;
  starts: string;
  watching: (count: number) => string;
  yourName: string;
  startQuestions: string;
  characterCount: (count: number, max: number) => string;
  messageTooLong: (max: number) => string;
  sessions: string;
  unanswered: (count: number) => string;
  noQuestions: string;
  noSessions: string;
  sending: string;
  deleted: string;
  recycleBinEmpty: string;
  confirmDeletePermanently: string;
  range: string;
  ranges: Record<ReportRange, string>;
  program: string;
  viewer: string;
  started: string;
  location: string;
  deliveryNode: string;
  noViews: string;
  totalViews: string;
  registeredViews: string;
  guestViews: string;
  loginId: string;
  portalToken: string;
  signingIn: string;
  signInTitle: string;
}

/** The English labels used when the provider is given no `messages`. */
export const defaultRecordingServiceMessages: RecordingServiceMessages = {
  loading: 'Loading…',
  error: 'Something went wrong.',
  retry: 'Try again',
  empty: 'No recordings found.',
  search: 'Search',
  category: 'Category',
  allCategories: 'All categories',
  owner: 'Owner',
  orderBy: 'Sort by',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  loadMore: 'Load more',
  pageSummary: (from, to, total) => `Showing ${from}-${to} of ${total}`,
  name: 'Name',
  description: 'Description',
  duration: 'Duration',
  created: 'Created',
  views: 'Views',
  live: 'Live',
  upcoming: 'Upcoming',
  today: 'Today',
  now: 'On air now',
  noBroadcasts: 'No broadcasts scheduled.',
  play: 'Play',
  download: 'Download',
  downloadVerified: 'Download verified',
  downloadMismatch: 'The downloaded file is damaged (checksum mismatch).',
  cancel: 'Cancel',
  edit: 'Edit',
  save: 'Save',
  delete: 'Delete',
  deletePermanently: 'Delete permanently',
  confirmDelete: 'Delete this recording?',
  restore: 'Restore',
  recycleBin: 'Recycle bin',
  unlock: 'Unlock',
  password: 'Password',
  accessMode: 'Access',
  public: 'Public',
  allowDownload: 'Allow download',
  questions: 'Questions',
  askQuestion: 'Ask a question',
  answer: 'Answer',
  send: 'Send',
  moderatorPin: 'Moderator PIN',
  accessReport: 'Access report',
  viewers: 'Viewers',
  guest: 'Guest',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signedInAs: (user) => `Signed in as ${user}`,
  sessionExpired: 'Your session has expired. Please sign in again.',
  notFound: 'This recording does not exist or was removed.',
  forbidden: 'You do not have access to this recording.',
  networkError: 'The recording server cannot be reached.',
  unauthorized: 'Please sign in to see this.',
  timeout: 'The recording server took too long to answer.',
  recordings: 'Recordings',
  filters: 'Filter recordings',
  pagination: 'Pages',
  orderNewest: 'Newest first',
  orderOldest: 'Oldest first',
  orderName: 'Name (A–Z)',
  orderMostViewed: 'Most viewed',
  orderLongest: 'Longest first',
  thumbnailAlt: (name) => `Thumbnail of ${name}`,
  untitled: 'Untitled recording',
  passwordProtected: 'Password protected',
  locked: 'This recording is password protected. Enter its password to unlock it.',
  details: 'Recording details',
  selectRecording: 'Select a recording to see its details.',
  notAvailable: 'This recording cannot be played yet.',
  playbackFailed: 'This recording cannot be played in this browser.',
  player: (name) => `Video: ${name}`,
  downloadProgress: 'Download progress',
  saveFile: 'Save file',
  saved: 'Saved.',
  noChanges: 'Nothing to save: no field changed.',
  newPassword: 'New password',
  editRecording: 'Edit recording',
  accessModes: { PRIVATE: 'Only me', USER_LIST: 'Listed users', ALL_USERS: 'All signed-in users', PUBLIC: 'Everyone' },
  broadcasts: 'Broadcasts',
  allBroadcasts: 'All',
  starts: 'Starts',
  watching: (count) => `${count} watching`,
  yourName: 'Your name',
  startQuestions: 'Start asking',
  characterCount: (count, max) => `${count} / ${max} characters`,
  messageTooLong: (max) => `A message can have at most ${max} characters.`,
  sessions: 'Sessions',
  unanswered: (count) => `${count} unanswered`,
  noQuestions: 'No questions yet.',
  noSessions: 'No one has asked anything yet.',
  sending: 'Sending…',
  deleted: 'Deleted',
  recycleBinEmpty: 'The recycle bin is empty.',
  confirmDeletePermanently: 'Delete this recording permanently? This cannot be undone.',
  range: 'Period',
  ranges: {
    LAST_DAY: 'Last day',
    LAST_WEEK: 'Last week',
    LAST_MONTH: 'Last month',
    LAST_THREE_MONTHS: 'Last three months',
    LAST_SIX_MONTHS: 'Last six months',
    LAST_YEAR: 'Last year',
    ALL: 'All time',
  },
  program: 'Recording',
  viewer: 'Viewer',
  started: 'Started',
  location: 'Location',
  deliveryNode: 'Delivery node',
  noViews: 'No views in this period.',
  totalViews: 'Total views',
  registeredViews: 'Signed-in views',
  guestViews: 'Guest views',
  loginId: 'Login',
  portalToken: 'Portal token',
  signingIn: 'Signing in…',
  signInTitle: 'Sign in',
};

/** What `useRecordingService()` returns. */
export interface RecordingServiceContextValue {
  client: RecordingClient;
  config: ResolvedRecordingServiceConfig;
  messages: RecordingServiceMessages;
  /** Who is signed in (never a token). Consumers re-render when it changes, so their keys follow the user. */
  session: Session;
}

/** Holds the provider's client, config and messages; read it through `useRecordingService()`. */
export const RecordingServiceContext = createContext<RecordingServiceContextValue | null>(null);
RecordingServiceContext.displayName = 'RecordingServiceContext';
