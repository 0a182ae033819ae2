import type { z } from 'zod';
import type { ChannelName, Contract } from '../../shared/contract';

/** What a handler receives: the input after zod parsing (trimmed, lower-cased, defaults applied). */
export type ChannelParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
