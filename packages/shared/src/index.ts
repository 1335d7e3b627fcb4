export * from './errors.js';
export * from './events.js';
export * from './schemas/common.js';
export * from './schemas/deck.js';
export * from './schemas/answer.js';
export * from './schemas/result.js';
export * from './schemas/session.js';
export * from './schemas/auth.js';
