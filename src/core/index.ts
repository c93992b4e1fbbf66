export * from './types';
export * from './errors';
export * from './config';
export * from './client';
