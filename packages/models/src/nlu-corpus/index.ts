// @saldo/models/nlu-corpus — the NLU corpus on disk (Node): where it is, how to read a split, and
// which source folders a trained model depends on (for the server's model cache key).
export { nluCorpusDir, nluTrainingSourceDirs } from './locations.js';
export { readCorpus, readCorpusFiles, type CorpusFile, type CorpusSplit } from './read-corpus.js';
