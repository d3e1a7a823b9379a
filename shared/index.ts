export * from './schemas/common';
export * from './schemas/district';
export * from './schemas/group';
export * from './schemas/school';
