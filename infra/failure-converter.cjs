// Failure messages and stack traces can quote personal data (an address in a
// validation error, say), so they go into the failure's encoded attributes,
// which the payload codec encrypts; the server sees "Encoded failure".
// Plain CommonJS on purpose: the Temporal SDK loads this file by path with
// require() in the client and the worker, and bundles it into workflow code.
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by require(), see above
const { DefaultFailureConverter } = require('@temporalio/common');

exports.failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
