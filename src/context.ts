'use client';

import { createContext } from 'react';
import type { RecordingClient } from './client';
import type { ResolvedRecordingServiceConfig } from './config';
import type { Session } from './types';

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
