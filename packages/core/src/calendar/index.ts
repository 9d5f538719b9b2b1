export * from './civil.js';
