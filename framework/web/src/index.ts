// apps translate through the framework's i18next instance (their catalogs come with their module)
export { Trans, useTranslation } from 'react-i18next';
export { type ApiContextValue, ApiProvider, type ApiProviderProps, useApi } from './api/api-provider.js';
export {
  type ApiClientOptions,
  type ApiClients,
  createApiClient,
  createApiClients,
  type GeneratedClientLike,
  type QueryValue,
  serializeQuery,
} from './api/create-api-client.js';
export { createQueryClient } from './api/create-query-client.js';
export { isRetryable, type ProblemDocument, ProblemError, parseProblem } from './api/problem-error.js';
export { useReportProblem } from './api/use-report-problem.js';
export {
  type CsrfFetchOptions,
  csrfHeaderName,
  csrfHeaders,
  defaultCsrfCookieName,
  readCookie,
  withCsrfToken,
} from './api/with-csrf-token.js';
export {
  type MfaProof,
  type SignInOptions,
  type SignInResult,
  type SsoProvider,
  safeReturnTo,
  signIn,
  signInOptions,
  ssoStartUrl,
  verifyMfa,
} from './auth/auth-api.js';
export { type AuthBrand, AuthBrandProvider, useAuthBrand } from './auth/auth-brand.js';
export { AuthLayout, type AuthLayoutProps } from './auth/auth-layout.js';
export { authProblemMessage, formatWait, issueField, type Translate } from './auth/auth-problem-message.js';
export {
  type AuthProviderProps,
  type AuthSession,
  type AuthStatus,
  type AuthValue,
  createAuthSession,
  useSignIn,
} from './auth/create-auth-session.js';
export { FormAlert } from './auth/form-alert.js';
export {
  loadMe,
  loadSessionBasics,
  loadTenants,
  type Me,
  type SessionBasics,
  type SessionTenant,
  type SessionUser,
  sessionBasics,
  unlessForbidden,
} from './auth/load-session.js';
export { LoginPage } from './auth/login-page.js';
export { MfaStep, type MfaStepProps } from './auth/mfa-step.js';
export { NoTenantPage, type NoTenantPageProps } from './auth/no-tenant-page.js';
export { ShellLoading, type ShellLoadingProps } from './auth/shell-loading.js';
export { initialsOf, UserMenu, type UserMenuProps } from './auth/user-menu.js';
export {
  type CustomFieldControlProps,
  type DefineEntitiesInput,
  defineEntities,
  type EntityCatalog,
  type EntityConfig,
  type EntityOptions,
  type HistoryEntry,
  type KanbanOptions,
  permissionOf,
  propertyAnnotations,
  type RelatedList,
} from './entity/define-entities.js';
export {
  type DraftMessages,
  type DraftOptions,
  type DraftValue,
  type DraftValues,
  fromDraft,
  toDraft,
} from './entity/draft-values.js';
export { evaluateRules, type RuleContext } from './entity/evaluate-rules.js';
export {
  defaultColumns,
  entityFields,
  type FieldModel,
  type FieldWidget,
  type FormSection,
  fieldOf,
  formSections,
  humanize,
  resolveSchema,
  schemaFields,
  workflowField,
  writableFields,
} from './entity/field-model.js';
export { fieldPathOf, pointerTokens } from './entity/json-pointer.js';
export { mergePatch } from './entity/merge-patch.js';
export {
  type RecordIssue,
  validateRecord,
  validateSchema,
  writableSchema,
} from './entity/validate-record.js';
export { type ActionDeclaration, actionApp } from './form/action-declaration.js';
export { ActionDialog, type ActionDialogProps } from './form/action-dialog.js';
export { DialogForm, type DialogFormProps } from './form/dialog-form.js';
export {
  FieldControl,
  type FieldControlProps,
  type FieldText,
  SchemaFieldControl,
  type SchemaFieldControlProps,
} from './form/field-control.js';
export { RelationMultiPicker, type RelationMultiPickerProps } from './form/relation-multi-picker.js';
export { RelationPicker, type RelationPickerProps } from './form/relation-picker.js';
export { SchemaForm, type SchemaFormProps } from './form/schema-form.js';
export { TagsInput, type TagsInputProps } from './form/tags-input.js';
export {
  type ActionFormState,
  type ActionInput,
  type UseActionFormOptions,
  useActionForm,
} from './form/use-action-form.js';
export {
  type FieldErrors,
  type IssueSource,
  placeFieldIssues,
  useFieldErrors,
} from './form/use-field-errors.js';
export {
  type FormMode,
  fieldPaths,
  jsonFieldPaths,
  placeIssues,
  resolverErrors,
  type SchemaFormState,
  type UseSchemaFormOptions,
  useSchemaForm,
} from './form/use-schema-form.js';
export {
  type CreateI18nOptions,
  createI18n,
  frameworkCatalogs,
  frameworkNamespace,
} from './i18n/create-i18n.js';
export { type ActionText, useActionText } from './i18n/use-action-text.js';
export { type EntityText, useEntityText } from './i18n/use-entity-text.js';
export { useIssueMessage } from './i18n/use-issue-message.js';
export { csvCell, downloadBlob, type ExportCsvOptions, exportCsv } from './list/csv-export.js';
export {
  bulkCreate,
  guessMapping,
  type ImportRow,
  importableFields,
  type ParsedCsv,
  parseCsv,
  prepareImport,
} from './list/csv-import.js';
export {
  emptyListQuery,
  type FilterOp,
  filterOpsFor,
  isSortable,
  type ListFilter,
  type ListQuery,
  type ListSort,
  listQueryFromSearch,
  listSearchParams,
} from './list/list-query.js';
export { localStorageViewStore, type SavedView, type SavedViewStore } from './list/saved-view-store.js';
export { useListState } from './list/use-list-state.js';
export {
  createFormatters,
  type Formatters,
  parseDecimal,
} from './locale/create-formatters.js';
export {
  LocaleProvider,
  type LocaleProviderProps,
  type LocaleSettings,
  useFormatters,
} from './locale/locale-provider.js';
export { todayIn } from './locale/today-in.js';
export { CodexionProviders, type CodexionProvidersProps } from './module/codexion-providers.js';
export {
  createStandaloneApp,
  type StandaloneApp,
  type StandaloneAppOptions,
} from './module/create-standalone-app.js';
export {
  type AppModule,
  type AppModuleDefinition,
  defineAppModule,
  type IconComponent,
  type ModuleManifest,
  type ModuleNavItem,
  moduleResources,
  navLabelKey,
  type ShellActionsProps,
  searchedEntities,
} from './module/define-app-module.js';
export {
  type LazyAppModule,
  type MountedModules,
  type MountedNavSection,
  mountModules,
} from './module/mount-modules.js';
export { NavigationProgress } from './module/navigation-progress.js';
export { StandaloneShell, type StandaloneShellProps } from './module/standalone-shell.js';
export { createResourceRoutes, type ResourceRouteOptions } from './pages/create-resource-routes.js';
export { PageHeader, type PageHeaderProps } from './pages/page-header.js';
export {
  type DetailSlotProps,
  type DetailSlots,
  ResourceDetailPage,
  type ResourceDetailPageProps,
} from './pages/resource-detail-page.js';
export { ResourceFormPage, type ResourceFormPageProps } from './pages/resource-form-page.js';
export { ResourceKanbanPage, type ResourceKanbanPageProps } from './pages/resource-kanban-page.js';
export { ResourceListPage, type ResourceListPageProps } from './pages/resource-list-page.js';
export {
  type KanbanColumn,
  type KanbanScope,
  useKanbanColumns,
  useKanbanScope,
} from './pages/use-kanban-columns.js';
export { type KanbanMove, kanbanFieldOf, useKanbanMove } from './pages/use-kanban-move.js';
export { PermissionButton, type PermissionButtonProps } from './permissions/permission-button.js';
export {
  createPermissions,
  type Permissions,
  PermissionsProvider,
  type PermissionsProviderProps,
  permissionCovers,
  usePermissions,
} from './permissions/permissions-provider.js';
export {
  type CallableEntity,
  callResource,
  callSdk,
  type ResourceOperationMap,
  type ResourceOperations,
  type SdkAnswer,
  type SdkCall,
  type SdkRequest,
} from './resource/call-resource.js';
export { FieldValue, type FieldValueProps } from './resource/field-value.js';
export {
  parsePage,
  type RecordWithEtag,
  type ResourcePage,
  type ResourceRecord,
  resourceKeys,
  useAllRecords,
  useRecordTitles,
  useRelationTitles,
  useResourceHistory,
  useResourceList,
  useResourceRecord,
} from './resource/resource-queries.js';
export { RecordHitItem, type RecordHitItemProps } from './search/record-hit-item.js';
export { RecordSearch, type RecordSearchProps } from './search/record-search.js';
export { SearchDialog, type SearchDialogProps } from './search/search-dialog.js';
export {
  type SearchHost,
  SearchHostProvider,
  type SearchHostProviderProps,
  useSearchHost,
} from './search/search-host.js';
export {
  type RecordSearchHits,
  type RecordSearchOptions,
  type RecordSearchResult,
  type RecordSearchSource,
  useDebouncedValue,
  useRecordSearch,
} from './search/use-record-search.js';
export { ColumnChooser, type ColumnChooserProps } from './table/column-chooser.js';
export { CsvImportDialog, type CsvImportDialogProps } from './table/csv-import-dialog.js';
export { FilterMenu, type FilterMenuProps } from './table/filter-menu.js';
export { ResourceTable, type ResourceTableProps } from './table/resource-table.js';
export { SavedViewsMenu, type SavedViewsMenuProps } from './table/saved-views-menu.js';
export { TableToolbar, type TableToolbarProps } from './table/table-toolbar.js';
