// What the compiler knows of AWS service events: source, detail-type, the JSON Schema of `detail`
// and an example, per source kind. Sources: the AWS user guides' event reference pages (S3 "Amazon
// EventBridge event message structure", EC2 "instance state-change notification", CloudTrail "AWS API
// Call via CloudTrail", EventBridge Pipes DynamoDB stream records, scheduled events).
import type { JsonObject } from './types';

const str = { type: 'string' };
const int = { type: 'integer' };

const s3Bucket = { type: 'object', required: ['name'], properties: { name: { ...str, description: 'Bucket name.' } } };
const s3Common = {
  version: str,
  bucket: s3Bucket,
  'request-id': str,
  requester: { ...str, description: 'Account id or AWS service principal that made the request.' },
  'source-ip-address': str,
};

export const S3_DETAIL_SCHEMAS: Record<string, JsonObject> = {
  'Object Created': {
    type: 'object',
    required: ['version', 'bucket', 'object', 'request-id', 'requester', 'reason'],
    properties: {
      ...s3Common,
      object: {
        type: 'object',
        required: ['key', 'etag', 'sequencer'],
        properties: {
          key: { ...str, description: 'Object key (URL-encoded).' },
          size: { ...int, description: 'Object size in bytes.' },
          etag: str,
          'version-id': str,
          sequencer: str,
        },
      },
      reason: { enum: ['PutObject', 'POST Object', 'CopyObject', 'CompleteMultipartUpload'], description: 'The API call that created the object.' },
    },
  },
  'Object Deleted': {
    type: 'object',
    required: ['version', 'bucket', 'object', 'request-id', 'requester', 'reason', 'deletion-type'],
    properties: {
      ...s3Common,
      object: { type: 'object', required: ['key', 'sequencer'], properties: { key: str, etag: str, 'version-id': str, sequencer: str } },
      reason: { enum: ['DeleteObject', 'Lifecycle Expiration'] },
      'deletion-type': { enum: ['Permanently Deleted', 'Delete Marker Created'] },
    },
  },
};

const s3GenericDetail: JsonObject = {
  type: 'object',
  required: ['version', 'bucket', 'object'],
  properties: { ...s3Common, object: { type: 'object', required: ['key'], properties: { key: str, size: int, etag: str, 'version-id': str, sequencer: str } } },
};

export function s3DetailSchema(event: string): JsonObject {
  return S3_DETAIL_SCHEMAS[event] ?? s3GenericDetail;
}

export function s3Example(event: string, bucket: string): JsonObject {
  const base: JsonObject = {
    version: '0',
    bucket: { name: bucket },
    object: { key: 'incoming/example.csv', size: 1024, etag: 'd41d8cd98f00b204e9800998ecf8427e', sequencer: '00617F08299329D189' },
    'request-id': 'N4N7GDK58NMKJ12R',
    requester: '123456789012',
    'source-ip-address': '203.0.113.15',
  };
  if (event === 'Object Created') return { ...base, reason: 'PutObject' };
  if (event === 'Object Deleted') return { ...base, object: { key: 'incoming/example.csv', sequencer: '00617F08299329D189' }, reason: 'DeleteObject', 'deletion-type': 'Permanently Deleted' };
  return base;
}

export const EC2_STATE_CHANGE = {
  source: 'aws.ec2',
  detailType: 'EC2 Instance State-change Notification',
  schema: {
    type: 'object',
    required: ['instance-id', 'state'],
    properties: {
      'instance-id': { ...str, description: 'The instance id, e.g. i-1234567890abcdef0.' },
      state: { enum: ['pending', 'running', 'shutting-down', 'stopping', 'stopped', 'terminated'], description: 'The new state.' },
    },
  } as JsonObject,
  example: { 'instance-id': 'i-1234567890abcdef0', state: 'stopped' } as JsonObject,
};

export const CLOUDTRAIL_DETAIL_TYPE = 'AWS API Call via CloudTrail';

