// A typed client for Proper's HTTP API: paths and bodies come from
// src/schema.d.ts, which openapi-typescript generates from ../openapi.yaml
// (npm run generate); requests go through openapi-fetch.
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { components, operations, paths } from "./schema.js";

/** The client createProperClient returns. */
export type ProperClient = Client<paths>;

/** An RFC 9457 problem, the body of every error response. */
export type Problem = components["schemas"]["ErrorModel"];

/**
 * A client for the API at baseUrl (e.g. "http://localhost:8080"). With a
 * token (the `token` of POST /v1/auth/login), every request carries
 * `Authorization: Bearer <token>`.
 */
export function createProperClient(baseUrl: string, token?: string): ProperClient {
  const client = createClient<paths>({ baseUrl });
  if (token) {
    const bearer: Middleware = {
      onRequest({ request }) {
        request.headers.set("Authorization", `Bearer ${token}`);
        return request;
      },
    };
    client.use(bearer);
  }
  return client;
}
