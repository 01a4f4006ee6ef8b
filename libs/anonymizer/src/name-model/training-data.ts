import { allNameKeys } from '../gazetteers/names.gazetteer';
import { openTaal } from '../gazetteers/opentaal.gazetteer';
import { readPackageFile } from '../gazetteers/word-set';
import { trainNameModel } from './train';
import { loadNameModel, type NameModel, type NameModelFile } from './name-model';

/**
 * Trains on the name gazetteer as it stands (all names, or the training half while the
 * evaluation holds the other half out) against the Dutch and English dictionaries.
 */
export function trainFromSources(): NameModelFile {
  const { firstNames, surnames } = allNameKeys();
  const english = JSON.parse(readPackageFile('an-array-of-english-words', 'index.json')) as string[];
  const words = [...openTaal().words, ...english];
  return trainNameModel([...firstNames, ...surnames], words);
}

export function trainModelFromSources(): NameModel {
  return loadNameModel(trainFromSources());
}
