// @codexion/framework/sagas: declared steps with compensations, persisted runs, recovery (ADR 0028)
export {
  defineSaga,
  type SagaCallContext,
  type SagaCrashPolicy,
  type SagaDefinition,
  type SagaRunView,
  type SagaStep,
  type SagaTransactionContext,
  sagaSteps,
} from './define-saga.js';
export { recoverSagas, type SagaRecovery } from './recover-sagas.js';
export { runSaga, type SagaRuntime, type SagaScope } from './run-saga.js';
