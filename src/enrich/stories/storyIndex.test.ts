import { describe } from 'node:test';
import { storyIndexContract } from '../../domain/testing/storyIndexContract.ts';
import { MemoryStoryIndex } from './storyIndex.ts';

describe('MemoryStoryIndex', () => {
  storyIndexContract(async () => ({ index: new MemoryStoryIndex(), documentId: async (n) => `doc-${n}`, close: async () => {} }));
});
