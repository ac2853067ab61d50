/**
 * The shapes of the request door: how a node describes its service and its requests, what comes
 * back, and the call as the door's parts (the loop, one attempt, the error builders) share it.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IPollFunctions,
} from 'n8n-workflow';

import type { FailureText } from '../../credentials/common/failures';
import type { TokenFields } from '../../credentials/common/token';
import type { ExpectedAnswer } from './answers';
import type { RetryPolicy } from './retry';
import type { ServiceHealth } from './serviceHealth';
import { StreamedBody } from './streamedBody';
import type { WriteEntry } from './writeLedger';

/** Who may call a service: an action node running items, or a trigger node polling. */
export type RequestContext = IExecuteFunctions | IPollFunctions;

/** How one remote service is reached; each node's transport defines one. */
export interface ServiceDefinition {
	/** Shown to users in error messages, e.g. "Cegid Loop". */
	serviceName: string;
	credentialType: string;
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/**
	 * How the user finds the field that holds the base URL, named when it is unusable or when the
	 * service redirects. Default: "Base URL of the <serviceName> API credential".
	 */
	baseUrlField?: string;
	/** Every value of the credential that must never be shown (keys, secrets, tokens). */
	secrets(credentials: ICredentialDataDecryptedObject): string[];
	/**
	 * For a credential that is nothing but headers (no token, no signature): those headers, which
	 * the door then sets itself from the credential it read once per run, sending with n8n's plain
	 * request helper. n8n's authenticated request would resolve the credential's `authenticate`
	 * expressions again for every request. Must give what the credential's `authenticate` declares.
	 */
	credentialHeaders?(credentials: ICredentialDataDecryptedObject): Record<string, string>;
	/** Headers the node sends on every call beside those of the credential. */
	defaultHeaders?: Record<string, string>;
	/** For credentials that hold a token fetched by `preAuthentication`. */
	token?: TokenFields;
	/** Turns a failed answer into the service's own message (plus its English meaning where known). */
	describeFailure?(status: number, body: unknown): FailureText | undefined;
	retryPolicy?: RetryPolicy;
}

export type QueryValue = string | number | boolean | Array<string | number>;

export interface ServiceRequest {
	method: IHttpRequestMethods;
	/** A path template relative to the base URL, with `{name}` placeholders. */
	path: string;
	/** Encoded into their segment; empty values and values made only of dots are refused. */
	pathParams?: Record<string, string | number>;
	/** Array values repeat the parameter: `no=A&no=B`. */
	qs?: Record<string, QueryValue | undefined>;
	/** A JSON body, a form (`URLSearchParams`), a multipart body (`FormData`) or a stream (a large file). */
	body?: IDataObject | IDataObject[] | URLSearchParams | FormData | StreamedBody;
	headers?: Record<string, string>;
	/** What a successful answer must be; JSON unless said otherwise. See ExpectedAnswer. */
	expect?: ExpectedAnswer;
	/** Wall-clock limit of one attempt: connecting, sending and receiving the whole answer. */
	timeoutMs?: number;
	/** Wall-clock limit of all attempts and the waits between them; never less than `timeoutMs`. */
	totalTimeoutMs?: number;
}

export interface ServiceResponse<T = unknown> {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON, a string (text answers), a Buffer (`expect: 'binary'`), or undefined (no content). */
	body: T;
}

/** One request as the door handles it, with what every message needs to name. */
export interface Call {
	ctx: RequestContext;
	service: ServiceDefinition;
	request: ServiceRequest;
	itemIndex: number;
	/** The path as sent, for messages: "POST /provisionningCollab/addClient (item 2)". */
	where: string;
	health: ServiceHealth;
	/** The write as n8n's Retry On Fail would repeat it; undefined for a read. */
	write?: WriteEntry;
}
