/**
 * The supplier API's contract: one OpenAPI 3.1 document, served at `/api/suppliers/v1/openapi.json`
 * and used to check every request body (ajv, JSON Schema 2020-12: errors name the field). Versioned in
 * the path: a breaking change is `/v2`.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { INCIDENT_CATEGORIES } from '../../../shared/cases/supplier';
import { FristvaktError } from '../../../shared/errors';

const text = (maxLength: number, minLength = 1) => ({ type: 'string', minLength, maxLength });
const error = { $ref: '#/components/schemas/Error' };
const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      { description: ERROR_TEXT[c] ?? 'Error', content: { 'application/json': { schema: error } } },
    ]),
  );
const ERROR_TEXT: Record<number, string> = {
  400: 'The body does not match the schema (`error.field` names the field) or is not JSON',
  401: 'No, a wrong, revoked or disabled credential',
  404: 'No such case, or not one this supplier holds',
  409: 'The case does not allow this now (e.g. already solved)',
  413: 'The body is too large',
  429: 'Too many requests from this supplier: wait `Retry-After` seconds',
};

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Fristvakt supplier API',
    version: '1.0.0',
    description:
      'For operations suppliers (driftsleverandører): report an incident you found (seed 001 M.2) and ' +
      'update the cases you hold (M.1.3). Every request is authenticated and limited to your own cases.',
  },
  servers: [{ url: '/api/suppliers/v1' }],
  security: [{ apiKey: [] }, { entra: [] }],
  paths: {
    '/incidents': {
      post: {
        operationId: 'reportIncident',
        summary: 'Report an incident (M.2.1.3); answers our reference at once (M.2.1.5)',
        description: 'Idempotent on (supplier, supplierReference): a retry answers 200 with the same case.',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Incident' } } },
        },
        responses: {
          '201': {
            description: 'Created',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Case' } } },
          },
          '200': {
            description: 'Already reported: the same case',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Case' } } },
          },
          ...errors(400, 401, 413, 429),
        },
      },
    },
    '/cases/{reference}': {
      parameters: [{ $ref: '#/components/parameters/reference' }],
      get: {
        operationId: 'getCase',
        summary: 'A case you hold',
        responses: {
          '200': {
            description: 'The case',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Case' } } },
          },
          ...errors(401, 404, 429),
        },
      },
    },
    '/cases/{reference}/updates': {
      parameters: [{ $ref: '#/components/parameters/reference' }],
      post: {
        operationId: 'updateCase',
        summary:
          'Update a case you hold: comment, your case number, status, solved, fixed in a later version',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Update' } } },
        },
        responses: {
          '200': {
            description: 'The case after the update',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Case' } } },
          },
          ...errors(400, 401, 404, 409, 413, 429),
        },
      },
    },
  },
  components: {
    securitySchemes: {
      apiKey: {
        type: 'apiKey',
        in: 'header',
        name: 'X-Api-Key',
        description: 'A key from the administrator',
      },
      entra: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'Entra ID client credentials with the app role Supplier.<your id>',
      },
    },
    parameters: {
      reference: {
        name: 'reference',
        in: 'path',
        required: true,
        schema: { type: 'string', pattern: '^FV-\\d{4}-\\d{6}$' },
      },
    },
    schemas: {
      Incident: {
        type: 'object',
        additionalProperties: false,
        required: ['supplierReference', 'serviceId', 'category', 'priority', 'title', 'message', 'startedAt'],
        properties: {
          supplierReference: { ...text(100), description: 'Your case number (unique per supplier)' },
          serviceId: text(64),
          category: {
            type: 'string',
            enum: INCIDENT_CATEGORIES,
            description: 'application: technical application fault; the others: infrastructure',
          },
          priority: { ...text(40), description: "A priority of the receiving desk's policy, e.g. kritisk" },
          title: text(120, 3),
          message: { ...text(4000, 10), description: 'What the fault (message) says' },
          startedAt: { type: 'string', format: 'date-time' },
          status: { ...text(100), description: 'Your own status of it' },
          possibleSolution: text(4000),
          informationOnly: { type: 'boolean', default: false, description: 'For information only' },
          availability: { type: 'string', enum: ['partial', 'all'] },
        },
      },
      Update: {
        oneOf: [
          {
            type: 'object',
            additionalProperties: false,
            required: ['type', 'text'],
            properties: {
              type: { const: 'comment' },
              text: text(4000),
              visibility: {
                type: 'string',
                enum: ['public', 'internal'],
                description: 'public: the reporter sees it too; internal: the desk only',
              },
            },
          },
          {
            type: 'object',
            additionalProperties: false,
            required: ['type', 'caseNumber'],
            properties: { type: { const: 'case_number' }, caseNumber: text(100) },
          },
          {
            type: 'object',
            additionalProperties: false,
            required: ['type', 'status'],
            properties: { type: { const: 'status' }, status: text(100), note: text(4000) },
          },
          {
            type: 'object',
            additionalProperties: false,
            required: ['type', 'solution'],
            properties: { type: { const: 'solved' }, solution: text(4000) },
          },
          {
            type: 'object',
            additionalProperties: false,
            required: ['type', 'solution'],
            properties: {
              type: { const: 'fixed_in_later_version' },
              solution: text(4000),
              version: text(100),
            },
          },
        ],
        discriminator: { propertyName: 'type' },
      },
      Case: {
        type: 'object',
        required: ['reference', 'status', 'priority', 'title', 'serviceId', 'receivedAt', 'updatedAt'],
        properties: {
          reference: { type: 'string', description: 'Our reference (FV-2026-000123)' },
          status: { type: 'string', enum: ['new', 'in_progress', 'waiting', 'solved', 'closed'] },
          priority: { type: 'string' },
          title: { type: 'string' },
          serviceId: { type: 'string' },
          receivedAt: { type: 'string', format: 'date-time' },
          updatedAt: { type: 'string', format: 'date-time' },
          supplierCaseNumber: { type: 'string' },
          heldSince: { type: 'string', format: 'date-time' },
          lastContactAt: { type: 'string', format: 'date-time' },
          solution: { type: 'string' },
          supplierReference: { type: 'string' },
        },
      },
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } },
          },
        },
      },
    },
  },
} as const;

const ajv = new Ajv2020({ allErrors: false, strict: false, discriminator: true });
addFormats(ajv);
ajv.addSchema({ $id: 'fristvakt-supplier', components: OPENAPI.components } as never);

const validators = new Map<string, ValidateFunction>();
function validator(name: 'Incident' | 'Update'): ValidateFunction {
  let v = validators.get(name);
  if (!v) {
    v = ajv.compile({ $ref: `fristvakt-supplier#/components/schemas/${name}` });
    validators.set(name, v);
  }
  return v;
}

/** The field an ajv error is about: `/status` → `status`; a missing property names itself. */
function fieldOf(e: ErrorObject): string {
  const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (e.keyword === 'required') {
    const missing = (e.params as { missingProperty: string }).missingProperty;
    return path ? `${path}.${missing}` : missing;
  }
  if (e.keyword === 'additionalProperties') {
    const extra = (e.params as { additionalProperty: string }).additionalProperty;
    return path ? `${path}.${extra}` : extra;
  }
  return path || 'body';
}

/** Checks `body` against a schema of the document; a `VALIDATION` error names the first bad field. */
export function checkBody<T>(name: 'Incident' | 'Update', body: unknown): T {
  const v = validator(name);
  if (v(body)) return body as T;
  const e = v.errors![0]!;
  const field = fieldOf(e);
  throw new FristvaktError('VALIDATION', `${field}: ${e.message ?? 'is not valid'}`, { field });
}
