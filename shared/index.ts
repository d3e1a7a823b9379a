export * from './schemas/common';
export * from './schemas/district';
export * from './schemas/group';
export * from './schemas/school';
export * from './labels';
export * from './schemas/cloud-call';
export * from './schemas/identity';
export * from './limits';
