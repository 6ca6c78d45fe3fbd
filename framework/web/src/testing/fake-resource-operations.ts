import type { RequestOptions } from '@codexion/client';
import type { ResourceOperations, SdkCall, SdkRequest } from '../resource/call-resource.js';

type Method = 'get' | 'post' | 'patch' | 'delete';

const contentTypes: Partial<Record<Method, string>> = {
  post: 'application/json',
  patch: 'application/merge-patch+json',
};

/**
 * An SDK function of the test kit's own, shaped like a generated one (`client.<method>({ url, … })`),
 * for fixture apps that have no generated client: the sales fixture of `@codexion/web`'s tests.
 *
 * @example
 * const history = fakeSdkCall('get', '/opportunities/{id}/history');
 */
export function fakeSdkCall(method: Method, url: string): SdkCall {
  const call = ({ client, headers, ...options }: SdkRequest) =>
    client[method]({
      url,
      ...(options as Omit<RequestOptions, 'url'>),
      headers: { ...(contentTypes[method] ? { 'Content-Type': contentTypes[method] } : {}), ...headers },
    });
  return call as unknown as SdkCall;
}

/**
 * The CRUD operations a generated `resources.gen.ts` map gives an entity served at `/<resource>`,
 * made by {@link fakeSdkCall}.
 *
 * @example
 * defineEntities({ app: 'sales', schemas, operations: { account: fakeResourceOperations('accounts') } });
 */
export function fakeResourceOperations(resource: string): ResourceOperations {
  return {
    list: fakeSdkCall('get', `/${resource}`),
    get: fakeSdkCall('get', `/${resource}/{id}`),
    create: fakeSdkCall('post', `/${resource}`),
    bulkCreate: fakeSdkCall('post', `/${resource}/bulk`),
    update: fakeSdkCall('patch', `/${resource}/{id}`),
    delete: fakeSdkCall('delete', `/${resource}/{id}`),
    restore: fakeSdkCall('post', `/${resource}/{id}/restore`),
    transition: fakeSdkCall('post', `/${resource}/{id}/transition`),
  };
}
