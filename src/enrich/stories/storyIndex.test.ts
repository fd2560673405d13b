import { describe } from 'node:test';
import { storyIndexContract } from '../../domain/testing/storyIndexContract.ts';
import { MemoryStoryIndex } from './storyIndex.ts';

describe('MemoryStoryIndex', () => {
  storyIndexContract(
    async () => new MemoryStoryIndex(),
    async (n) => `doc-${n}`,
  );
});
