// fast-check arbitraries read from the portal's OpenAPI document: requests
// that the document says are valid, and ones that bend them (wrong types,
// missing fields, random JSON, deep nesting, odd paths and headers).
import fc from 'fast-check';

/** The subset of JSON Schema (draft 2020-12) that zod's toJSONSchema writes. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
}

interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  schema?: JsonSchema;
}

interface Operation {
  security?: Array<Record<string, unknown>>;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

export interface FuzzRequest {
  method: string;
  /** The path template, e.g. /api/v1/documents/{id}. */
  route: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Who sends the request: nobody signed in, a member, the editor, or a forged token. */
export type Credential = 'none' | 'member' | 'editor' | 'forged';

const MAX_TEXT = 60;

function patternArbitrary(pattern: string): fc.Arbitrary<string> | undefined {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return undefined;
  }
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? MAX_TEXT, MAX_TEXT));
  // A pattern is the most precise word of the schema (zod writes its e-mail rule as one).
  const fromPattern = schema.pattern ? patternArbitrary(schema.pattern) : undefined;
  if (fromPattern) return fromPattern.filter((text) => text.length >= minLength && text.length <= (schema.maxLength ?? Infinity));
  switch (schema.format) {
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
    case 'date':
      return fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    case 'date-time':
      return fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((date) => date.toISOString());
  }
  return fc.string({ minLength, maxLength, unit: 'grapheme' });
}

/** Values the schema accepts (as far as its keywords tell; formats within reason). */
export function validValue(schema: JsonSchema, document: OpenApiDocument, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 8) return fc.constant(null);
  if (schema.$ref) return validValue(document.components.schemas[schema.$ref.split('/').at(-1)!]!, document, depth + 1);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((choice) => validValue(choice, document, depth + 1)));
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => validValue({ ...schema, type }, document, depth + 1)));
  switch (schema.type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000), max: Math.min(schema.maximum ?? 1_000_000, 1_000_000) });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schema.items ? validValue(schema.items, document, depth + 1) : fc.jsonValue(), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'object': {
      const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, validValue(value, document, depth + 1)]));
      return fc.record(properties, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** JSON text nesting arrays `depth` deep: built as text, since deep values would overflow any recursive walker. */
const deepArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** JSON bodies that bend the schema: the wrong type, a field missing or of the wrong kind, random or deeply nested JSON. */
export function bentBody(schema: JsonSchema, document: OpenApiDocument): fc.Arbitrary<string> {
  const valid = validValue(schema, document);
  const asObject = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
  return fc.oneof(
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
    fc.tuple(valid, fc.integer({ min: 65, max: 20_000 })).map(([value, depth]) => {
      const text = JSON.stringify(asObject(value));
      return `${text.slice(0, -1)}${text.length > 2 ? ',' : ''}"nested":${deepArrays(depth)}}`;
    }),
    fc.tuple(valid, fc.nat(), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ minLength: 10_000, maxLength: 20_000 }))).map(([value, pick, odd]) => {
      const object = asObject(value);
      const keys = Object.keys(object);
      return JSON.stringify(keys.length === 0 ? odd : { ...object, [keys[pick % keys.length]!]: odd });
    }),
    fc.tuple(valid, fc.nat()).map(([value, pick]) => {
      const object = asObject(value);
      const keys = Object.keys(object);
      if (keys.length === 0) return JSON.stringify(value);
      const dropped = keys[pick % keys.length]!;
      return JSON.stringify(Object.fromEntries(keys.filter((key) => key !== dropped).map((key) => [key, object[key]])));
    }),
  );
}

const oddSegment = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('..', '%2e%2e%2f%2e%2e', '%00', 'a'.repeat(3000), '🙂', 'CON', '<script>'),
);

function segmentArbitrary(parameter: Parameter, document: OpenApiDocument, knownIds: string[]): fc.Arbitrary<string> {
  const valid = parameter.schema ? validValue(parameter.schema, document).map(String) : fc.string({ minLength: 1, maxLength: 20 });
  return fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: fc.constantFrom(...knownIds), weight: 2 }, { arbitrary: oddSegment, weight: 1 });
}

