/** Every UI message catalogue, those of the first page and those registered by views loaded on demand (the parity test reads them all). */
import { FIRST_PAGE_CATALOGUES, type MessageCatalogue } from './index.js';
import { networkMessages } from './messages/network.js';
import { tokensMessages } from './messages/tokens.js';
import { workshopMessages } from './messages/workshop.js';

export const MESSAGE_CATALOGUES: readonly MessageCatalogue[] = [...FIRST_PAGE_CATALOGUES, networkMessages, tokensMessages, workshopMessages];
