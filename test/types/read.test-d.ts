import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import {
  createRecordingKeys,
  recordingKeys,
  recordingQueries,
  useAccessReport,
  useBroadcasts,
  useCategories,
  useCategory,
  useGuestAccess,
  useInfiniteRecordings,
  usePrefetchRecording,
  useProgramAccessReport,
  useProgramViewers,
  useRecording,
  useRecordings,
  useRecordingsByCategory,
  useRecordingsByPublisher,
  useRecordingService,
  useRecordingStatus,
  useSuspenseRecording,
  useSuspenseRecordings,
  useSystemSettings,
  useTemplate,
  useTemplates,
  useTenant,
  type AccessReport,
  type Category,
  type PagedList,
  type Program,
  type ProgramStatus,
  type RecordingScope,
  type RecordingClient,
  type RecordingContext,
  type RecordingServiceError,
  type SystemSettings,
  type Template,
  type Tenant,
  type ViewerReport,
} from '../../hooks/index';

// Hooks are only type-checked here, never run; they sit in a hook-named function so the hooks lint holds.
function useReadHookTypes() {
  expectTypeOf(useRecordings().data).toEqualTypeOf<PagedList | undefined>();
  expectTypeOf(useRecordings().error).toEqualTypeOf<RecordingServiceError | null>();
  expectTypeOf(useRecordings({}, { select: (page) => page.items.length }).data).toEqualTypeOf<number | undefined>();
  expectTypeOf(useInfiniteRecordings().data).toEqualTypeOf<InfiniteData<PagedList, number> | undefined>();
  expectTypeOf(useInfiniteRecordings().error).toEqualTypeOf<RecordingServiceError | null>();
  expectTypeOf(useSuspenseRecordings().data).toEqualTypeOf<PagedList>();
  expectTypeOf(useRecordingsByCategory('c').data).toEqualTypeOf<PagedList | undefined>();
  expectTypeOf(useRecordingsByPublisher('o', { onlyDeleted: true }).data).toEqualTypeOf<PagedList | undefined>();
  expectTypeOf(useBroadcasts('now').data).toEqualTypeOf<PagedList | undefined>();
  expectTypeOf(useRecording('p').data).toEqualTypeOf<Program | undefined>();
  expectTypeOf(useRecording('p').error).toEqualTypeOf<RecordingServiceError | null>();
  expectTypeOf(useRecording('p', { select: (p) => p.name }).data).toEqualTypeOf<string | undefined>();
  expectTypeOf(useSuspenseRecording('p').data).toEqualTypeOf<Program>();
  expectTypeOf(usePrefetchRecording()).toEqualTypeOf<(id: string) => void>();
  expectTypeOf(useRecordingStatus('p', { pollIntervalMs: 1000 }).data).toEqualTypeOf<ProgramStatus | undefined>();
  expectTypeOf(useCategories().data).toEqualTypeOf<Category[] | undefined>();
  expectTypeOf(useCategory('c').data).toEqualTypeOf<Category | undefined>();
  expectTypeOf(useTemplates().data).toEqualTypeOf<Template[] | undefined>();
  expectTypeOf(useTemplate('t').data).toEqualTypeOf<Template | undefined>();
  expectTypeOf(useSystemSettings().data).toEqualTypeOf<SystemSettings | undefined>();
  expectTypeOf(useTenant().data).toEqualTypeOf<Tenant | undefined>();
  expectTypeOf(useGuestAccess()).toEqualTypeOf<boolean>();
  expectTypeOf(useAccessReport({ range: 'ALL' }).data).toEqualTypeOf<AccessReport[] | undefined>();
  expectTypeOf(useProgramAccessReport('p', {}).error).toEqualTypeOf<RecordingServiceError | null>();
  expectTypeOf(useProgramViewers('p', {}).data).toEqualTypeOf<ViewerReport[] | undefined>();
  expectTypeOf(useRecordingService().context).toEqualTypeOf<RecordingContext>();

  // @ts-expect-error queryKey belongs to the hook
  useRecording('p', { queryKey: ['x'] });
  // @ts-expect-error queryFn belongs to the hook
  useRecordings({}, { queryFn: () => Promise.resolve({ items: [], totalItemCount: 0 }) });
  // @ts-expect-error the infinite list manages its own offset
  useInfiniteRecordings({ offset: 10 });
}

function useFactoryTypes(client: RecordingClient, queryClient: QueryClient) {
  expectTypeOf(useQuery(recordingQueries.detail(client, 'p')).data).toEqualTypeOf<Program | undefined>();
  expectTypeOf(useQuery(recordingQueries.list(client)).error).toEqualTypeOf<RecordingServiceError | null>();
  expectTypeOf(useSuspenseQuery(recordingQueries.categories(client)).data).toEqualTypeOf<Category[]>();
  expectTypeOf(queryClient.getQueryData(recordingQueries.detail(client, 'p').queryKey)).toEqualTypeOf<
    Program | undefined
  >();
  expectTypeOf(queryClient.ensureQueryData(recordingQueries.settings(client))).resolves.toEqualTypeOf<SystemSettings>();
}

test('read hooks expose typed data and RecordingServiceError errors', () => {
  expectTypeOf(useReadHookTypes).toBeFunction();
  expectTypeOf(useFactoryTypes).toBeFunction();
});

test('keys are readonly tuples rooted at the package name and scope', () => {
  expectTypeOf(recordingKeys.all).toEqualTypeOf<readonly ['recording-service', Partial<RecordingScope>]>();
  expectTypeOf(recordingKeys.detail('p')[4]).toEqualTypeOf<string>();
  expectTypeOf(createRecordingKeys).parameter(0).toEqualTypeOf<Partial<RecordingScope> | undefined>();
});
