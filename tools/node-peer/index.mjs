// Node.js peer of the Products API, in the shape of the classic single-module Lambda handler: used only as the
// baseline of the cold-start and latency benchmark, never deployed. Kept deliberately simple (no signed page tokens,
// minimal validation): it measures the runtime, not our API rules.
// Event and response: API Gateway HTTP API Lambda proxy integration, payload format version 2.0
// ("Working with AWS Lambda proxy integrations for HTTP APIs").
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';

// Created once per execution environment, outside the handler, so warm invocations reuse the client and its
// connections. The SDK reads AWS_REGION, credentials and AWS_ENDPOINT_URL_DYNAMODB from the environment itself.
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const tableName = process.env.TABLE_NAME;

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;
const HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };

const respond = (statusCode, body, headers = {}) => ({
  statusCode,
  headers: { ...HEADERS, ...headers },
  body: JSON.stringify(body),
});

const badRequest = (message) => respond(400, { message });

async function listProducts(event) {
  const query = event.queryStringParameters ?? {};
  let limit = DEFAULT_LIMIT;
  if (query.limit !== undefined) {
    limit = Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      return badRequest(`limit must be an integer from 1 to ${MAX_LIMIT}`);
    }
  }
  let exclusiveStartKey;
  if (query.nextToken) {
    try {
      exclusiveStartKey = JSON.parse(Buffer.from(query.nextToken, 'base64url').toString('utf8'));
    } catch {
      return badRequest('nextToken is invalid');
    }
    if (typeof exclusiveStartKey?.id !== 'string') return badRequest('nextToken is invalid');
  }
  const page = await client.send(new ScanCommand({
    TableName: tableName,
    Limit: limit,
    ExclusiveStartKey: exclusiveStartKey,
  }));
  const body = { message: 'Products retrieved successfully', data: page.Items ?? [] };
  if (page.LastEvaluatedKey) {
    body.nextToken = Buffer.from(JSON.stringify(page.LastEvaluatedKey)).toString('base64url');
  }
  return respond(200, body);
}

async function createProduct(event) {
  let draft;
  try {
    const text = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : event.body;
    draft = JSON.parse(text ?? '');
  } catch {
    return badRequest('Request body is not valid JSON');
  }
  if (draft === null || typeof draft !== 'object' || Array.isArray(draft)) {
    return badRequest('Request body must be a JSON object');
  }
  if (typeof draft.name !== 'string' || draft.name.trim() === '') return badRequest('name must be a non-empty string');
  if (typeof draft.price !== 'number' || !Number.isFinite(draft.price) || draft.price < 0) {
    return badRequest('price must be a number >= 0');
  }
  const product = {
    id: randomUUID(),
    name: draft.name.trim(),
    price: draft.price,
    ...(typeof draft.description === 'string' ? { description: draft.description } : {}),
    ...(typeof draft.category === 'string' ? { category: draft.category } : {}),
    createdAt: new Date().toISOString(),
  };
  await client.send(new PutCommand({
    TableName: tableName,
    Item: product,
    ConditionExpression: 'attribute_not_exists(id)',
  }));
  return respond(201, { message: 'Product created successfully', data: product },
    { Location: `/products/${product.id}` });
}

async function getProduct(event) {
  const id = event.pathParameters?.id;
  if (!id) return badRequest('id is required');
  const result = await client.send(new GetCommand({ TableName: tableName, Key: { id }, ConsistentRead: true }));
  if (!result.Item) return respond(404, { message: 'Product not found' });
  return respond(200, { message: 'Product retrieved successfully', data: result.Item });
}

const routes = {
  'GET /products': listProducts,
  'POST /products': createProduct,
  'GET /products/{id}': getProduct,
};

export const handler = async (event, context) => {
  const route = routes[event.routeKey];
  if (!route) return respond(404, { message: 'Not found' });
  try {
    return await route(event);
  } catch (error) {
    // Log for the operator; the client never sees exception text.
    console.error(JSON.stringify({ level: 'ERROR', message: 'Unhandled error', error: String(error) }));
    return respond(500, { message: 'Internal server error', requestId: context?.awsRequestId });
  }
};