/** Mostly the sender the operation asks for (so requests get past authentication), sometimes anyone else. */
function credentialArbitrary(operation: Operation): fc.Arbitrary<Credential> {
  const scheme = Object.keys(operation.security?.[0] ?? {})[0];
  const wanted: Credential = scheme === 'memberToken' ? 'member' : scheme === 'editorToken' ? 'editor' : 'none';
  return fc.oneof({ arbitrary: fc.constant(wanted), weight: 4 }, { arbitrary: fc.constantFrom<Credential>('none', 'member', 'editor', 'forged'), weight: 2 });
}

/** Every operation of the document as an arbitrary request, valid and bent, from each kind of sender. */
export function requestArbitrary(document: OpenApiDocument, knownIds: string[]): fc.Arbitrary<FuzzRequest & { credential: Credential }> {
  const operations: Array<fc.Arbitrary<FuzzRequest & { credential: Credential }>> = [];
  for (const [route, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = operation.parameters ?? [];
      const pathParameters = parameters.filter((parameter) => parameter.in === 'path');
      const queryParameters = parameters.filter((parameter) => parameter.in === 'query');
      const jsonSchema = operation.requestBody?.content['application/json']?.schema;
      const rawBody = operation.requestBody && !jsonSchema;
      const body: fc.Arbitrary<string | undefined> = jsonSchema
        ? fc.oneof(
            { arbitrary: validValue(jsonSchema, document).map((value) => JSON.stringify(value)), weight: 3 },
            { arbitrary: bentBody(jsonSchema, document), weight: 3 },
            { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
          )
        : rawBody
          ? fc.oneof(fc.string({ maxLength: 500 }), fc.jsonValue().map((value) => `${JSON.stringify(value)}\n`))
          : fc.constant(undefined);
      const query = fc.record(
        Object.fromEntries(
          queryParameters.map((parameter) => [
            parameter.name,
            fc.oneof(parameter.schema ? validValue(parameter.schema, document).map(String) : fc.string({ maxLength: 10 }), fc.string({ maxLength: 30 }), fc.constantFrom('-1', '1e309', '99999999999999999999', 'NaN')),
          ]),
        ),
        { requiredKeys: [] },
      );
      operations.push(
        fc
          .record({
            segments: fc.tuple(...pathParameters.map((parameter) => segmentArbitrary(parameter, document, knownIds))),
            query,
            body,
            credential: credentialArbitrary(operation),
            idempotencyKey: fc.oneof({ arbitrary: fc.stringMatching(/^[A-Za-z0-9-]{8,40}$/), weight: 4 }, fc.string({ maxLength: 300 }), fc.constant(undefined)),
            contentType: fc.constantFrom('application/json', 'application/json', 'text/plain', 'application/x-ndjson', undefined),
            range: fc.oneof(fc.constant(undefined), fc.constantFrom('bytes=0-10', 'bytes=-5', 'bytes=5-', 'bytes=10-1', 'bytes=0-1,3-4', 'bytes=x')),
          })
          .map(({ segments, query, body, credential, idempotencyKey, contentType, range }) => {
            let path = route;
            pathParameters.forEach((parameter, index) => (path = path.replace(`{${parameter.name}}`, encodeURIComponent(segments[index]!))));
            const search = new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)])).toString();
            const headers: Record<string, string> = {};
            if (contentType && body !== undefined) headers['content-type'] = contentType;
            if (idempotencyKey !== undefined && /^[\x20-\x7e]*$/.test(idempotencyKey)) headers['idempotency-key'] = idempotencyKey;
            if (range) headers.range = range;
            return { method: method.toUpperCase(), route, path: search ? `${path}?${search}` : path, headers, body, credential };
          }),
      );
    }
  }
  return fc.oneof(...operations);
}
