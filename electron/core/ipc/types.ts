// The types of the IPC layer, apart from the code that uses them (handlers.ts and handlers-*.ts both import
// these, and handlers.ts imports handlers-*.ts: keeping them here is what keeps that graph acyclic).
import type { z } from 'zod';
import type { ChannelName, ChannelOutput, Contract } from '../../shared/contract';

/** What a handler receives: the input after zod parsing (trimmed, lower-cased, defaults applied). */
export type ChannelParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;

export type Handler<C extends ChannelName> = (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
export type HandlersFor<K extends ChannelName> = { [C in K]: Handler<C> };
export type Handlers = HandlersFor<ChannelName>;