export function cloudTrailSchema(service: string): JsonObject {
  return {
    type: 'object',
    required: ['eventVersion', 'eventTime', 'eventSource', 'eventName', 'awsRegion', 'eventID', 'eventType'],
    properties: {
      eventVersion: str,
      userIdentity: {
        type: 'object',
        properties: { type: str, principalId: str, arn: str, accountId: str, accessKeyId: str, userName: str, invokedBy: str, sessionContext: { type: 'object' } },
      },
      eventTime: { ...str, format: 'date-time' },
      eventSource: { const: `${service}.amazonaws.com`, description: 'The service that received the call.' },
      eventName: { ...str, description: 'The API action, e.g. CreateUser.' },
      awsRegion: str,
      sourceIPAddress: { ...str, description: 'Caller IP address, or the calling service.' },
      userAgent: str,
      errorCode: str,
      errorMessage: str,
      requestParameters: { type: ['object', 'null'], description: 'The request parameters of the call (service-specific).' },
      responseElements: { type: ['object', 'null'], description: 'The response elements of the call (service-specific).' },
      requestID: str,
      eventID: str,
      readOnly: { type: 'boolean' },
      eventType: { enum: ['AwsApiCall', 'AwsServiceEvent', 'AwsConsoleAction', 'AwsConsoleSignIn'] },
      managementEvent: { type: 'boolean' },
      recipientAccountId: str,
      eventCategory: str,
    },
  };
}

export function cloudTrailExample(service: string): JsonObject {
  return {
    eventVersion: '1.09',
    userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLE', arn: 'arn:aws:iam::123456789012:user/alice', accountId: '123456789012', userName: 'alice' },
    eventTime: '2026-01-01T00:00:00Z',
    eventSource: `${service}.amazonaws.com`,
    eventName: 'ExampleAction',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.15',
    userAgent: 'aws-cli/2.15.0',
    requestParameters: {},
    responseElements: null,
    requestID: '11111111-2222-3333-4444-555555555555',
    eventID: '66666666-7777-8888-9999-000000000000',
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: '123456789012',
    eventCategory: 'Management',
  };
}

/** A DynamoDB stream record as an EventBridge pipe puts it in `detail`. */
export const DYNAMODB_RECORD_SCHEMA: JsonObject = {
  type: 'object',
  required: ['eventID', 'eventName', 'eventSource', 'awsRegion', 'dynamodb'],
  properties: {
    eventID: str,
    eventName: { enum: ['INSERT', 'MODIFY', 'REMOVE'], description: 'What happened to the item.' },
    eventVersion: str,
    eventSource: { const: 'aws:dynamodb' },
    awsRegion: str,
    eventSourceARN: str,
    dynamodb: {
      type: 'object',
      required: ['Keys', 'SequenceNumber', 'StreamViewType'],
      properties: {
        ApproximateCreationDateTime: { type: 'number' },
        Keys: { $ref: '#/definitions/AttributeMap' },
        NewImage: { $ref: '#/definitions/AttributeMap', description: 'The item after the change (INSERT, MODIFY).' },
        OldImage: { $ref: '#/definitions/AttributeMap', description: 'The item before the change (MODIFY, REMOVE).' },
        SequenceNumber: str,
        SizeBytes: int,
        StreamViewType: { const: 'NEW_AND_OLD_IMAGES' },
      },
    },
  },
  definitions: {
    AttributeMap: { type: 'object', additionalProperties: { $ref: '#/definitions/AttributeValue' } },
    AttributeValue: {
      type: 'object',
      description: 'A DynamoDB attribute value in its wire form, e.g. { "S": "text" } or { "N": "42" }.',
      properties: {
        S: str,
        N: str,
        B: str,
        SS: { type: 'array', items: str },
        NS: { type: 'array', items: str },
        BS: { type: 'array', items: str },
        M: { $ref: '#/definitions/AttributeMap' },
        L: { type: 'array', items: { $ref: '#/definitions/AttributeValue' } },
        NULL: { type: 'boolean' },
        BOOL: { type: 'boolean' },
      },
    },
  },
};

export function dynamodbExample(partitionKey: string): JsonObject {
  return {
    eventID: '1',
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    eventSourceARN: 'arn:aws:dynamodb:us-east-1:123456789012:table/example/stream/2026-01-01T00:00:00.000',
    dynamodb: {
      ApproximateCreationDateTime: 1767225600,
      Keys: { [partitionKey]: { S: 'example-1' } },
      NewImage: { [partitionKey]: { S: 'example-1' } },
      SequenceNumber: '111',
      SizeBytes: 26,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

export const SCHEDULED_EVENT = {
  source: 'aws.events',
  detailType: 'Scheduled Event',
  schema: { type: 'object', additionalProperties: false, properties: {} } as JsonObject,
  example: {} as JsonObject,
};
