'use client';

import { createContext } from 'react';
import type { AccessMode, ReportRange } from '../core/types';

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
  /** "Saved as talk.mp4.", after a download streamed into a file the user chose. */
  downloadSavedAs: (fileName: string) => string;
  /** Said when a file too large for memory is handed to the browser without its MD5 check. */
  downloadUnchecked: string;
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

/**
 * The labels given to `<RecordingServiceProvider messages>`, as given: the components merge them over their
 * English defaults (which live in the components entry, so an app using only hooks ships no label).
 */
export const RecordingServiceMessagesContext = createContext<Partial<RecordingServiceMessages> | undefined>(undefined);
RecordingServiceMessagesContext.displayName = 'RecordingServiceMessagesContext';
